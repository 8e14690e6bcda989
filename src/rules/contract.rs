//! `no-improvement` (rules.md): the contract's months are below the months before it on
//! growth, reach and ER at once. Context, never part of the verdict.

use super::finding::{Finding, Severity};
use super::make;
use crate::evidence::Evidence;
use crate::format::value;
use crate::metrics::contract::ContractComparison;
use crate::metrics::{Kpi, PeriodSummary};

/// The three KPIs that must all be worse.
const JUDGED: [Kpi; 3] = [Kpi::NetGrowth, Kpi::Reach, Kpi::ErPostPct];

pub fn no_improvement(s: &PeriodSummary, currency: &str) -> Option<Finding> {
    let c: &ContractComparison = s.contract.as_ref()?;
    let (first, last) = (c.during.first()?, c.during.last()?);
    let mut rows = Vec::new();
    let mut sentence = Vec::new();
    for kpi in JUDGED {
        let r = c.row(kpi)?;
        let (before, during) = (r.before?, r.during?);
        if during >= before {
            return None;
        }
        sentence.push(format!(
            "{} {} a month before, {} during",
            kpi.label(),
            value(kpi, Some(before), currency),
            value(kpi, Some(during), currency)
        ));
        let mut row = Evidence::new();
        row.shown("kpi", "", kpi.key(), kpi.label())
            .kpi("before", "before", kpi, before)
            .kpi("during", "during", kpi, during);
        rows.push(row);
    }
    let mut ev = Evidence::new();
    ev.date("contract_start", "the contract started", c.start)
        .count("months_before", "whole months before it", c.before.len())
        .count("months_during", "its whole months", c.during.len())
        .rows("kpis", "monthly means", rows);
    Some(make(
        "no-improvement",
        Severity::Low,
        first.start,
        last.end,
        "The account grew faster before the contract than during it".to_string(),
        format!(
            "Over the contract's {} whole month{} the monthly means are below those of the {} month{} before it on growth, reach and engagement at once: {}. Seasons and changes in how the platform counts move these numbers too, so this is context, not proof. Ask the agency what they changed and what result they expect, by when.",
            c.during.len(),
            if c.during.len() == 1 { "" } else { "s" },
            c.before.len(),
            if c.before.len() == 1 { "" } else { "s" },
            sentence.join("; ")
        ),
        ev,
        vec![],
    ))
}
