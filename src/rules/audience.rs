//! Audience rules: the audience against the target portrait, and its shift after a spike.

use super::finding::{Finding, Severity};
use super::series::{plus, Episode};
use super::{make, not_evaluated, Thresholds};
use crate::evidence::Evidence;
use crate::format::group;
use crate::model::{Account, AudienceRow, Period, Segment};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A portrait's values as the audience file writes them (country codes upper case, genders
/// lower case), in fractions.
/// The portrait's named values of a dimension, in fractions. Its `other` key is the rest, not
/// a country or an age bucket (`US = 80, other = 20`): it is left out, and the comparison takes
/// what the named values leave as "other". In genders, `other` is a gender of its own.
pub(super) fn portrait_of(account: &Account, dim: &str) -> Option<BTreeMap<String, f64>> {
    let p = account.config.portrait.dimension(dim)?;
    Some(
        p.iter()
            .filter(|(k, _)| dim == "gender" || !k.trim().eq_ignore_ascii_case("other"))
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

/// A comparison's shares for the evidence: the JSON keeps `{value: percent}`; people read
/// the values by name, largest first.
fn shares(ev: &mut Evidence, key: &str, label: &str, dim: &str, m: &BTreeMap<String, f64>) {
    let machine: Vec<(String, f64)> = m.iter().map(|(k, v)| (k.clone(), v * 100.0)).collect();
    let mut labelled: Vec<(String, f64)> = machine
        .iter()
        .map(|(k, v)| (super::audience_table::label(dim, k), *v))
        .collect();
    labelled.sort_by(|a, b| b.1.total_cmp(&a.1));
    ev.shares(key, label, &machine, labelled);
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
        let mut ev = Evidence::new();
        ev.date("snapshot_date", "audience snapshot of", date)
            .words("segment", "whose audience", seg.as_str())
            .words("dimension", "by", dim);
        shares(
            &mut ev,
            "portrait_pct",
            "the target portrait",
            dim,
            &c.portrait,
        );
        shares(&mut ev, "observed_pct", "the audience", dim, &c.observed);
        ev.fraction(
            "distance",
            "distance from the portrait (0 same, 1 nothing in common)",
            c.distance,
        )
        .percent(
            "outside_portrait_pct",
            "outside the portrait",
            c.outside * 100.0,
        );
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
        let mut ev = Evidence::new();
        ev.date("episode_start", "jump from", ep.start)
            .date("episode_end", "jump to", ep.end)
            .words("segment", "whose audience", seg.as_str())
            .date("snapshot_before", "snapshot before", before)
            .percent(
                "outside_portrait_before_pct",
                "outside the portrait's countries before",
                b.outside * 100.0,
            )
            .date("snapshot_after", "snapshot after", after)
            .percent(
                "outside_portrait_after_pct",
                "outside the portrait's countries after",
                a.outside * 100.0,
            )
            .points("rise_pp", "rise", rise);
        // The JSON keeps the portrait's countries and "other"; people read every country the
        // snapshot names, largest first.
        let machine: Vec<(String, f64)> = a
            .observed
            .iter()
            .map(|(k, v)| (k.clone(), v * 100.0))
            .collect();
        let mut named: Vec<(String, f64)> = snapshot(account, after, seg, "country")
            .iter()
            .filter_map(|r| {
                Some((
                    super::audience_table::label("country", &normalise("country", &r.value)),
                    r.share_pct?,
                ))
            })
            .collect();
        named.sort_by(|x, y| y.1.total_cmp(&x.1));
        ev.shares("countries_after_pct", "countries after", &machine, named);
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
