//! smm-audit: audit a social-media-marketing contractor from the platforms' own exports.
//!
//! The core knows nothing of the terminal:
//!
//! ```text
//!   import ──► model ◄── metrics ◄── rules ◄── report
//!                 ▲                      ▲
//!               config                 (app, ui, tui: the interactive audit)
//! ```

pub mod audit;
pub mod cli;
pub mod config;
pub mod evidence;
pub mod format;
pub mod import;
pub mod metrics;
pub mod model;
pub mod output;
pub mod portfolio;
pub mod report;
pub mod rules;
pub mod text;

pub mod app;
pub mod tui;
pub mod ui;

/// The interactive audit's state for an opened account, on its default period.
pub fn build_app(opened: cli::open::Opened, no_color: bool) -> anyhow::Result<app::App> {
    let period = audit::default_period(&opened.account)
        .ok_or_else(|| anyhow::anyhow!("{}", cli::commands::nothing_dated(&opened)))?;
    let origin = app::Origin {
        label: opened.label,
        demo: opened.demo,
        timezone: opened.tz.name().to_string(),
        theme: opened.user.theme.clone(),
        no_color,
        inputs: opened.inputs,
    };
    Ok(app::App::new(
        opened.account,
        opened.load,
        opened.thresholds,
        origin,
        period,
    ))
}

/// The interactive audit: load and compute before the terminal is taken, so that an input
/// error prints on a normal terminal.
pub fn interactive(
    path: Option<&std::path::Path>,
    common: &cli::args::Common,
) -> anyhow::Result<()> {
    let no_color = common.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if let Some(root) = path.filter(|p| is_portfolio(p)) {
        return interactive_portfolio(root, common, no_color);
    }
    let opened = cli::open::open(path, common)?;
    if audit::default_period(&opened.account).is_none() {
        // What the files lack is in the load's warnings: say them before why nothing opens.
        cli::commands::print_warnings(&opened);
    }
    let mut app = build_app(opened, no_color)?;
    tui::run(&mut app)
}

/// A folder without exports of its own whose folders are accounts.
fn is_portfolio(path: &std::path::Path) -> bool {
    path.is_dir() && {
        let found = portfolio::candidates(path);
        !found.is_empty() && !found.iter().any(|f| f == path)
    }
}

/// The portfolio's list; Enter opens an account, Esc on its dashboard comes back.
fn interactive_portfolio(
    root: &std::path::Path,
    common: &cli::args::Common,
    no_color: bool,
) -> anyhow::Result<()> {
    let (total, rows) = cli::portfolio::stream(root, common);
    let mut state = app::portfolio::PortfolioState::new(root.display().to_string(), total);
    let user_theme = config::UserConfig::load(common.config.as_deref())?.theme;
    let theme = ui::Theme::pick(user_theme.as_deref(), no_color);
    let mut open = |folder: &str| -> anyhow::Result<app::App> {
        let opened = cli::open::open(Some(&root.join(folder)), common)?;
        build_app(opened, no_color)
    };
    tui::run_portfolio(&mut state, &rows, &mut open, &theme)
}
