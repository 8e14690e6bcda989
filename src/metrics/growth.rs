//! Audience dynamics and reach (kpis.md, "Audience dynamics", "Reach and views").

use super::kpi::{Kpi, Kpis};
use super::stats::{mean, median, pct, sum_opt};
use crate::model::{Account, Period};

pub fn fill(account: &Account, p: &Period, k: &mut Kpis) {
    let days: Vec<_> = account.days_in(p).collect();
    let (start, end) = if !account.has_followers_in(p) {
        (None, None)
    } else {
        let before = p.start.pred_opt().and_then(|d| account.followers_on(d));
        (
            before.or_else(|| account.followers_at(p.start)),
            account.followers_at(p.end),
        )
    };
    k.set(Kpi::FollowersStart, start);
    k.set(Kpi::FollowersEnd, end);
    let net = start.zip(end).map(|(s, e)| e - s);
    k.set(Kpi::NetGrowth, net);
    k.set(Kpi::GrowthPct, pct(net, start));
    let follows = sum_opt(days.iter().map(|d| d.follows));
    let unfollows = sum_opt(days.iter().map(|d| d.unfollows));
    k.set(Kpi::Follows, follows);
    k.set(Kpi::Unfollows, unfollows);
    k.set(Kpi::NewFollowerRatePct, pct(follows, end));
    k.set(Kpi::UnfollowRatePct, pct(unfollows, start));

    k.set(Kpi::Reach, sum_opt(days.iter().map(|d| d.reach)));
    k.set(Kpi::ReachPaid, sum_opt(days.iter().map(|d| d.reach_paid)));
    k.set(
        Kpi::ReachOrganic,
        sum_opt(days.iter().map(|d| d.reach_organic)),
    );
    k.set(
        Kpi::Impressions,
        sum_opt(days.iter().map(|d| d.impressions)),
    );
    let visits = sum_opt(days.iter().map(|d| d.profile_visits));
    k.set(Kpi::ProfileVisits, visits);
    k.set(
        Kpi::ProfileVisitRatePct,
        pct(visits, sum_opt(days.iter().map(|d| d.reach))),
    );
    let mean_reach = mean(days.iter().filter_map(|d| d.reach));
    k.set(Kpi::ReachPerFollowerPct, pct(mean_reach, end));
    k.set(
        Kpi::PostReachMedian,
        median(account.posts_in(p).filter_map(|post| post.reach)),
    );
}
