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
        .ok_or_else(|| anyhow::anyhow!("{}: no dated rows to show", opened.label))?;
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
    let opened = cli::open::open(path, common)?;
    let no_color = common.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = build_app(opened, no_color)?;
    tui::run(&mut app)
}
