//! "Before and during the contract" for the reports and the screen: one table, written once.

use crate::format::{self, NO_VALUE};
use crate::metrics::contract::ContractComparison;
use crate::metrics::{Kpi, Unit};
use crate::model::Period;

/// The table's header.
pub const HEADER: [&str; 5] = ["KPI, a month", "before", "during", "after", "change"];

/// "Jul–Sep 2025", or "none".
fn span(months: &[Period]) -> String {
    match (months.first(), months.last()) {
        (Some(a), Some(b)) if a == b => a.start.format("%b %Y").to_string(),
        (Some(a), Some(b)) => format!("{}–{}", a.start.format("%b %Y"), b.start.format("%b %Y")),
        _ => "none".to_string(),
    }
}

/// What the table compares, in one sentence.
pub fn sentence(c: &ContractComparison) -> String {
    let end = c.end.map_or(String::new(), |e| format!(", ended {e}"));
    let after = if c.after.is_empty() {
        String::new()
    } else {
        format!("; after: {}", span(&c.after))
    };
    format!(
        "The contract started {}{end}. Monthly means of the whole months before it ({}), during it ({}){after}. A month without a value is left out of its mean.",
        c.start,
        span(&c.before),
        span(&c.during)
    )
}

/// A change as month-over-month deltas write it: "+35.6 %", "-0.40 pp".
fn change(kpi: Kpi, d: Option<f64>) -> String {
    match d {
        None => NO_VALUE.to_string(),
        Some(d) => {
            let sign = if d > 0.0 { "+" } else { "" };
            match kpi.unit() {
                Unit::Percent => format!("{sign}{} pp", format::group(d, 2)),
                _ => format!("{sign}{} %", format::group(d, 1)),
            }
        }
    }
}

/// The contract's monthly net growth without the followers the spike rules flag in its
/// months.
pub fn net_growth_without_flagged(c: &ContractComparison) -> Option<f64> {
    let flagged = c.flagged_during?;
    let during = c.row(crate::metrics::Kpi::NetGrowth)?.during?;
    Some(during - flagged / c.during.len().max(1) as f64)
}

/// Where the contract's months hold flagged followers: how the "during" net growth reads
/// without them.
pub fn flagged_note(c: &ContractComparison) -> Option<String> {
    let flagged = c.flagged_during?;
    let during = c.row(crate::metrics::Kpi::NetGrowth)?.during?;
    Some(format!(
        "The contract's months include {} followers that the spike rules flag: without them the account grew {} a month, not {}.",
        format::count(flagged.round()),
        format::group(net_growth_without_flagged(c)?, 1),
        format::group(during, 1)
    ))
}

/// One row a KPI: label, before, during, after, change.
pub fn rows(c: &ContractComparison, currency: &str) -> Vec<[String; 5]> {
    c.rows
        .iter()
        .map(|r| {
            [
                label(r.kpi, &c.changes),
                format::value(r.kpi, r.before, currency),
                format::value(r.kpi, r.during, currency),
                if c.end.is_some() {
                    format::value(r.kpi, r.after, currency)
                } else {
                    NO_VALUE.to_string()
                },
                change(r.kpi, r.change),
            ]
        })
        .collect()
}

/// The benchmark rows for the reports: what is typical, its formula, the account by it.
pub fn benchmark_rows(list: &[crate::metrics::benchmarks::Compared]) -> Vec<[String; 3]> {
    list.iter()
        .map(|c| {
            [
                c.typical(),
                crate::metrics::benchmarks::formula_words(&c.row.formula).to_string(),
                c.account.map_or(NO_VALUE.to_string(), |v| {
                    format!("{} %", format::group(v, 2))
                }),
            ]
        })
        .collect()
}

/// What a benchmark is, for the reports and the help.
pub const BENCHMARK_NOTE: &str = "Published medians for accounts on the same platform and of about the same size, each beside this account's value computed with the formula its source used (a benchmark by another formula is not shown). They are context, not a target: an account's goals come from its plan.";

/// The mark of a number compared across a change in how the platform counts.
pub const CHANGED: &str = "†";

/// A KPI's label, marked where a change in how the platform counts falls inside the
/// comparison.
pub fn label(
    kpi: crate::metrics::Kpi,
    changes: &[crate::metrics::changes::MetricChange],
) -> String {
    if changes.iter().any(|c| c.affects(kpi)) {
        format!("{} {CHANGED}", kpi.label())
    } else {
        kpi.label().to_string()
    }
}

/// One line a change: "† 2025-03-31: YouTube counts … (YouTube Help, …)".
pub fn change_notes(changes: &[crate::metrics::changes::MetricChange]) -> Vec<String> {
    changes
        .iter()
        .map(|c| format!("{CHANGED} {}: {} ({})", c.date, c.note, c.source))
        .collect()
}
