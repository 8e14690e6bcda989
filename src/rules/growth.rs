//! Growth rules: spike episodes against engagement, unfollow waves, giveaway churn.

use super::causes::{causes, has_giveaway};
use super::finding::{Finding, Severity};
use super::series::{judge_day, minus, plus, round_package, values_in, Episode, GainSource, Gains};
use super::{make, not_evaluated, Thresholds};
use crate::evidence::Evidence;
use crate::format::{count, group};
use crate::metrics::stats::{mean, median};
use crate::model::Account;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Mean engagements of the posts published in `[from, to]` that have a value, and their number.
pub fn engagement_per_post(
    account: &Account,
    from: NaiveDate,
    to: NaiveDate,
) -> (Option<f64>, usize) {
    if from > to {
        return (None, 0);
    }
    let values: Vec<f64> = account
        .posts_between(from, to)
        .iter()
        .filter_map(|p| p.engagements())
        .collect();
    (mean(values.iter().copied()), values.len())
}

fn episode_evidence(ep: &Episode, source: GainSource) -> Evidence {
    let days: Vec<Evidence> = ep
        .days
        .iter()
        .map(|d| {
            let mut day = Evidence::new();
            day.date("date", "day", d.date)
                .change("gain", "followers gained", d.gain)
                .change("baseline_median", "against a usual day of", d.median)
                .sigma("z", "", d.z)
                .count(
                    "baseline_days_with_gain",
                    "days in the comparison",
                    d.baseline_values,
                );
            day
        })
        .collect();
    let mut m = Evidence::new();
    m.date("episode_start", "jump from", ep.start)
        .date("episode_end", "jump to", ep.end)
        .shown(
            "gain_source",
            "gains read from",
            source.as_str(),
            match source {
                GainSource::Followers => "the daily follower count",
                GainSource::Follows => "daily follows",
            },
        )
        .rows("days", "the days of the jump", days)
        .change("excess_gain", "followers above the usual gain", ep.excess)
        .count(
            "followers_before",
            "followers before the jump",
            ep.followers_before,
        )
        .share(
            "relative_jump",
            "the jump against the followers before",
            ep.jump,
        );
    if let Some(p) = round_package(ep.excess) {
        m.count(
            "round_package",
            "the nearest package size follower shops sell",
            p,
        );
    }
    m
}

fn dates(ep: &Episode) -> String {
    crate::format::days(ep.start, ep.end)
}

/// " from daily follows" where the gain was not read from follower counts (rules.md).
fn source_words(source: GainSource) -> &'static str {
    match source {
        GainSource::Followers => "",
        GainSource::Follows => " (from daily follows)",
    }
}

/// Findings about spike episodes: flat engagement, explained spikes, unfollow waves, churn.
pub fn episode_findings(
    account: &Account,
    gains: &Gains,
    episodes: &[Episode],
    unfollows: &BTreeMap<NaiveDate, f64>,
    th: &Thresholds,
) -> Vec<Finding> {
    let source = gains.source.unwrap_or(GainSource::Followers);
    let mut out = Vec::new();
    for ep in episodes {
        let found = causes(account, ep.start, ep.end, th);
        let (before, n_before) = engagement_per_post(
            account,
            minus(ep.start, th.get("before_days") as i64),
            minus(ep.start, 1),
        );
        let (after, n_after) = engagement_per_post(
            account,
            plus(ep.end, 1),
            plus(ep.end, th.get("after_days") as i64),
        );
        let mut ev = episode_evidence(ep, source);
        ev.number(
            "engagement_per_post_before",
            "engagements per post before",
            before,
        )
        .count("posts_before", "posts before", n_before)
        .number(
            "engagement_per_post_after",
            "engagements per post after",
            after,
        )
        .count("posts_after", "posts after", n_after);
        let cause_text = if found.is_empty() {
            "none found".to_string()
        } else {
            found
                .iter()
                .map(|c| c.description.clone())
                .collect::<Vec<_>>()
                .join("; ")
        };
        ev.text("cause", "what explains it", &cause_text);
        let causes = found
            .iter()
            .map(|c| {
                let mut row = Evidence::new();
                row.words("kind", "cause", c.kind)
                    .record("evidence", "", c.evidence.clone());
                row
            })
            .collect();
        ev.rows("causes", "causes found", causes);
        if account.presence.follower_list {
            follower_list_evidence(account, ep, &mut ev);
        }
        // Without a known base, `j` has no value and engagement must simply not fall.
        let required = 1.0 + th.get("engagement_follow_ratio") * ep.jump.unwrap_or(0.0);
        ev.ratio(
            "required_ratio",
            "engagement per post had to reach",
            required,
        );
        let ratio = match (before, after) {
            (Some(b), Some(a)) if b > 0.0 => Some(a / b),
            (Some(_), Some(a)) => Some(if a > 0.0 { f64::MAX } else { 1.0 }),
            _ => None,
        };
        let package = round_package(ep.excess)
            .map(|p| {
                format!(
                    " It is within 3 % of a package size sold by follower shops ({}).",
                    count(p)
                )
            })
            .unwrap_or_default();
        let jump = format!("+{}{}", count(ep.excess.round()), source_words(source));
        let Some(r) = ratio else {
            // Name the side without posts: the owner may well see posts on the other one.
            let (days_before, days_after) = (th.get("before_days"), th.get("after_days"));
            let why = match (before.is_some(), after.is_some()) {
                (false, false) => format!(
                    "no post with engagements in the {days_before} days before nor in the \
                     {days_after} days after the spike of {}",
                    dates(ep)
                ),
                (false, true) => format!(
                    "no post with engagements in the {days_before} days before the spike of {} \
                     ({n_after} after it), so there is nothing to compare with",
                    dates(ep)
                ),
                _ => format!(
                    "no post with engagements in the {days_after} days after the spike of {} \
                     ({n_before} before it), so there is nothing to compare with",
                    dates(ep)
                ),
            };
            out.push(not_evaluated(
                "spike-flat-engagement",
                ep.start,
                ep.end,
                &why,
                Some(ev),
            ));
            out.extend(churn(account, ep, unfollows, th));
            continue;
        };
        let shown_ratio = if r == f64::MAX {
            "rose from zero".to_string()
        } else {
            format!("×{}", group(r, 2))
        };
        ev.ratio(
            "engagement_ratio",
            "engagement per post went",
            (r != f64::MAX).then_some(r),
        );
        let flat = r < required;
        let engagement_sentence = format!(
            "engagement per post after the jump ({}) stayed under {} times the level before ({})",
            opt(after),
            group(required, 2),
            opt(before),
        );
        let gained = count(ep.excess.round());
        let (rule, severity, title, detail) = match found.first() {
            None if flat => (
                "spike-flat-engagement",
                Severity::High,
                format!(
                    "Unexplained follower jump of {jump}{} on {} while engagement per post went {shown_ratio}",
                    ep.jump.map(pct_text).unwrap_or_default(),
                    dates(ep),
                ),
                format!(
                    "Followers rose by {gained} over the usual daily gain, while {engagement_sentence}. No event, ad-spend surge or viral post explains it.{package} New followers who never engage are the usual sign of bought or bot followers: ask the contractor where these followers came from.",
                ),
            ),
            // Real growth whose cause the data does not show: no finding (rules.md).
            None => {
                out.extend(churn(account, ep, unfollows, th));
                continue;
            }
            // A jump with a cause is named after it and never called unexplained or bought.
            Some(cause) if flat => (
                "spike-flat-engagement",
                Severity::Medium,
                format!(
                    "Follower jump of {jump} {}, {}, while engagement per post went {shown_ratio}",
                    cause.during,
                    dates(ep),
                ),
                format!(
                    "Followers rose by {gained} over the usual daily gain {}, while {engagement_sentence}. The new followers did not engage like the earlier ones.{package} {}",
                    cause.during, cause.question,
                ),
            ),
            Some(cause) => (
                "spike-explained",
                Severity::Info,
                format!(
                    "Follower jump of {jump} {}, {} (engagement per post {shown_ratio})",
                    cause.during,
                    dates(ep),
                ),
                format!(
                    "Followers rose by {gained} over the usual daily gain {}, and engagement per post kept up with the new followers.{package} {}",
                    cause.during, cause.question,
                ),
            ),
        };
        out.push(make(
            rule,
            severity,
            ep.start,
            ep.end,
            title,
            detail,
            ev,
            vec![],
        ));
        out.extend(churn(account, ep, unfollows, th));
    }
    out
}

/// Who arrived during the episode, from a follower list.
fn follower_list_evidence(account: &Account, ep: &Episode, ev: &mut Evidence) {
    let arrived: Vec<&crate::model::Follower> = account
        .follower_list
        .iter()
        .filter(|f| ep.start <= f.date && f.date <= ep.end)
        .collect();
    let generated = arrived.iter().filter(|f| f.looks_generated()).count();
    ev.count(
        "followers_listed_in_episode",
        "followers the list shows arriving then",
        arrived.len(),
    )
    .count(
        "generated_looking_usernames",
        "of them with generated-looking usernames",
        generated,
    );
    if !arrived.is_empty() {
        ev.percent(
            "generated_looking_share_pct",
            "share with generated-looking usernames",
            generated as f64 / arrived.len() as f64 * 100.0,
        );
    }
    let names: Vec<&str> = arrived
        .iter()
        .take(50)
        .map(|f| f.username.as_str())
        .collect();
    ev.names("usernames_first_50", "usernames", &names);
}

fn opt(v: Option<f64>) -> String {
    v.map_or("—".to_string(), |x| group(x, 1))
}

fn pct_text(j: f64) -> String {
    format!(" (+{} % of the base)", group(j * 100.0, 1))
}

/// Excess unfollows over `[from, to]` against `mu`, and the share of the window's days that
/// have an unfollows value.
fn excess_unfollows(
    unfollows: &BTreeMap<NaiveDate, f64>,
    from: NaiveDate,
    to: NaiveDate,
    mu: f64,
) -> (f64, f64) {
    let values = values_in(unfollows, from, to);
    let days = ((to - from).num_days() + 1).max(1) as f64;
    let excess = values.iter().map(|u| (u - mu).max(0.0)).sum();
    (excess, values.len() as f64 / days)
}

/// `unfollow-wave` (episode clause) or `giveaway-churn` after an episode.
fn churn(
    account: &Account,
    ep: &Episode,
    unfollows: &BTreeMap<NaiveDate, f64>,
    th: &Thresholds,
) -> Option<Finding> {
    if unfollows.is_empty() || ep.excess <= 0.0 {
        return None;
    }
    let giveaway = has_giveaway(account, minus(ep.start, 2), ep.end);
    let (rule, window, share) = if giveaway {
        (
            "giveaway-churn",
            th.get("giveaway_churn_window") as i64,
            th.get("giveaway_churn_share"),
        )
    } else {
        (
            "unfollow-wave",
            th.get("unfollow_window") as i64,
            th.get("unfollow_share"),
        )
    };
    let base = values_in(
        unfollows,
        minus(ep.start, th.get("baseline_days") as i64),
        minus(ep.start, 1),
    );
    let mu = median(base.iter().copied())?;
    let (from, to) = (plus(ep.end, 1), plus(ep.end, window));
    let (excess, coverage) = excess_unfollows(unfollows, from, to, mu);
    let mut ev = Evidence::new();
    ev.date("episode_start", "jump from", ep.start)
        .date("episode_end", "jump to", ep.end)
        .change("excess_gain", "followers above the usual gain", ep.excess)
        .number(
            "median_daily_unfollows_before",
            "a usual day's unfollows before",
            mu,
        )
        .date("window_start", "watched from", from)
        .date("window_end", "watched to", to)
        .count("excess_unfollows", "unfollows above the usual", excess)
        .share("threshold_share", "flagged when more left than", share)
        .share("window_coverage", "days watched with data", coverage);
    if coverage < th.get("min_coverage") {
        return Some(not_evaluated(
            rule,
            from,
            to,
            &format!(
                "daily unfollows cover {} % of the {window} days after the spike of {}",
                group(coverage * 100.0, 0),
                dates(ep)
            ),
            Some(ev),
        ));
    }
    if excess < share * ep.excess {
        return None;
    }
    let lost = excess / ep.excess * 100.0;
    Some(if giveaway {
        make(
            rule,
            Severity::Info,
            from,
            to,
            format!("Giveaway churn: {} extra unfollows in the {window} days after the spike of {}, {} % of its {} extra followers", count(excess.round()), dates(ep), group(lost, 0), count(ep.excess.round())),
            format!("A giveaway brought {} extra followers, and {} % of that number left again within {window} days. Giveaways attract prize hunters rather than customers: not fraud, but ask whether the followers who stayed are the target audience.", count(ep.excess.round()), group(lost, 0)),
            ev,
            vec![],
        )
    } else {
        make(
            rule,
            Severity::Medium,
            from,
            to,
            format!("Unfollow wave: {} extra unfollows in the {window} days after the spike of {}, {} % of its {} extra followers", count(excess.round()), dates(ep), group(lost, 0), count(ep.excess.round())),
            format!("After the jump of {}, unfollows rose above their usual {} a day: {} extra people left within {window} days. Bought followers are often removed by the platform or leave again; ask the contractor what brought this audience and why it did not stay.", dates(ep), group(mu, 1), count(excess.round())),
            ev,
            vec![],
        )
    })
}

/// The one-day clause of `unfollow-wave`: a day whose unfollows spike against the 28 days
/// before it. Days inside an episode's churn window are left to the episode's finding.
pub fn unfollow_days(
    account: &Account,
    gains: &Gains,
    unfollows: &BTreeMap<NaiveDate, f64>,
    skip: &[(NaiveDate, NaiveDate)],
    th: &Thresholds,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (t, u) in unfollows {
        if skip.iter().any(|(a, b)| a <= t && t <= b) {
            continue;
        }
        let before = gains.followers_at(account, minus(*t, 1));
        let Some((true, day)) = judge_day(unfollows, *t, before, th) else {
            continue;
        };
        let mut ev = Evidence::new();
        ev.date("date", "day", *t)
            .count("unfollows", "unfollows", *u)
            .number("baseline_median", "against a usual day of", day.median)
            .sigma("z", "how unusual", day.z)
            .count(
                "baseline_days_with_unfollows",
                "days in the comparison",
                day.baseline_values,
            )
            .count("followers_before", "followers the day before", before);
        out.push(make(
            "unfollow-wave",
            Severity::Medium,
            *t,
            *t,
            format!("Unfollow spike: {} unfollows on {t} against a usual {}", count(*u), group(day.median, 1)),
            format!("On {t}, {} people unfollowed, far above the median of {} a day over the previous four weeks. A mass unfollow often follows a purge of fake accounts or a post that put the audience off; ask the contractor what happened that day.", count(*u), group(day.median, 1)),
            ev,
            vec![],
        ));
    }
    out
}
