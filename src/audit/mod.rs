//! The audit: what the rules know of the whole account (computed once per load), the verdict
//! of every month of its history, and one period's metrics, findings and verdict together.

mod charts;

pub use charts::{downsample, Charts, Series, MAX_POINTS};

use crate::metrics::{self, Kpi, PeriodSummary};
use crate::model::{Account, Period};
use crate::rules::{self, Analysis, Finding, Severity, Thresholds, Verdict};
use chrono::Datelike;

/// Everything the report and the screen show for one period.
#[derive(Debug, Clone)]
pub struct PeriodAudit {
    pub summary: PeriodSummary,
    pub findings: Vec<Finding>,
    pub verdict: Verdict,
    /// The followers the spike rules flagged inside the period (taken out of the plan).
    pub flagged_followers: Option<f64>,
    /// The latest audience snapshot beside the target portrait, by dimension.
    pub audience: Vec<rules::audience_table::AudienceTable>,
    /// What the charts draw: the period and the two months before it.
    pub charts: Charts,
}

/// One month of the account's history: its verdict and headline numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthVerdict {
    pub month: Period,
    pub verdict: Verdict,
    /// Findings at medium or above that touch the month.
    pub findings: usize,
    /// Every finding that touches the month, most severe first.
    pub found: Vec<Finding>,
    pub followers_end: Option<f64>,
    pub net_growth: Option<f64>,
    pub reach: Option<f64>,
    pub er_post_pct: Option<f64>,
    /// No daily row and no post in the month: it is in the history only because it lies
    /// between months that have data (a 2019 posts export beside a 2025 overview).
    pub empty: bool,
}

/// The account-wide part of an audit, built once per load.
#[derive(Debug, Clone, Default)]
pub struct AccountAudit {
    pub analysis: Analysis,
    /// Every calendar month of the data, oldest first.
    pub history: Vec<MonthVerdict>,
}

impl AccountAudit {
    pub fn new(account: &Account, th: &Thresholds) -> AccountAudit {
        let analysis = Analysis::of(account, th);
        let months = data_months(account);
        // Months are independent once the analysis is made: two halves, one core each.
        let judge = |months: &[Period]| -> Vec<MonthVerdict> {
            months
                .iter()
                .map(|m| month_verdict(account, &analysis, th, *m))
                .collect()
        };
        let history = if months.len() < 24 {
            judge(&months)
        } else {
            let (early, late) = months.split_at(months.len() / 2);
            let (mut first, second) = rayon::join(|| judge(early), || judge(late));
            first.extend(second);
            first
        };
        AccountAudit { analysis, history }
    }

    /// One period's audit.
    pub fn period(&self, account: &Account, th: &Thresholds, p: &Period) -> PeriodAudit {
        let mut summary = metrics::summarize(account, p);
        let eval = rules::evaluate_with(account, &self.analysis, &summary, th);
        let flagged_followers = self.analysis.flagged_followers(p);
        if let Some(c) = summary.contract.as_mut() {
            let flagged: Vec<f64> = c
                .during
                .iter()
                .filter_map(|m| self.analysis.flagged_followers(m))
                .collect();
            c.flagged_during = (!flagged.is_empty()).then(|| flagged.iter().sum());
        }
        if let Some(flagged) = flagged_followers {
            for entry in &mut summary.plan {
                entry.take_out(flagged, &summary.kpis);
            }
        }
        PeriodAudit {
            verdict: rules::verdict(&eval.findings, &eval.coverage),
            charts: Charts::build(account, &self.analysis, p, &eval.findings),
            findings: eval.findings,
            summary,
            flagged_followers,
            audience: rules::audience_table::tables(account, p),
        }
    }

    /// The months whose verdict flags them (questionable or likely inflated).
    pub fn flagged_months(&self) -> impl Iterator<Item = &MonthVerdict> + '_ {
        self.history.iter().filter(|m| m.verdict.level.is_flagged())
    }
}

/// One month's verdict and headline numbers.
fn month_verdict(
    account: &Account,
    analysis: &Analysis,
    th: &Thresholds,
    month: Period,
) -> MonthVerdict {
    let summary = metrics::summarize_for_rules(account, &month);
    let eval = rules::evaluate_with(account, analysis, &summary, th);
    let k = &summary.kpis;
    MonthVerdict {
        month,
        verdict: rules::verdict(&eval.findings, &eval.coverage),
        findings: eval
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Medium)
            .count(),
        found: eval.findings,
        followers_end: k.get(Kpi::FollowersEnd),
        net_growth: k.get(Kpi::NetGrowth),
        reach: k.get(Kpi::Reach),
        er_post_pct: k.get(Kpi::ErPostPct),
        empty: account.days_in(&month).next().is_none()
            && account.posts_in(&month).next().is_none(),
    }
}

/// One period's audit, with the account's analysis built for it.
pub fn audit_period(account: &Account, thresholds: &Thresholds, period: &Period) -> PeriodAudit {
    AccountAudit {
        analysis: Analysis::of(account, thresholds),
        history: Vec::new(),
    }
    .period(account, thresholds, period)
}

/// The most months a history holds: the latest fifty years (a stray date in year 1 must not
/// make the audit walk two thousand years).
pub const MAX_HISTORY_MONTHS: usize = 600;

/// Every calendar month from the first to the last with daily rows or posts (at most the last
/// `MAX_HISTORY_MONTHS`).
pub fn data_months(account: &Account) -> Vec<Period> {
    let dates = account
        .daily
        .keys()
        .next()
        .into_iter()
        .chain(account.daily.keys().next_back())
        .chain(account.posts.first().map(|p| &p.date))
        .chain(account.posts.last().map(|p| &p.date));
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut m = Period::month_of(*last);
    while m.end >= *first && out.len() < MAX_HISTORY_MONTHS {
        out.push(m);
        let prev = m.previous();
        if prev.start >= m.start {
            break;
        }
        m = prev;
    }
    out.reverse();
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DailyRow;

    /// Thirty months are judged in two halves on two cores: the history is what judging each
    /// month in turn gives.
    #[test]
    fn the_history_in_halves_equals_month_by_month() {
        let start = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let mut account = Account::default();
        account.presence.daily = true;
        let mut followers = 5_000.0;
        for i in 0..900u64 {
            let date = start + chrono::Days::new(i);
            let gain = 10.0 + (i % 7) as f64 + if i == 400 { 2_000.0 } else { 0.0 };
            followers += gain;
            account.daily.insert(
                date,
                DailyRow {
                    date,
                    followers: Some(followers),
                    ..DailyRow::default()
                },
            );
        }
        let th = Thresholds::default();
        let whole = AccountAudit::new(&account, &th);
        assert!(whole.history.len() >= 24);
        let one_by_one: Vec<MonthVerdict> = data_months(&account)
            .into_iter()
            .map(|m| month_verdict(&account, &whole.analysis, &th, m))
            .collect();
        assert_eq!(whole.history, one_by_one);
    }
}
