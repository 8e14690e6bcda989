//! `smm-audit portfolio ROOT`: every account folder under ROOT, read and audited on all cores
//! (a few accounts in memory at once), one row each, most at risk first.

use super::args::{Common, FailOn, PortfolioArgs, PortfolioFormat};
use crate::portfolio::{self, render, Row};
use crate::rules::Severity;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::path::Path;

/// The rows of the accounts under `root`: a folder that holds no recognised export and no
/// audit.toml is not an account; one that cannot be read is a row with its reason.
pub fn rows(root: &Path, common: &Common) -> Vec<Row> {
    let today = chrono::Local::now().date_naive();
    let mut rows: Vec<Row> = portfolio::candidates(root)
        .par_iter()
        .filter_map(|dir| row_of(root, dir, common, today))
        .collect();
    portfolio::sort(&mut rows);
    rows
}

/// A folder's name under the root: "clients/acme", or "." for the root itself.
pub fn folder_name(root: &Path, dir: &Path) -> String {
    dir.strip_prefix(root)
        .ok()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| ".".to_string(), |p| p.display().to_string())
}

/// The row of one folder; `None` where it holds no recognised export and no audit.toml.
pub fn row_of(root: &Path, dir: &Path, common: &Common, today: chrono::NaiveDate) -> Option<Row> {
    let folder = folder_name(root, dir);
    match super::open::open(Some(dir), common) {
        Ok(o) if o.load.sources.is_empty() && !dir.join("audit.toml").is_file() => None,
        Ok(o) if o.load.sources.is_empty() => Some(Row::failed(
            folder,
            "no file of the folder is a recognised export".to_string(),
        )),
        Ok(o) => Some(portfolio::row(
            folder,
            &o.account,
            &o.load,
            &o.thresholds,
            today,
        )),
        Err(e) => Some(Row::failed(
            folder,
            crate::text::one_line(&format!("{e:#}")),
        )),
    }
}

/// Read the accounts under `root` on all cores in the background, each row sent as it is
/// made (`None` for a folder that is no account); returns how many folders are read and the
/// rows' receiver.
pub fn stream(root: &Path, common: &Common) -> (usize, std::sync::mpsc::Receiver<Option<Row>>) {
    let folders = portfolio::candidates(root);
    let total = folders.len();
    let (tx, rx) = std::sync::mpsc::channel();
    let (root, common) = (root.to_path_buf(), common.clone());
    std::thread::spawn(move || {
        let today = chrono::Local::now().date_naive();
        folders.par_iter().for_each_with(tx, |tx, dir| {
            let _ = tx.send(row_of(&root, dir, &common, today));
        });
    });
    (total, rx)
}

/// Returns whether an account has a finding at or above `--fail-on`.
pub fn portfolio(args: &PortfolioArgs, common: &Common) -> Result<bool> {
    if !args.root.is_dir() {
        bail!("{}: not a folder", args.root.display());
    }
    let rows = rows(&args.root, common);
    if rows.is_empty() {
        bail!(
            "{}: no account folder (a folder with exports) in it or the three levels below",
            args.root.display()
        );
    }
    let text = match args.format {
        PortfolioFormat::Table => render::table(&rows),
        PortfolioFormat::Md => render::markdown(&rows),
        PortfolioFormat::Json => render::json(&rows),
        PortfolioFormat::Csv => render::csv(&rows),
        PortfolioFormat::Html => render::html(&rows),
    };
    match &args.output {
        None => super::commands::emit(&text)?,
        Some(path) => {
            crate::output::write_new(path, text.as_bytes(), args.force)
                .with_context(|| format!("{}: not written", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    let bar = args.fail_on.map(|f| match f {
        FailOn::High => Severity::High,
        FailOn::Medium => Severity::Medium,
        FailOn::Low => Severity::Low,
    });
    let not_audited = match rows.iter().filter(|r| r.not_audited.is_some()).count() {
        0 => String::new(),
        n => format!(", {n} not audited"),
    };
    eprintln!(
        "{}: {} account{} read, {} flagged, {} not read{not_audited}",
        args.root.display(),
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        rows.iter()
            .filter(|r| r.verdict.is_some_and(|v| v.is_flagged()))
            .count(),
        rows.iter().filter(|r| r.error.is_some()).count()
    );
    Ok(bar.is_some_and(|bar| rows.iter().any(|r| r.worst.is_some_and(|w| w >= bar))))
}
