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
pub mod import;
pub mod metrics;
pub mod model;
pub mod output;
pub mod report;
pub mod rules;
pub mod text;

pub mod app;
pub mod tui;
pub mod ui;

/// The interactive audit: load and compute before the terminal is taken, so that an input
/// error prints on a normal terminal.
pub fn interactive(
    path: Option<&std::path::Path>,
    common: &cli::args::Common,
) -> anyhow::Result<()> {
    let opened = cli::open::open(path, common)?;
    let period = audit::default_period(&opened.account)
        .ok_or_else(|| anyhow::anyhow!("{}: no dated rows to show", opened.label))?;
    let no_color = common.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let origin = app::Origin {
        label: opened.label,
        demo: opened.demo,
        timezone: opened.tz.name().to_string(),
        theme: opened.user.theme.clone(),
        no_color,
    };
    let mut app = app::App::new(
        opened.account,
        opened.load,
        opened.thresholds,
        origin,
        period,
    );
    tui::run(&mut app)
}
