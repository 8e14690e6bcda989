//! Engagement rules on posts and periods: likes above reach, engagement without reach, dilution,
//! low reach.

use super::finding::{Finding, Severity};
use super::growth::engagement_per_post;
use super::post_window::{err, DayBaseline, PostWindow};
use super::{make, not_evaluated, Thresholds};
use crate::evidence::Evidence;
use crate::format::{count, group};
use crate::metrics::{Kpi, Kpis};
use crate::model::{Account, Period, Post};
use chrono::NaiveDate;
use std::collections::BTreeSet;

/// `likes-exceed-reach` on every post of the account. A post with fewer than
/// `post_min_engagements` likes is not judged: three likes on a reach of two is noise, not
/// evidence.
pub fn likes_exceed_reach(account: &Account, th: &Thresholds) -> Vec<Finding> {
    let min_likes = th.get("post_min_engagements");
    let mut out = Vec::new();
    for post in &account.posts {
        let (Some(likes), Some(reach)) = (post.likes.value(), post.reach) else {
            continue;
        };
        if likes <= reach || likes < min_likes {
            continue;
        }
        let mut ev = Evidence::new();
        ev.text("post_id", "post id", &post.id)
            .date("published", "published", post.date)
            .count("likes", "likes", likes)
            .count("reach", "accounts reached", reach);
        out.push(make(
            "likes-exceed-reach",
            Severity::High,
            post.date,
            post.date,
            format!("{} has {} likes but reached only {} accounts", post_name(post), count(likes), count(reach)),
            "A post cannot be liked by more people than it reached, unless the likes came from outside the platform's count: bought likes, or like exchanges. Ask the contractor whether likes were bought or exchanged for this post.".to_string(),
            ev,
            vec![post.id.clone()],
        ));
    }
    out
}

/// A post as an owner finds it again: "The photo of 2026-10-29 «Autumn service special: a…»",
/// or its id where it has no caption (the id is in the evidence either way).
pub fn post_name(post: &Post) -> String {
    let caption = crate::text::one_line(&post.caption);
    let caption = caption.trim();
    if caption.is_empty() {
        return format!("Post {} of {}", post.id, post.date);
    }
    format!(
        "The {} of {} «{}»",
        post.kind.as_str(),
        post.date,
        crate::text::fit_words(caption, 32)
    )
}

/// Whether a post has numbers the likes rule can judge.
pub fn likes_judgeable(post: &Post) -> bool {
    post.likes.value().is_some() && post.reach.is_some()
}

/// `engagement-without-reach` on every post of the account, and the days whose posts had a
/// baseline to be judged against. A post with fewer than `post_min_engagements` engagements
/// is not judged.
pub fn engagement_without_reach(
    account: &Account,
    th: &Thresholds,
) -> (Vec<Finding>, BTreeSet<NaiveDate>) {
    let posts = &account.posts;
    // Two halves of the posts, cut between two days, judged on both cores.
    let mut cut = posts.len() / 2;
    while cut > 0 && cut < posts.len() && posts[cut - 1].date == posts[cut].date {
        cut += 1;
    }
    if posts.len() < 2_000 {
        return without_reach_in(account, 0, posts.len(), th);
    }
    let (mut a, b) = rayon::join(
        || without_reach_in(account, 0, cut, th),
        || without_reach_in(account, cut, posts.len(), th),
    );
    a.0.extend(b.0);
    a.1.extend(b.1);
    a
}

/// `engagement_without_reach` for the posts `[from, to)`.
fn without_reach_in(
    account: &Account,
    from: usize,
    to: usize,
    th: &Thresholds,
) -> (Vec<Finding>, BTreeSet<NaiveDate>) {
    let min_engagements = th.get("post_min_engagements");
    let min_posts = th.get("viral_min_posts");
    let days = th.get("viral_window_days") as i64;
    let judged_posts = &account.posts[from..to];
    // The window needs the posts of the `days` before the first judged one.
    let first = judged_posts.first().map_or(0, |p| {
        account
            .posts
            .partition_point(|q| q.date < super::series::minus(p.date, days))
    });
    let mut window = PostWindow::new(&account.posts[first..to], days);
    let mut out = Vec::new();
    let mut judged = BTreeSet::new();
    // Posts of one day share their 90-day window: its statistics are computed once a day.
    let mut day: Option<(NaiveDate, Option<DayBaseline>)> = None;
    for post in judged_posts {
        let (Some(e), Some(reach)) = (err(post), post.reach) else {
            continue;
        };
        if day.as_ref().is_none_or(|(d, _)| *d != post.date) {
            let baseline = window.baseline_before(post.date, min_posts);
            if baseline.is_some() {
                judged.insert(post.date);
            }
            day = Some((post.date, baseline));
        }
        let Some((_, Some(stats))) = day else {
            continue;
        };
        let (baseline, median_reach, compared) = (stats.err, stats.median_reach, stats.posts);
        if post.engagements().unwrap_or(0.0) < min_engagements {
            continue;
        }
        let r = baseline.z(e);
        if r.z <= th.get("spike_z") || reach > median_reach {
            continue;
        }
        let mut ev = Evidence::new();
        ev.text("post_id", "post id", &post.id)
            .percent("err_pct", "engagements per account reached (ERR)", e)
            .percent(
                "median_err_pct_90d",
                "a usual post's ERR (90 days before)",
                r.median,
            )
            .sigma("z", "how unusual", r.z)
            .count("reach", "accounts reached", reach)
            .count(
                "median_reach_90d",
                "a usual post's reach (90 days before)",
                median_reach,
            )
            .count("posts_compared", "posts compared", compared);
        out.push(make(
            "engagement-without-reach",
            Severity::Medium,
            post.date,
            post.date,
            format!("{}: ERR {} % against a usual {} % while its reach ({}) was not above the median of the 90 days before ({})", post_name(post), crate::evidence::percent(e), crate::evidence::percent(r.median), count(reach), count(median_reach)),
            "Engagement far above the usual rate on a post that reached no more people than usual is a sign of pumped engagement: comment games, engagement pods or bought likes. Ask the contractor how this post got its engagement.".to_string(),
            ev,
            vec![post.id.clone()],
        ));
    }
    (out, judged)
}

/// `engagement-dilution`, and whether the rule could judge the period.
pub fn dilution(
    account: &Account,
    p: &Period,
    kpis: &Kpis,
    th: &Thresholds,
) -> (Vec<Finding>, bool) {
    let Some(growth) = kpis.get(Kpi::GrowthPct) else {
        return (Vec::new(), false);
    };
    if growth < th.get("dilution_growth_pct") {
        return (Vec::new(), true);
    }
    let prev = p.previous();
    let (now, n_now) = engagement_per_post(account, p.start, p.end);
    let (before, n_before) = engagement_per_post(account, prev.start, prev.end);
    let (Some(now), Some(before)) = (now, before.filter(|b| *b > 0.0)) else {
        return (
            vec![not_evaluated(
                "engagement-dilution",
                p.start,
                p.end,
                "no posts with engagements in this period or the previous one",
                None,
            )],
            false,
        );
    };
    let change = (now - before) / before * 100.0;
    if change > th.get("dilution_engagement_pct") {
        return (Vec::new(), true);
    }
    let mut ev = Evidence::new();
    ev.percent("growth_pct", "follower growth", growth)
        .number("engagement_per_post", "engagements per post", now)
        .count("posts", "posts", n_now)
        .number(
            "engagement_per_post_previous",
            "engagements per post the period before",
            before,
        )
        .count("posts_previous", "posts the period before", n_before)
        .percent(
            "engagement_change_pct",
            "change in engagements per post",
            change,
        );
    let finding = make(
        "engagement-dilution",
        Severity::Medium,
        p.start,
        p.end,
        format!("Followers grew {} % but engagement per post changed {}{} %", group(growth, 1), if change > 0.0 { "+" } else { "" }, group(change, 1)),
        format!("The base grew by {} % in the period while engagement per post went from {} to {}. Real new followers engage; a base that grows without more engagement is diluted by inactive or bought accounts. Ask the contractor where the growth came from.", group(growth, 1), group(before, 1), group(now, 1)),
        ev,
        vec![],
    );
    (vec![finding], true)
}

pub fn low_reach(account: &Account, p: &Period, kpis: &Kpis, th: &Thresholds) -> Vec<Finding> {
    let (Some(median_reach), Some(followers)) =
        (kpis.get(Kpi::PostReachMedian), kpis.get(Kpi::FollowersEnd))
    else {
        let why = if account.presence.posts {
            "no post reach or no follower count in the period"
        } else {
            "the account has no posts file"
        };
        return vec![not_evaluated("low-reach", p.start, p.end, why, None)];
    };
    let limit = th.get("low_reach_pct") / 100.0 * followers;
    if median_reach >= limit {
        return Vec::new();
    }
    let mut ev = Evidence::new();
    ev.count("post_reach_median", "a typical post's reach", median_reach)
        .count("followers_end", "followers at the end", followers)
        .percent(
            "share_pct",
            "of the followers",
            median_reach / followers * 100.0,
        );
    vec![make(
        "low-reach",
        Severity::Low,
        p.start,
        p.end,
        format!("A typical post reached {} accounts, {} % of the {} followers", count(median_reach), group(median_reach / followers * 100.0, 2), count(followers)),
        "Posts reach only a small part of the base. Either the content does not interest the followers, or many followers are inactive or not real. Ask the contractor how they plan to reach the followers the account has.".to_string(),
        ev,
        vec![],
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    /// The two halves judged on two cores give what one pass gives, with many posts on the
    /// day where the halves are cut.
    #[test]
    fn the_split_pass_equals_one_pass() {
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut account = Account::default();
        for i in 0..3_000u64 {
            // Around the middle, 400 posts share one day.
            let day = if (1_300..1_700).contains(&i) {
                150
            } else {
                i / 10
            };
            let date = start + chrono::Days::new(day);
            let mut p = Post::blank(&format!("p{i:05}"), &format!("{date}T10:00:00+00:00"));
            p.reach = Some(500.0 + ((i * 37) % 900) as f64);
            p.likes = Field::Value(if i % 97 == 0 {
                900.0
            } else {
                20.0 + ((i * 13) % 60) as f64
            });
            account.posts.push(p);
        }
        account.sort_posts();
        let th = Thresholds::default();
        let (split, split_days) = engagement_without_reach(&account, &th);
        let (one, one_days) = without_reach_in(&account, 0, account.posts.len(), &th);
        assert!(!one.is_empty());
        assert_eq!(split, one);
        assert_eq!(split_days, one_days);
    }
}
