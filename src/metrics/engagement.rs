//! Engagement of the posts published in a period (kpis.md, "Engagement").

use super::kpi::{Kpi, Kpis};
use super::stats::{mean, pct, sum_opt};
use crate::model::{Account, Field, Period, Post};

/// `F(post)`: the follower count on the day of publication; `None` where there is no daily
/// row at all or the count is 0 (such a post is left out of the rates).
pub fn audience_of(account: &Account, post: &Post) -> Option<f64> {
    account.followers_at(post.date).filter(|f| *f > 0.0)
}

/// `mean(value / F) * 100` over the posts that have both (each post beside its `F`).
fn rate(posts: &[(&Post, Option<f64>)], value: impl Fn(&Post) -> Option<f64>) -> Option<f64> {
    mean(posts.iter().filter_map(|(p, f)| Some(value(p)? / (*f)?))).map(|m| m * 100.0)
}

/// `sum(engagements) / sum(denominator) * 100` over the posts that have both values.
fn pooled(posts: &[&Post], denominator: impl Fn(&Post) -> Option<f64>) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = posts
        .iter()
        .filter_map(|p| Some((p.engagements()?, denominator(p)?)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let e: f64 = pairs.iter().map(|(e, _)| e).sum();
    let d: f64 = pairs.iter().map(|(_, d)| d).sum();
    pct(Some(e), Some(d))
}

pub fn fill(account: &Account, p: &Period, k: &mut Kpis) {
    let posts: Vec<&Post> = account.posts_in(p).collect();
    let days = p.days() as f64;
    let n = account.presence.posts.then_some(posts.len() as f64);
    k.set(Kpi::Posts, n);
    k.set(Kpi::PostsPerWeek, n.map(|n| n / days * 7.0));
    let total = |f: fn(&Post) -> Field| sum_opt(posts.iter().map(|p| f(p).value()));
    k.set(Kpi::Likes, total(|p| p.likes));
    k.set(Kpi::Comments, total(|p| p.comments));
    k.set(Kpi::Shares, total(|p| p.shares));
    k.set(Kpi::Saves, total(|p| p.saves));
    let engagements = sum_opt(posts.iter().map(|p| p.engagements()));
    k.set(Kpi::Engagements, engagements);
    // Each post's follower count is looked up once for the four rates.
    let with_f: Vec<(&Post, Option<f64>)> = posts
        .iter()
        .map(|p| (*p, audience_of(account, p)))
        .collect();
    k.set(Kpi::LoveRatePct, rate(&with_f, |p| p.likes.value()));
    k.set(Kpi::TalkRatePct, rate(&with_f, |p| p.comments.value()));
    k.set(
        Kpi::AmplificationRatePct,
        rate(&with_f, |p| p.shares.value()),
    );
    k.set(Kpi::ErPostPct, rate(&with_f, Post::engagements));
    let followers_end = k.get(Kpi::FollowersEnd);
    k.set(
        Kpi::ErDayPct,
        pct(engagements.map(|e| e / days), followers_end),
    );
    k.set(Kpi::ErrPct, pooled(&posts, |p| p.reach));
    k.set(Kpi::ErViewPct, pooled(&posts, |p| p.impressions));
}

/// The per-post rates of one post (kpis.md: the same names for a single post).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PostRates {
    pub engagements: Option<f64>,
    pub er_post_pct: Option<f64>,
    pub err_pct: Option<f64>,
    pub er_view_pct: Option<f64>,
}

pub fn post_rates(account: &Account, post: &Post) -> PostRates {
    let e = post.engagements();
    PostRates {
        engagements: e,
        er_post_pct: pct(e, audience_of(account, post)),
        err_pct: pct(e, post.reach),
        er_view_pct: pct(e, post.impressions),
    }
}
