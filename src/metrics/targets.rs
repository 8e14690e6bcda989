//! Plan vs actual, and the agency's claims vs the measured values.

use super::kpi::{Kpi, Kpis};
use crate::model::{AuditConfig, Direction, Period};

#[derive(Debug, Clone, PartialEq)]
pub struct PlanResult {
    pub kpi: Kpi,
    pub target: f64,
    pub direction: Direction,
    pub actual: Option<f64>,
    /// `None` when the KPI has no value.
    pub met: Option<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimResult {
    pub kpi: Kpi,
    pub claimed: f64,
    pub actual: Option<f64>,
    /// `(claimed - actual) / actual * 100`: by how much the claim overstates (positive).
    pub diff_pct: Option<f64>,
}

/// Whether an entry with an optional `month` applies to a period: no month applies to every
/// period; a month applies to the period that is exactly that calendar month.
fn applies(month: Option<&str>, p: &Period) -> bool {
    match month {
        None => true,
        Some(m) => p.month_key().as_deref() == Some(m.trim()),
    }
}

/// The planned KPIs that apply to the period, with their actual values.
pub fn plan(config: &AuditConfig, p: &Period, kpis: &Kpis) -> Vec<PlanResult> {
    config
        .plan
        .iter()
        .filter(|entry| applies(entry.month.as_deref(), p))
        .filter_map(|entry| {
            let kpi = Kpi::from_key(&entry.kpi)?;
            let actual = kpis.get(kpi);
            Some(PlanResult {
                kpi,
                target: entry.target,
                direction: entry.direction,
                actual,
                met: actual.map(|a| entry.direction.met(a, entry.target)),
            })
        })
        .collect()
}

/// The claims made for the period, against the measured values.
pub fn claims(config: &AuditConfig, p: &Period, kpis: &Kpis) -> Vec<ClaimResult> {
    config
        .claims
        .iter()
        .filter(|c| applies(c.month.as_deref(), p))
        .filter_map(|c| {
            let kpi = Kpi::from_key(&c.kpi)?;
            let actual = kpis.get(kpi);
            Some(ClaimResult {
                kpi,
                claimed: c.value,
                actual,
                diff_pct: diff_pct(c.value, actual),
            })
        })
        .collect()
}

/// By how much a claimed figure overstates (positive) or understates the measured one.
pub fn diff_pct(claimed: f64, actual: Option<f64>) -> Option<f64> {
    let a = actual?;
    (a != 0.0)
        .then(|| (claimed - a) / a * 100.0)
        .filter(|d| d.is_finite())
}
