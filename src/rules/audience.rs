//! Audience rules: the audience against the target portrait, and its shift after a spike.

use super::finding::{Finding, Severity};
use super::series::{plus, Episode};
use super::{make, not_evaluated, Thresholds};
use crate::format::group;
use crate::model::{Account, AudienceRow, Period, Segment};
use chrono::NaiveDate;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A portrait's values as the audience file writes them (country codes upper case, genders
/// lower case), in fractions.
pub(super) fn portrait_of(account: &Account, dim: &str) -> Option<BTreeMap<String, f64>> {
    let p = account.config.portrait.dimension(dim)?;
    Some(
        p.iter()
            .map(|(k, v)| (normalise(dim, k), v / 100.0))
            .collect(),
    )
}

pub(super) fn normalise(dim: &str, value: &str) -> String {
    match dim {
        "country" => value.trim().to_uppercase(),
        "gender" => value.trim().to_lowercase(),
        _ => value.trim().to_string(),
    }
}

/// The rows of one snapshot (date, segment, dimension).
pub(super) fn snapshot<'a>(
    account: &'a Account,
    date: NaiveDate,
    seg: Segment,
    dim: &str,
) -> Vec<&'a AudienceRow> {
    account
        .audience
        .iter()
        .filter(|r| r.date == date && r.segment == seg && r.dimension == dim)
        .collect()
}

/// Snapshot dates of a segment and dimension, ascending.
pub(super) fn dates_of(account: &Account, seg: Segment, dim: &str) -> Vec<NaiveDate> {
    let mut d: Vec<NaiveDate> = account
        .audience
        .iter()
        .filter(|r| r.segment == seg && r.dimension == dim && r.share_pct.is_some())
        .map(|r| r.date)
        .collect();
    d.sort();
    d.dedup();
    d
}

/// A snapshot set against a portrait: the share of each portrait value, and "other" (values
/// outside the portrait plus whatever the snapshot leaves under 100 %), in fractions.
pub(super) struct Compared {
    pub portrait: BTreeMap<String, f64>,
    pub observed: BTreeMap<String, f64>,
    pub distance: f64,
    pub outside: f64,
}

pub(super) fn compare(
    portrait: &BTreeMap<String, f64>,
    rows: &[&AudienceRow],
    dim: &str,
) -> Compared {
    let mut observed: BTreeMap<String, f64> = portrait.keys().map(|k| (k.clone(), 0.0)).collect();
    let mut outside = 0.0;
    let mut total = 0.0;
    for r in rows {
        let share = r.share_pct.unwrap_or(0.0) / 100.0;
        total += share;
        match observed.get_mut(&normalise(dim, &r.value)) {
            Some(v) => *v += share,
            None => outside += share,
        }
    }
    outside += (1.0 - total).max(0.0);
    let p_other = (1.0 - portrait.values().sum::<f64>()).max(0.0);
    let distance = 0.5
        * (portrait
            .iter()
            .map(|(k, p)| (p - observed[k]).abs())
            .sum::<f64>()
            + (p_other - outside).abs());
    let mut portrait_full = portrait.clone();
    portrait_full.insert("other".into(), p_other);
    observed.insert("other".into(), outside);
    Compared {
        portrait: portrait_full,
        observed,
        distance,
        outside,
    }
}

fn pct_map(m: &BTreeMap<String, f64>) -> Value {
    Value::Object(
        m.iter()
            .map(|(k, v)| (k.clone(), json!(v * 100.0)))
            .collect(),
    )
}

const MISMATCH: [(&str, &str, &str); 3] = [
    ("country", "geo-mismatch", "geography"),
    ("age", "age-mismatch", "age"),
    ("gender", "gender-mismatch", "gender"),
];

/// `geo-mismatch`, `age-mismatch`, `gender-mismatch` for a period, and whether any of them
/// could judge it.
pub fn mismatch(account: &Account, p: &Period, th: &Thresholds) -> (Vec<Finding>, bool) {
    let mut out = Vec::new();
    let mut judged = false;
    for (dim, rule, word) in MISMATCH {
        let Some(portrait) = portrait_of(account, dim) else {
            out.push(not_evaluated(
                rule,
                p.start,
                p.end,
                &format!("audit.toml has no [portrait] {dim}"),
                None,
            ));
            continue;
        };
        if !account.presence.audience {
            out.push(not_evaluated(
                rule,
                p.start,
                p.end,
                "the account has no audience file",
                None,
            ));
            continue;
        }
        let latest = |seg| {
            dates_of(account, seg, dim)
                .into_iter()
                .filter(|d| p.contains(*d))
                .max()
        };
        let (seg, date) = match latest(Segment::NewFollowers) {
            Some(d) => (Segment::NewFollowers, d),
            None => match latest(Segment::Followers) {
                Some(d) => (Segment::Followers, d),
                None => {
                    out.push(not_evaluated(
                        rule,
                        p.start,
                        p.end,
                        &format!("no audience snapshot of {dim} is dated in the period"),
                        None,
                    ));
                    continue;
                }
            },
        };
        let rows = snapshot(account, date, seg, dim);
        let c = compare(&portrait, &rows, dim);
        judged = true;
        let severity = if c.distance > th.get("mismatch_high") {
            Severity::High
        } else if c.distance > th.get("mismatch_medium") {
            Severity::Medium
        } else {
            continue;
        };
        let mut ev = Map::new();
        ev.insert("snapshot_date".into(), json!(date.to_string()));
        ev.insert("segment".into(), json!(seg.as_str()));
        ev.insert("dimension".into(), json!(dim));
        ev.insert("portrait_pct".into(), pct_map(&c.portrait));
        ev.insert("observed_pct".into(), pct_map(&c.observed));
        ev.insert("distance".into(), json!(c.distance));
        ev.insert("outside_portrait_pct".into(), json!(c.outside * 100.0));
        let who = if seg == Segment::NewFollowers {
            "new followers"
        } else {
            "followers"
        };
        out.push(make(
            rule,
            severity,
            p.start,
            p.end,
            format!(
                "Audience mismatch ({word}): the {who} of {date} are {} % away from the target portrait; {} % outside it",
                group(c.distance * 100.0, 1),
                group(c.outside * 100.0, 1)
            ),
            format!(
                "The {word} of the {who} in the snapshot of {date} differs from the portrait in audit.toml by a total variation distance of {} (half the sum of the share differences, 'other' included). An audience that is not the target audience does not buy; followers from outside the target are also typical of bought or bot followers. Ask the contractor where these followers come from and how the targeting is set.",
                group(c.distance, 3)
            ),
            ev,
            vec![],
        ));
    }
    (out, judged)
}

/// `geo-shift`: the share of new followers (or followers) outside the portrait's countries rose
/// by `shift_pp` points or more between the last snapshot before a spike and the first one
/// from its start to 30 days after its end.
pub fn shift(account: &Account, episodes: &[Episode], th: &Thresholds) -> Vec<Finding> {
    let Some(portrait) = portrait_of(account, "country") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ep in episodes {
        let window_end = plus(ep.end, th.get("shift_window") as i64);
        let sides = |seg| {
            let dates = dates_of(account, seg, "country");
            let before = dates.iter().copied().filter(|d| *d < ep.start).max();
            let after = dates
                .iter()
                .copied()
                .filter(|d| ep.start <= *d && *d <= window_end)
                .min();
            Some((seg, before?, after?))
        };
        let Some((seg, before, after)) =
            sides(Segment::NewFollowers).or_else(|| sides(Segment::Followers))
        else {
            continue;
        };
        let b = compare(
            &portrait,
            &snapshot(account, before, seg, "country"),
            "country",
        );
        let a = compare(
            &portrait,
            &snapshot(account, after, seg, "country"),
            "country",
        );
        let rise = (a.outside - b.outside) * 100.0;
        if rise < th.get("shift_pp") {
            continue;
        }
        let mut ev = Map::new();
        ev.insert("episode_start".into(), json!(ep.start.to_string()));
        ev.insert("episode_end".into(), json!(ep.end.to_string()));
        ev.insert("segment".into(), json!(seg.as_str()));
        ev.insert("snapshot_before".into(), json!(before.to_string()));
        ev.insert(
            "outside_portrait_before_pct".into(),
            json!(b.outside * 100.0),
        );
        ev.insert("snapshot_after".into(), json!(after.to_string()));
        ev.insert(
            "outside_portrait_after_pct".into(),
            json!(a.outside * 100.0),
        );
        ev.insert("rise_pp".into(), json!(rise));
        ev.insert("countries_after_pct".into(), pct_map(&a.observed));
        let who = if seg == Segment::NewFollowers {
            "new followers"
        } else {
            "followers"
        };
        out.push(make(
            "geo-shift",
            Severity::High,
            ep.start,
            ep.end,
            format!(
                "Geography shift after the spike: {who} from outside the target countries rose from {} % to {} % (+{} pp)",
                group(b.outside * 100.0, 1),
                group(a.outside * 100.0, 1),
                group(rise, 1)
            ),
            format!(
                "Before the follower jump ({before}) {} % of the {who} came from outside the portrait's countries; after it ({after}) {} %. Bought followers usually come from countries where accounts are cheap to run. Ask the contractor which campaign brought followers from these countries.",
                group(b.outside * 100.0, 1),
                group(a.outside * 100.0, 1)
            ),
            ev,
            vec![],
        ));
    }
    out
}
