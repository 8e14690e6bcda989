//! A portfolio: one row per account folder, sorted by risk. The rows are built here from each
//! account's audit; finding the folders and reading them is the command's (at the edge).

pub mod render;

use crate::audit::{default_period, AccountAudit};
use crate::import::LoadReport;
use crate::metrics::Kpi;
use crate::model::{Account, Period};
use crate::rules::{Severity, Thresholds, VerdictLevel};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Days without a daily row after which an account's data is stale.
pub const STALE_DAYS: i64 = 35;

/// One account of the portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The folder, relative to the portfolio's root.
    pub folder: String,
    pub name: String,
    pub platform: Option<String>,
    /// The last whole month, which the row's figures are of.
    pub month: Option<Period>,
    pub verdict: Option<VerdictLevel>,
    /// Months of the last twelve whose verdict flags them.
    pub flagged_months: usize,
    pub followers_end: Option<f64>,
    pub growth_pct: Option<f64>,
    pub er_post_pct: Option<f64>,
    pub reach_per_follower_pct: Option<f64>,
    pub plan_met: usize,
    pub plan_missed: usize,
    /// The month's findings at medium or above (stale data counts as one).
    pub findings: usize,
    /// The most severe finding of the month (stale data is medium).
    pub worst: Option<Severity>,
    pub last_day: Option<NaiveDate>,
    /// No daily row in the last [`STALE_DAYS`] days.
    pub stale: bool,
    /// Files recognised but set aside.
    pub set_aside: usize,
    /// Why the account could not be read, in one sentence.
    pub error: Option<String>,
    /// Why an account that was read could not be audited (no dated row), in one sentence.
    pub not_audited: Option<String>,
}

impl Row {
    /// An account that could not be loaded.
    pub fn failed(folder: String, reason: String) -> Row {
        Row {
            name: folder.clone(),
            folder,
            platform: None,
            month: None,
            verdict: None,
            flagged_months: 0,
            followers_end: None,
            growth_pct: None,
            er_post_pct: None,
            reach_per_follower_pct: None,
            plan_met: 0,
            plan_missed: 0,
            findings: 0,
            worst: None,
            last_day: None,
            stale: false,
            set_aside: 0,
            error: Some(reason),
            not_audited: None,
        }
    }

    /// Its place in the risk order: likely inflated, questionable, not enough data (and
    /// unreadable), genuine.
    fn risk(&self) -> u8 {
        match self.verdict {
            Some(VerdictLevel::LikelyInflated) => 0,
            Some(VerdictLevel::Questionable) => 1,
            Some(VerdictLevel::InsufficientData) => 2,
            None => 3,
            Some(VerdictLevel::Genuine) => 4,
        }
    }
}

/// The row of a loaded account, audited over its history; `today` decides whether its data is
/// stale.
pub fn row(
    folder: String,
    account: &Account,
    load: &LoadReport,
    th: &Thresholds,
    today: NaiveDate,
) -> Row {
    let whole = AccountAudit::new(account, th);
    let month = default_period(account);
    let audit = month.map(|m| whole.period(account, th, &m));
    let last_day = account.daily_span().map(|(_, last)| last);
    let stale = last_day.is_none_or(|d| (today - d).num_days() > STALE_DAYS);
    let serious = |s: Severity| s >= Severity::Medium;
    let (mut findings, mut worst) = audit.as_ref().map_or((0, None), |a| {
        let real = a.findings.iter().filter(|f| f.rule != "not-evaluated");
        (
            real.clone().filter(|f| serious(f.severity)).count(),
            real.map(|f| f.severity).max(),
        )
    });
    // Stale data is a finding of an audited account; one with nothing to audit says why instead.
    if stale && month.is_some() {
        findings += 1;
        worst = worst.max(Some(Severity::Medium));
    }
    let kpi = |k: Kpi| audit.as_ref().and_then(|a| a.summary.kpis.get(k));
    let plan = audit.as_ref().map_or(&[][..], |a| &a.summary.plan[..]);
    let last12 = whole.history.iter().rev().take(12);
    Row {
        // An account without a name in audit.toml is known by its folder.
        name: match &account.config.account.name {
            Some(n) if !n.trim().is_empty() => n.clone(),
            _ => folder.clone(),
        },
        folder,
        platform: account.config.account.platform.clone(),
        month,
        verdict: audit.as_ref().map(|a| a.verdict.level),
        flagged_months: last12.filter(|m| m.verdict.level.is_flagged()).count(),
        followers_end: kpi(Kpi::FollowersEnd),
        growth_pct: kpi(Kpi::GrowthPct),
        er_post_pct: kpi(Kpi::ErPostPct),
        reach_per_follower_pct: kpi(Kpi::ReachPerFollowerPct),
        plan_met: plan.iter().filter(|p| p.met == Some(true)).count(),
        plan_missed: plan.iter().filter(|p| p.met == Some(false)).count(),
        findings,
        worst,
        last_day,
        stale,
        set_aside: load.skipped.iter().filter(|s| s.set_aside).count(),
        error: None,
        // Read, but with no dated row there is no month to judge: the row says why instead of
        // a blank verdict.
        not_audited: month.is_none().then(|| nothing_to_audit(load)),
    }
}

/// Why a loaded account has nothing to audit, with the first problem its files had: a file
/// set aside, else the first warning.
fn nothing_to_audit(load: &LoadReport) -> String {
    let set_aside = load.skipped.iter().find(|s| s.set_aside);
    let first = match (set_aside, load.warnings.first()) {
        (Some(s), _) => Some(format!("{} set aside: {}", s.file, s.reason)),
        (None, Some(w)) => Some(w.to_string()),
        (None, None) => None,
    };
    match first {
        Some(problem) => {
            format!("nothing to audit: no dated row could be read (first problem: {problem})")
        }
        None => "nothing to audit: no dated row could be read".to_string(),
    }
}

/// Most at risk first; then more findings first; then by folder.
pub fn sort(rows: &mut [Row]) {
    rows.sort_by(|a, b| {
        a.risk()
            .cmp(&b.risk())
            .then(b.findings.cmp(&a.findings))
            .then(a.folder.cmp(&b.folder))
    });
}

/// Folders that may hold an account: `root` and the folders under it, at most three levels
/// down; a folder with an export-like file or an `audit.toml` is a candidate, and the folders
/// inside a candidate are not searched (an account's own subfolders are not accounts).
pub fn candidates(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(root, 0, &mut out);
    out.sort();
    out
}

const EXPORT_EXTENSIONS: [&str; 7] = ["csv", "tsv", "txt", "json", "xlsx", "xls", "xlsm"];

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subdirs = Vec::new();
    let mut account = false;
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !hidden {
                subdirs.push(path);
            }
        } else if kind.is_file() {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            let ext = name.rsplit('.').next().unwrap_or("");
            account |= name == "audit.toml" || EXPORT_EXTENSIONS.contains(&ext);
        }
    }
    if account {
        out.push(dir.to_path_buf());
    } else if depth < 3 {
        for d in subdirs {
            walk(&d, depth + 1, out);
        }
    }
}
