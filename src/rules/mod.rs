//! Rules: findings about the account, pure functions of the model and the metrics (rules.md).

mod finding;
pub mod thresholds;

pub use finding::{sort_findings, verdict, Family, Finding, Severity, Verdict, VerdictLevel};
pub use thresholds::Thresholds;

use crate::model::{Account, Period};

/// Every finding whose dates touch the period, most severe first.
pub fn evaluate(_account: &Account, period: &Period, _t: &Thresholds) -> Vec<Finding> {
    let mut findings: Vec<Finding> = Vec::new();
    findings.retain(|f| f.touches(period.start, period.end));
    sort_findings(&mut findings);
    findings
}
