//! Before and during the contract (kpis.md): the contract's whole months against the whole
//! months before it (and after it, where it ended), KPI by KPI.

use super::kpi::{delta, Kpi, Kpis};
use super::stats::mean;
use crate::model::{Account, Period};
use chrono::NaiveDate;

/// The KPIs compared, in the table's order.
pub const KPIS: [Kpi; 7] = [
    Kpi::NetGrowth,
    Kpi::Reach,
    Kpi::ErPostPct,
    Kpi::PostsPerWeek,
    Kpi::Sessions,
    Kpi::Leads,
    Kpi::Cpl,
];

/// The months compared on each side.
const BEFORE_MONTHS: usize = 3;
const DURING_MONTHS: usize = 12;

/// One KPI: its monthly mean before, during and after the contract, and the change from
/// before to during (relative % for counts and money, percentage points for percentages).
#[derive(Debug, Clone, PartialEq)]
pub struct ContractRow {
    pub kpi: Kpi,
    pub before: Option<f64>,
    pub during: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ContractComparison {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub before: Vec<Period>,
    pub during: Vec<Period>,
    pub after: Vec<Period>,
    pub rows: Vec<ContractRow>,
    /// Changes in how the platform counts between the first month compared and the last.
    pub changes: Vec<super::changes::MetricChange>,
    /// The followers the spike rules flag in the contract's months (set by the audit, which
    /// knows them): the "during" net growth includes them.
    pub flagged_during: Option<f64>,
}

impl ContractComparison {
    pub fn row(&self, kpi: Kpi) -> Option<&ContractRow> {
        self.rows.iter().find(|r| r.kpi == kpi)
    }
}

/// A month every day of which has a daily row.
fn covered(account: &Account, m: &Period) -> bool {
    account.daily.range(m.start..=m.end).count() as i64 == m.days()
}

/// The (up to) `n` whole calendar months next to `from`'s month, going back or forth, that the
/// daily rows cover entirely; oldest first.
fn whole_months(account: &Account, from: NaiveDate, back: bool, n: usize) -> Vec<Period> {
    let mut m = Period::month_of(from);
    let mut out = Vec::new();
    for _ in 0..n {
        m = if back { m.previous() } else { m.next() };
        if covered(account, &m) {
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The contract's whole months up to `p`'s end (and the contract's end): the last twelve.
fn contract_months(start: NaiveDate, end: Option<NaiveDate>, p: &Period) -> Vec<Period> {
    let limit = end.map_or(p.end, |e| e.min(p.end));
    let mut out = Vec::new();
    let mut m = Period::month_of(start);
    while m.end <= limit {
        if m.start >= start {
            out.push(m);
        }
        m = m.next();
    }
    let skip = out.len().saturating_sub(DURING_MONTHS);
    out.split_off(skip)
}

fn mean_of(months: &[(Period, Kpis)], kpi: Kpi) -> Option<f64> {
    mean(months.iter().filter_map(|(_, k)| k.get(kpi)))
}

/// The comparison for the period `p`, where `[contract] start` is set.
pub fn compare(account: &Account, p: &Period) -> Option<ContractComparison> {
    let c = &account.config.contract;
    let start = c.start?;
    let before = whole_months(account, start, true, BEFORE_MONTHS);
    let during = contract_months(start, c.end, p);
    let after = match c.end {
        Some(end) if account.daily.range(end..).next().is_some() => {
            whole_months(account, end, false, BEFORE_MONTHS)
        }
        _ => Vec::new(),
    };
    let kpis = |months: &[Period]| -> Vec<(Period, Kpis)> {
        months
            .iter()
            .map(|m| (*m, super::compute(account, m)))
            .collect()
    };
    let (b, d, a) = (kpis(&before), kpis(&during), kpis(&after));
    let rows = KPIS
        .iter()
        .map(|kpi| {
            let (before, during) = (mean_of(&b, *kpi), mean_of(&d, *kpi));
            ContractRow {
                kpi: *kpi,
                before,
                during,
                after: mean_of(&a, *kpi),
                change: delta(*kpi, during, before),
            }
        })
        .collect();
    let first = before.first().or(during.first()).map(|m| m.start);
    let last = after.last().or(during.last()).map(|m| m.end);
    let changes = match (first, last) {
        (Some(a), Some(b)) => super::changes::between(account, a, b),
        _ => Vec::new(),
    };
    Some(ContractComparison {
        flagged_during: None,
        changes,
        start,
        end: c.end,
        before,
        during,
        after,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_contract_months_are_whole_and_at_most_twelve() {
        let p = Period::month(2026, 10).unwrap();
        let months = contract_months(d("2025-01-15"), None, &p);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].start, d("2025-11-01"));
        assert_eq!(months[11].start, d("2026-10-01"));
        let months = contract_months(d("2026-07-01"), Some(d("2026-09-15")), &p);
        let starts: Vec<_> = months.iter().map(|m| m.start).collect();
        assert_eq!(starts, [d("2026-07-01"), d("2026-08-01")]);
        assert!(contract_months(d("2026-11-01"), None, &p).is_empty());
    }
}
