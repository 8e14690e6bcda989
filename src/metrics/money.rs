//! Traffic, leads and money (kpis.md, "Traffic, leads and money").

use super::kpi::{Kpi, Kpis};
use super::stats::{pct, ratio, sum_opt};
use crate::model::{Account, Period, TrafficRow};

/// Session-weighted mean of a traffic column over the rows that have both values.
fn weighted(rows: &[&TrafficRow], value: impl Fn(&TrafficRow) -> Option<f64>) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|r| Some((r.sessions, value(r)?)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let weight: f64 = pairs.iter().map(|(s, _)| s).sum();
    let total: f64 = pairs.iter().map(|(s, v)| s * v).sum();
    ratio(Some(total), Some(weight))
}

/// The contractor's fee for a period: each calendar month it touches contributes
/// `fee * (its days in P / its days)`; 0 when no fee is set.
pub fn fee_for(account: &Account, p: &Period) -> f64 {
    let Some(fee) = account.config.contract.fee else {
        return 0.0;
    };
    p.month_parts()
        .iter()
        .map(|(month, days)| fee * *days as f64 / month.days() as f64)
        .sum()
}

pub fn fill(account: &Account, p: &Period, k: &mut Kpis) {
    // Clicks: the posts' clicks when any post of P has a value, else the daily website clicks;
    // CTR over the same rows.
    let posts: Vec<_> = account.posts_in(p).collect();
    let (clicks, ctr) = if posts.iter().any(|post| post.clicks.is_some()) {
        let both: Vec<(f64, f64)> = posts
            .iter()
            .filter_map(|post| Some((post.clicks?, post.impressions?)))
            .collect();
        (sum_opt(posts.iter().map(|post| post.clicks)), ctr_of(&both))
    } else {
        let days: Vec<_> = account.days_in(p).collect();
        let both: Vec<(f64, f64)> = days
            .iter()
            .filter_map(|d| Some((d.website_clicks?, d.impressions?)))
            .collect();
        (
            sum_opt(days.iter().map(|d| d.website_clicks)),
            ctr_of(&both),
        )
    };
    k.set(Kpi::Clicks, clicks);
    k.set(Kpi::CtrPct, ctr);

    let traffic: Vec<&TrafficRow> = account.traffic_between(p.start, p.end).iter().collect();
    let sessions = sum_opt(traffic.iter().map(|r| Some(r.sessions)));
    k.set(Kpi::Sessions, sessions);
    k.set(Kpi::Visitors, sum_opt(traffic.iter().map(|r| r.users)));
    k.set(
        Kpi::BounceRatePct,
        weighted(&traffic, |r| r.bounce_rate_pct),
    );
    k.set(
        Kpi::AvgSessionSeconds,
        weighted(&traffic, |r| r.avg_session_seconds),
    );
    k.set(
        Kpi::PagesPerSession,
        weighted(&traffic, |r| r.pages_per_session),
    );
    let conversions = sum_opt(traffic.iter().map(|r| r.conversions));
    k.set(Kpi::Conversions, conversions);
    k.set(Kpi::ConversionRatePct, pct(conversions, sessions));

    let spend_rows: Vec<_> = account.spend_between(p.start, p.end).iter().collect();
    let leads = sum_opt([
        sum_opt(spend_rows.iter().map(|r| r.leads)),
        sum_opt(traffic.iter().map(|r| r.leads)),
    ]);
    k.set(Kpi::Leads, leads);
    let spend = sum_opt(spend_rows.iter().map(|r| Some(r.amount)));
    k.set(Kpi::Spend, spend);
    let fee = fee_for(account, p);
    k.set(Kpi::Fee, Some(fee));
    let cost = if account.config.contract.fee.is_some() {
        Some(spend.unwrap_or(0.0) + fee)
    } else {
        spend
    };
    k.set(Kpi::Cost, cost);
    let spend_impressions = sum_opt(spend_rows.iter().map(|r| r.impressions));
    k.set(
        Kpi::Cpm,
        ratio(spend, spend_impressions).map(|r| r * 1000.0),
    );
    k.set(Kpi::Cpc, ratio(cost, clicks));
    k.set(Kpi::Cpl, ratio(cost, leads));
    k.set(Kpi::CostPerFollower, ratio(cost, k.get(Kpi::Follows)));
    let revenue = sum_opt(traffic.iter().map(|r| r.revenue));
    k.set(Kpi::Revenue, revenue);
    k.set(
        Kpi::RoiPct,
        pct(revenue.zip(cost).map(|(r, c)| r - c), cost),
    );
}

fn ctr_of(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.is_empty() {
        return None;
    }
    let clicks: f64 = pairs.iter().map(|(c, _)| c).sum();
    let impressions: f64 = pairs.iter().map(|(_, i)| i).sum();
    pct(Some(clicks), Some(impressions))
}
