//! Metrics: pure functions of the account and a period (kpis.md).

pub mod benchmarks;
pub mod changes;
pub mod contract;
pub mod definitions;
mod engagement;
mod growth;
mod kpi;
mod money;
mod service;
pub mod stats;
mod targets;
mod top_posts;

pub use engagement::{audience_of, post_rates, PostRates};
pub use kpi::{delta, Kpi, Kpis, Unit};
pub use money::fee_for;
pub use targets::{
    claims, diff_pct, plan, without_flagged, ClaimResult, PlanResult, WithoutFlagged,
};
pub use top_posts::{first_ranking, top_posts, RankedPost, Ranking};

use crate::model::{Account, Period};

/// Every KPI of kpis.md for one period.
pub fn compute(account: &Account, p: &Period) -> Kpis {
    let mut k = Kpis::default();
    growth::fill(account, p, &mut k);
    engagement::fill(account, p, &mut k);
    money::fill(account, p, &mut k);
    service::fill(account, p, &mut k);
    k
}

/// Everything the reports show for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodSummary {
    pub period: Period,
    pub previous_period: Period,
    pub kpis: Kpis,
    pub previous: Kpis,
    pub plan: Vec<PlanResult>,
    pub claims: Vec<ClaimResult>,
    /// The months before and during the contract, where `[contract] start` is set.
    pub contract: Option<contract::ContractComparison>,
    /// Published medians for the account's platform and size, beside its own values by the
    /// same formulas.
    pub benchmarks: Vec<benchmarks::Compared>,
    /// Why there is none, where the account has a platform (`benchmarks::absent`).
    pub benchmarks_absent: Option<String>,
    /// Changes in how the platform counts that the comparison with the previous period (and
    /// the period's plan and claims) straddles.
    pub changes: Vec<changes::MetricChange>,
    pub top_posts: Vec<RankedPost>,
    /// What `top_posts` are ranked by: reach, or views where no post has a reach value.
    pub top_posts_by: Ranking,
}

/// How many posts the top list holds.
pub const TOP_N: usize = 5;

pub fn summarize(account: &Account, p: &Period) -> PeriodSummary {
    let kpis = compute(account, p);
    let previous_period = p.previous();
    let compared = benchmarks::compare(account, p, &kpis);
    PeriodSummary {
        period: *p,
        previous_period,
        previous: compute(account, &previous_period),
        plan: plan(&account.config, p, &kpis),
        claims: claims(account, p, &kpis),
        contract: contract::compare(account, p),
        benchmarks_absent: benchmarks::absent(account, &kpis, &compared),
        benchmarks: compared,
        changes: changes::straddled(account, p),
        top_posts_by: first_ranking(account, p),
        top_posts: top_posts(account, p, first_ranking(account, p), TOP_N),
        kpis,
    }
}

/// What the rules need of a period and nothing more: its KPIs, plan and claims (no previous
/// period, no top posts). The history of every month uses it.
pub fn summarize_for_rules(account: &Account, p: &Period) -> PeriodSummary {
    let kpis = compute(account, p);
    PeriodSummary {
        period: *p,
        previous_period: p.previous(),
        previous: Kpis::default(),
        plan: plan(&account.config, p, &kpis),
        claims: claims(account, p, &kpis),
        // The comparison reads up to 18 other months: it is made for the period shown, not
        // for every month of the history (its finding is never part of a verdict).
        contract: None,
        benchmarks: Vec::new(),
        benchmarks_absent: None,
        changes: Vec::new(),
        top_posts: Vec::new(),
        top_posts_by: Ranking::Reach,
        kpis,
    }
}

#[cfg(test)]
mod tests;
