//! What explains a spike (rules.md, "Causes that explain a spike"): an event, an ad-spend surge,
//! a viral post.

use super::series::{minus, plus};
use super::stats::Baseline;
use super::Thresholds;
use crate::evidence::Evidence;
use crate::format::{count, group};
use crate::metrics::stats::median;
use crate::model::{Account, EventKind};
use chrono::NaiveDate;

/// A cause found for an episode, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub kind: &'static str,
    /// For people: "campaign event 2026-05-04 – 2026-05-17 (Spring campaign)".
    pub description: String,
    /// How a title names it: "during the giveaway «Spring giveaway»".
    pub during: String,
    /// The question for the contractor that fits this cause (rules.md).
    pub question: &'static str,
    pub evidence: Evidence,
}

/// How a title names an event: "during the giveaway «Spring giveaway»"; without a note, the
/// event's dates stand for it.
fn during_event(e: &crate::model::Event) -> String {
    let name = if e.note.trim().is_empty() {
        format!("of {} – {}", e.start, e.end)
    } else {
        format!("«{}»", e.note.trim())
    };
    match e.kind {
        EventKind::Giveaway => format!("during the giveaway {name}"),
        EventKind::Campaign => format!("during the campaign {name}"),
        EventKind::Influencer => format!("during the influencer collaboration {name}"),
        EventKind::Press => format!("after the press coverage {name}"),
        EventKind::Other => format!("during the event {name}"),
    }
}

/// The question that fits an event's kind.
fn event_question(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Giveaway => "Ask the contractor how many of these followers stay after the giveaway, and whether they match the target audience.",
        EventKind::Campaign => "Ask the contractor which audiences the campaign targeted and what one new follower cost.",
        EventKind::Influencer => "Ask the contractor which audience the influencer reached and whether it matches the target audience.",
        EventKind::Press | EventKind::Other => "Ask the contractor whether the followers who came with it match the target audience.",
    }
}

/// The daily spend: every spend row of a day summed; a day without rows is 0.
pub fn daily_spend(account: &Account, d: NaiveDate) -> f64 {
    account.spend_between(d, d).iter().map(|r| r.amount).sum()
}

/// Events whose days overlap `[from, to]`.
pub fn events_overlapping(
    account: &Account,
    from: NaiveDate,
    to: NaiveDate,
) -> impl Iterator<Item = &crate::model::Event> + '_ {
    account
        .config
        .events
        .iter()
        .filter(move |e| e.start <= to && from <= e.end)
}

pub fn has_giveaway(account: &Account, from: NaiveDate, to: NaiveDate) -> bool {
    events_overlapping(account, from, to).any(|e| e.kind == EventKind::Giveaway)
}

/// Every cause of a spike episode `[start, end]`; the cause window is `[start - 2, end]`.
pub fn causes(account: &Account, start: NaiveDate, end: NaiveDate, th: &Thresholds) -> Vec<Cause> {
    let from = minus(start, 2);
    let mut found = Vec::new();
    for e in events_overlapping(account, from, end) {
        let note = if e.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", e.note)
        };
        found.push(Cause {
            kind: "event",
            description: format!("{} event {} – {}{note}", e.kind.as_str(), e.start, e.end),
            during: during_event(e),
            question: event_question(e.kind),
            evidence: {
                let mut ev = Evidence::new();
                ev.words("kind", "event", e.kind.as_str())
                    .date("start", "from", e.start)
                    .date("end", "to", e.end)
                    .text("note", "note", &e.note);
                ev
            },
        });
    }
    if let Some(c) = spend_surge(account, start, from, end, th) {
        found.push(c);
    }
    if let Some(c) = viral_post(account, from, end, th) {
        found.push(c);
    }
    found
}

fn spend_surge(
    account: &Account,
    start: NaiveDate,
    from: NaiveDate,
    end: NaiveDate,
    th: &Thresholds,
) -> Option<Cause> {
    if !account.presence.spend {
        return None;
    }
    let window = th.get("baseline_days").max(1.0) as i64;
    let base: Vec<f64> = (1..=window)
        .map(|i| daily_spend(account, minus(start, i)))
        .collect();
    let m = median(base)?;
    let mut d = from;
    while d <= end {
        let s = daily_spend(account, d);
        if s > 0.0 && s >= th.get("spend_surge") * m {
            return Some(Cause {
                kind: "spend",
                during: format!("during an ad-spend surge ({} on {d})", crate::format::group(s, 2)),
                question: "Ask the contractor which audiences the ads targeted and what one new follower cost.",
                description: format!(
                    "ad spend of {} on {d}, {} the usual daily spend of {}",
                    group(s, 2),
                    if m > 0.0 {
                        format!("{} times", group(s / m, 1))
                    } else {
                        "above".to_string()
                    },
                    group(m, 2)
                ),
                evidence: {
                    let mut ev = Evidence::new();
                    ev.date("date", "day", d)
                        .money("spend", "ad spend", s)
                        .money("median_daily_spend_28d", "a usual day's spend (28 days before)", m);
                    ev
                },
            });
        }
        d = plus(d, 1);
    }
    None
}

/// The posts of the `window` days before `date` (not that day).
pub fn earlier_posts(account: &Account, date: NaiveDate, window: i64) -> &[crate::model::Post] {
    match date.pred_opt() {
        Some(before) => account.posts_between(minus(date, window), before),
        None => &[],
    }
}

fn viral_post(
    account: &Account,
    from: NaiveDate,
    end: NaiveDate,
    th: &Thresholds,
) -> Option<Cause> {
    let window = th.get("viral_window_days").max(1.0) as i64;
    // Posts of one day share their 90-day baseline: it is computed once a day.
    let mut day: Option<(NaiveDate, Option<(Baseline, usize)>)> = None;
    for post in account.posts_between(from, end) {
        let Some(reach) = post.reach else { continue };
        if day.as_ref().is_none_or(|(d, _)| *d != post.date) {
            let earlier: Vec<f64> = earlier_posts(account, post.date, window)
                .iter()
                .filter_map(|p| p.reach)
                .collect();
            let enough = (earlier.len() as f64) >= th.get("viral_min_posts");
            let baseline = enough
                .then(|| Baseline::of(&earlier).map(|b| (b, earlier.len())))
                .flatten();
            day = Some((post.date, baseline));
        }
        let Some((_, Some((baseline, compared)))) = day else {
            continue;
        };
        let r = baseline.z(reach);
        if r.z > th.get("spike_z") {
            return Some(Cause {
                kind: "viral-post",
                during: format!("after a viral post of {}", post.date),
                question: "Nothing to ask about its origin: a post that spread brings real followers. Whether they engage later is worth watching.",
                description: format!(
                    "a viral post: {} reached {} accounts against a usual {}",
                    super::content::post_name(post),
                    count(reach),
                    count(r.median.round())
                ),
                evidence: {
                    let mut ev = Evidence::new();
                    ev.text("post_id", "post id", &post.id)
                        .date("date", "published", post.date)
                        .count("reach", "accounts reached", reach)
                        .count("median_reach_90d", "a usual post's reach (90 days before)", r.median)
                        .sigma("z", "how unusual", r.z)
                        .count("posts_compared", "posts compared", compared);
                    ev
                },
            });
        }
    }
    None
}
