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
    /// The plan without the followers the rules flagged, where the period has any (set by
    /// the audit, which knows the rules' findings).
    pub without_flagged: Option<WithoutFlagged>,
}

/// A planned KPI recomputed with the flagged followers taken out (rules.md, "Growth the rules
/// flag, taken out of the plan").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WithoutFlagged {
    /// How many followers were taken out.
    pub flagged: f64,
    pub value: Option<f64>,
    pub met: Option<bool>,
}

impl PlanResult {
    /// Take `flagged` followers out of this entry, where its KPI counts followers: net growth,
    /// follows, the end count, growth and the cost of a new follower.
    pub fn take_out(&mut self, flagged: f64, kpis: &Kpis) {
        let Some(value) = without_flagged(self.kpi, flagged, kpis) else {
            return;
        };
        self.without_flagged = Some(WithoutFlagged {
            flagged,
            value,
            met: value.map(|v| self.direction.met(v, self.target)),
        });
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimResult {
    pub kpi: Kpi,
    pub claimed: f64,
    pub actual: Option<f64>,
    /// `(claimed - actual) / actual * 100`: by how much the claim overstates (positive).
    pub diff_pct: Option<f64>,
    /// The KPI computed every way agencies define it (kpis.md), this project's way first.
    pub definitions: Vec<super::definitions::Definition>,
}

impl ClaimResult {
    /// The definitions that reproduce the claimed number within `match_pct` % (the rules'
    /// `claims_match_pct`).
    pub fn matches(&self, match_pct: f64) -> Vec<&'static str> {
        super::definitions::matching(&self.definitions, self.claimed, match_pct)
    }
}

/// A KPI that counts followers, with `flagged` followers taken out (rules.md): net growth,
/// follows, the end count, growth, the cost of a new follower; `None` for any other KPI, and
/// `Some(None)` where the value has none.
pub fn without_flagged(kpi: Kpi, flagged: f64, kpis: &Kpis) -> Option<Option<f64>> {
    let net = kpis.get(Kpi::NetGrowth).map(|v| v - flagged);
    let follows = kpis.get(Kpi::Follows).map(|v| v - flagged);
    Some(match kpi {
        Kpi::NetGrowth => net,
        Kpi::Follows => follows,
        Kpi::FollowersEnd => kpis.get(Kpi::FollowersEnd).map(|v| v - flagged),
        Kpi::GrowthPct => super::stats::pct(net, kpis.get(Kpi::FollowersStart)),
        Kpi::CostPerFollower => {
            super::stats::ratio(kpis.get(Kpi::Cost), follows.filter(|f| *f > 0.0))
        }
        _ => return None,
    })
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
                direction: entry.direction(),
                actual,
                met: actual.map(|a| entry.direction().met(a, entry.target)),
                without_flagged: None,
            })
        })
        .collect()
}

/// The claims made for the period, against the measured values.
pub fn claims(account: &crate::model::Account, p: &Period, kpis: &Kpis) -> Vec<ClaimResult> {
    account
        .config
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
                definitions: super::definitions::definitions(account, p, kpi, kpis, c.value),
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
