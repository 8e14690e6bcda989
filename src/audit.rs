//! One period of an audit: the metrics, the findings and the verdict together.

use crate::metrics::{self, PeriodSummary};
use crate::model::{Account, Period};
use crate::rules::{self, Finding, Thresholds, Verdict};
use chrono::Datelike;

/// Everything the report and the screen show for one period.
#[derive(Debug, Clone)]
pub struct PeriodAudit {
    pub summary: PeriodSummary,
    pub findings: Vec<Finding>,
    pub verdict: Verdict,
}

pub fn audit_period(account: &Account, thresholds: &Thresholds, period: &Period) -> PeriodAudit {
    let summary = metrics::summarize(account, period);
    let findings = rules::evaluate_with(account, &summary, thresholds);
    PeriodAudit {
        summary,
        verdict: rules::verdict(&findings),
        findings,
    }
}

/// The default period (interface.md): the last whole calendar month covered by the daily rows,
/// or, where none is whole, the last month that has daily rows; without daily rows, the month
/// of the last post, message or traffic row.
pub fn default_period(account: &Account) -> Option<Period> {
    if let Some((first, last)) = account.daily_span() {
        let last_month = Period::month_of(last);
        let whole = if last == last_month.end {
            last_month
        } else {
            last_month.previous()
        };
        if whole.start >= first {
            return Some(whole);
        }
        return Some(last_month);
    }
    let latest = [
        account.posts.iter().map(|p| p.date).max(),
        account.traffic.iter().map(|r| r.date).max(),
        account.spend.iter().map(|r| r.date).max(),
        account.messages.iter().map(|m| m.date).max(),
        account.audience.iter().map(|r| r.date).max(),
    ]
    .into_iter()
    .flatten()
    .max()?;
    Period::month(latest.year(), latest.month())
}
