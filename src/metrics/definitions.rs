//! The agency's definitions (kpis.md, "The agency's definitions"): agencies and their tools
//! define a KPI in other ways, and a claim that disagrees with the measured value often equals
//! the same data under another definition. Each claimed KPI of the list is computed every way;
//! the first way is this project's own.

use super::engagement::audience_of;
use super::kpi::{Kpi, Kpis};
use super::stats::{mean, pct, sum_opt};
use crate::model::{Account, Period, Post};

/// One way of computing a claimed KPI, and its value on the period.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// As kpis.md names it: `post_reach`, `by_reach_with_saves`.
    pub id: &'static str,
    /// For people: "ER by reach with saves".
    pub label: &'static str,
    pub value: Option<f64>,
    /// `(claimed - value) / value * 100`, as for claims.
    pub diff_pct: Option<f64>,
}

/// A post's engagements with its saves (and its clicks); `None` where the post's engagements or
/// a saves cell are empty.
fn with_saves(post: &Post, clicks: bool) -> Option<f64> {
    let e = post.engagements()? + post.saves.as_component()?;
    Some(if clicks {
        e + post.clicks.unwrap_or(0.0)
    } else {
        e
    })
}

/// `sum(engagements) / sum(denominator) * 100` over the posts that have both.
fn pooled(
    posts: &[&Post],
    e: impl Fn(&Post) -> Option<f64>,
    d: impl Fn(&Post) -> Option<f64>,
) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = posts.iter().filter_map(|p| Some((e(p)?, d(p)?))).collect();
    if pairs.is_empty() {
        return None;
    }
    pct(
        Some(pairs.iter().map(|x| x.0).sum()),
        Some(pairs.iter().map(|x| x.1).sum()),
    )
}

/// Every candidate definition of `kpi` on `p` (own first); empty for a KPI kpis.md lists none
/// for, where the claim is compared with the KPI alone.
pub fn candidates(
    account: &Account,
    p: &Period,
    kpi: Kpi,
    kpis: &Kpis,
) -> Vec<(&'static str, &'static str, Option<f64>)> {
    let posts: Vec<&Post> = account.posts_in(p).collect();
    // An input the export does not give at all makes its definitions "no value".
    let has_saves = posts
        .iter()
        .any(|x| x.saves != crate::model::Field::NotGiven);
    let has_clicks = posts.iter().any(|x| x.clicks.is_some());
    let sum_posts = |f: &dyn Fn(&Post) -> Option<f64>| sum_opt(posts.iter().map(|x| f(x)));
    let saved = |clicks: bool| {
        (has_saves && (!clicks || has_clicks))
            .then(|| sum_posts(&|x| with_saves(x, clicks)))
            .flatten()
    };
    let k = |k: Kpi| kpis.get(k);
    match kpi {
        Kpi::Reach => vec![
            ("reach", "daily reach summed", k(Kpi::Reach)),
            (
                "post_reach",
                "the posts' reach summed",
                sum_posts(&|x| x.reach),
            ),
            (
                "daily_impressions",
                "daily views summed (views counted as people)",
                k(Kpi::Impressions),
            ),
            (
                "post_impressions",
                "the posts' views summed",
                sum_posts(&|x| x.impressions),
            ),
            (
                "organic_reach",
                "daily organic reach summed",
                k(Kpi::ReachOrganic),
            ),
        ],
        Kpi::Impressions => vec![
            ("impressions", "daily views summed", k(Kpi::Impressions)),
            (
                "post_impressions",
                "the posts' views summed",
                sum_posts(&|x| x.impressions),
            ),
        ],
        Kpi::Engagements => vec![
            (
                "engagements",
                "likes + comments + shares",
                k(Kpi::Engagements),
            ),
            (
                "with_saves",
                "likes + comments + shares + saves",
                saved(false),
            ),
            (
                "with_saves_clicks",
                "likes + comments + shares + saves + clicks",
                saved(true),
            ),
            (
                "likes_comments",
                "likes + comments",
                sum_posts(&|x| Some(x.likes.as_component()? + x.comments.as_component()?)).filter(
                    |_| {
                        posts
                            .iter()
                            .any(|x| x.likes.value().is_some() || x.comments.value().is_some())
                    },
                ),
            ),
        ],
        Kpi::ErPostPct => {
            vec![
                (
                    "er_post_pct",
                    "ER by followers, averaged over posts",
                    k(Kpi::ErPostPct),
                ),
                (
                    "with_saves",
                    "ER by followers with saves",
                    has_saves
                        .then(|| {
                            mean(posts.iter().filter_map(|x| {
                                Some(with_saves(x, false)? / audience_of(account, x)?)
                            }))
                            .map(|m| m * 100.0)
                        })
                        .flatten(),
                ),
                (
                    "by_followers_end",
                    "engagements per post per follower at the end",
                    match (k(Kpi::Engagements), k(Kpi::Posts), k(Kpi::FollowersEnd)) {
                        (Some(e), Some(n), f) if n > 0.0 => pct(Some(e / n), f),
                        _ => None,
                    },
                ),
                ("by_reach", "ER by reach (ERR)", k(Kpi::ErrPct)),
                (
                    "by_reach_with_saves",
                    "ER by reach with saves",
                    has_saves
                        .then(|| pooled(&posts, |x| with_saves(x, false), |x| x.reach))
                        .flatten(),
                ),
                ("by_impressions", "ER by views", k(Kpi::ErViewPct)),
            ]
        }
        Kpi::ErrPct => vec![
            ("err_pct", "ER by reach, pooled over posts", k(Kpi::ErrPct)),
            (
                "with_saves",
                "ER by reach with saves",
                has_saves
                    .then(|| pooled(&posts, |x| with_saves(x, false), |x| x.reach))
                    .flatten(),
            ),
            (
                "mean_per_post",
                "the mean of the posts' own ER by reach",
                mean(
                    posts
                        .iter()
                        .filter_map(|x| pct(x.engagements(), x.reach.filter(|r| *r > 0.0))),
                ),
            ),
        ],
        Kpi::NetGrowth => vec![
            (
                "net_growth",
                "followers at the end minus at the start",
                k(Kpi::NetGrowth),
            ),
            (
                "follows",
                "new followers, not net of those who left",
                k(Kpi::Follows),
            ),
        ],
        Kpi::GrowthPct => vec![
            (
                "growth_pct",
                "net growth per follower at the start",
                k(Kpi::GrowthPct),
            ),
            (
                "gross",
                "new followers per follower at the start",
                pct(k(Kpi::Follows), k(Kpi::FollowersStart)),
            ),
        ],
        _ => Vec::new(),
    }
}

/// The candidates of a claim with their difference from it.
pub fn definitions(
    account: &Account,
    p: &Period,
    kpi: Kpi,
    kpis: &Kpis,
    claimed: f64,
) -> Vec<Definition> {
    candidates(account, p, kpi, kpis)
        .into_iter()
        .map(|(id, label, value)| Definition {
            id,
            label,
            value,
            diff_pct: super::targets::diff_pct(claimed, value),
        })
        .collect()
}

/// The definitions whose value is within `match_pct` % of the claimed value.
pub fn matching(defs: &[Definition], claimed: f64, match_pct: f64) -> Vec<&'static str> {
    defs.iter()
        .filter(|d| {
            d.value
                .is_some_and(|v| (v - claimed).abs() <= match_pct / 100.0 * claimed.abs())
        })
        .map(|d| d.id)
        .collect()
}
