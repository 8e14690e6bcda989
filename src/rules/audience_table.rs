//! The audience on screen and in the reports: each dimension of the latest snapshot beside the
//! target portrait, with the distance the mismatch rules use.

use super::audience::{compare, dates_of, normalise, portrait_of, snapshot};
use crate::model::{Account, Period, Segment};
use chrono::NaiveDate;

/// The most values of a dimension listed by name; the rest are summed as "other".
const LISTED: usize = 8;

/// One value of a dimension: the audience's share and the portrait's, in percent.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// As the audience file gives it: an ISO country code, an age bucket, a gender.
    pub value: String,
    /// For people: "Poland (PL)", "25-34", "female".
    pub label: String,
    pub audience_pct: f64,
    /// `None` where the portrait does not name the value.
    pub portrait_pct: Option<f64>,
}

/// One dimension (country, age, gender) of one snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct AudienceTable {
    pub dimension: &'static str,
    pub segment: Segment,
    pub date: NaiveDate,
    /// Whether the snapshot is dated in the period (the rules judge only those).
    pub in_period: bool,
    /// Largest first; "other" last.
    pub shares: Vec<Share>,
    /// Half the sum of the share differences against the portrait, 0–1, where there is one.
    pub distance: Option<f64>,
    /// The share outside the portrait's values, in percent, where there is one.
    pub outside_pct: Option<f64>,
    /// What the portrait leaves to values it does not name, in percent.
    pub portrait_outside_pct: Option<f64>,
}

/// For each dimension with a snapshot on or before the period's end: new followers in the
/// period first (what the rules judge), then followers in the period, then the latest before.
pub fn tables(account: &Account, p: &Period) -> Vec<AudienceTable> {
    ["country", "age", "gender"]
        .into_iter()
        .filter_map(|dim| table(account, p, dim))
        .collect()
}

fn table(account: &Account, p: &Period, dim: &'static str) -> Option<AudienceTable> {
    let latest = |seg, in_period: bool| {
        dates_of(account, seg, dim)
            .into_iter()
            .filter(|d| *d <= p.end && (!in_period || p.contains(*d)))
            .max()
            .map(|d| (seg, d))
    };
    let (segment, date) = latest(Segment::NewFollowers, true)
        .or_else(|| latest(Segment::Followers, true))
        .or_else(|| latest(Segment::NewFollowers, false))
        .or_else(|| latest(Segment::Followers, false))?;
    let rows = snapshot(account, date, segment, dim);
    let portrait = portrait_of(account, dim);
    let mut shares: Vec<Share> = rows
        .iter()
        .filter_map(|r| {
            let value = normalise(dim, &r.value);
            let portrait_pct = portrait
                .as_ref()
                .and_then(|m| m.get(&value))
                .map(|v| v * 100.0);
            Some(Share {
                label: label(dim, &value),
                value,
                audience_pct: r.share_pct?,
                portrait_pct,
            })
        })
        .collect();
    if dim == "age" {
        shares.sort_by(|a, b| a.value.cmp(&b.value));
    } else {
        shares.sort_by(|a, b| b.audience_pct.total_cmp(&a.audience_pct));
    }
    // The portrait's values the snapshot does not name are shown at 0 %.
    if let Some(m) = &portrait {
        for (value, pct) in m {
            if !shares.iter().any(|s| &s.value == value) {
                shares.push(Share {
                    label: label(dim, value),
                    value: value.clone(),
                    audience_pct: 0.0,
                    portrait_pct: Some(pct * 100.0),
                });
            }
        }
    }
    // Beyond the first few, only the portrait's values keep their own line.
    let mut listed = Vec::new();
    let mut other = 0.0;
    for (i, s) in shares.into_iter().enumerate() {
        if i < LISTED || s.portrait_pct.is_some() {
            listed.push(s);
        } else {
            other += s.audience_pct;
        }
    }
    let named: f64 = listed.iter().map(|s| s.audience_pct).sum();
    let rest = (other + (100.0 - named - other).max(0.0)).max(0.0);
    let compared = portrait.as_ref().map(|m| compare(m, &rows, dim));
    if rest >= 0.05 {
        listed.push(Share {
            label: "other".to_string(),
            value: "other".to_string(),
            audience_pct: rest,
            portrait_pct: None,
        });
    }
    Some(AudienceTable {
        dimension: dim,
        segment,
        date,
        in_period: p.contains(date),
        shares: listed,
        distance: compared.as_ref().map(|c| c.distance),
        outside_pct: compared.as_ref().map(|c| c.outside * 100.0),
        portrait_outside_pct: compared
            .as_ref()
            .and_then(|c| c.portrait.get("other"))
            .map(|v| v * 100.0),
    })
}

/// A value for people: a country by its name and code.
pub fn label(dim: &str, value: &str) -> String {
    match crate::import::vocab::countries::name(value) {
        Some(name) if dim == "country" => format!("{name} ({value})"),
        _ => value.to_string(),
    }
}
