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
pub mod config;
pub mod import;
pub mod metrics;
pub mod model;
pub mod report;
pub mod rules;
pub mod cli;
pub mod output;

/// The interactive audit.
pub fn interactive(path: Option<&std::path::Path>, common: &cli::args::Common) -> anyhow::Result<()> {
    let opened = cli::open::open(path, common)?;
    let period = audit::default_period(&opened.account)
        .ok_or_else(|| anyhow::anyhow!("{}: no dated rows to show", opened.label))?;
    let a = audit::audit_period(&opened.account, &opened.thresholds, &period);
    let input = report::ReportInput {
        account: &opened.account,
        load: &opened.load,
        audit: &a,
        timezone: opened.tz.name().to_string(),
        demo: opened.demo,
    };
    print!("{}", report::markdown::render(&input));
    Ok(())
}
