//! Daily net gain, spike days and spike episodes (rules.md, "Statistics used").

use super::stats::robust_z;
use super::Thresholds;
use crate::model::Account;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// Where the daily net gain comes from (rules.md, "Statistics used").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GainSource {
    /// `followers(t) - followers(t-1)`: the daily rows carry a follower count.
    Followers,
    /// `follows(t) - unfollows(t)`: the daily rows give follows but no count at all (Meta
    /// Business Suite's `Follows.csv`, X's account overview, LinkedIn's followers sheet).
    Follows,
}

impl GainSource {
    pub fn as_str(self) -> &'static str {
        match self {
            GainSource::Followers => "followers",
            GainSource::Follows => "follows",
        }
    }
}

/// The account's daily net gains `g(t)`, and the follower counts the thresholds need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gains {
    /// `None` when the daily rows give neither a follower count nor follows.
    pub source: Option<GainSource>,
    pub values: BTreeMap<NaiveDate, f64>,
    /// From daily follows: the running sum of `g` up to each day, and the `[account] followers`
    /// anchor (day, count) that turns it into counts.
    running: BTreeMap<NaiveDate, f64>,
    anchor: Option<(NaiveDate, f64)>,
}

impl Gains {
    /// `g(t) = followers(t) - followers(t-1)` where both days have a count; where no daily row
    /// has a count, `g(t) = follows(t) - unfollows(t)` on every day with follows.
    pub fn of(account: &Account) -> Gains {
        if account.daily.values().any(|r| r.followers.is_some()) {
            let values = account
                .daily
                .iter()
                .filter_map(|(d, row)| {
                    let prev = account.daily.get(&d.pred_opt()?)?;
                    Some((*d, row.followers? - prev.followers?))
                })
                .collect();
            return Gains {
                source: Some(GainSource::Followers),
                values,
                ..Gains::default()
            };
        }
        let values: BTreeMap<NaiveDate, f64> = account
            .daily
            .iter()
            .filter_map(|(d, row)| Some((*d, row.follows? - row.unfollows.unwrap_or(0.0))))
            .collect();
        if values.is_empty() {
            return Gains::default();
        }
        let mut total = 0.0;
        let running = values
            .iter()
            .map(|(d, g)| {
                total += g;
                (*d, total)
            })
            .collect();
        let info = &account.config.account;
        let anchor = info.followers.and_then(|count| {
            let day = info
                .followers_date
                .or_else(|| account.daily_span().map(|(_, last)| last))?;
            Some((day, count))
        });
        Gains {
            source: Some(GainSource::Follows),
            values,
            running,
            anchor,
        }
    }

    /// The follower count at the end of day `d`, as the thresholds use it: the daily rows'
    /// count (nearest row, kpis.md), or from follows the anchor moved by the net follows in
    /// between; `None` from follows without an anchor.
    pub fn followers_at(&self, account: &Account, d: NaiveDate) -> Option<f64> {
        match self.source? {
            GainSource::Followers => account.followers_at(d),
            GainSource::Follows => {
                let (day, count) = self.anchor?;
                let upto = |x: NaiveDate| {
                    self.running
                        .range(..=x)
                        .next_back()
                        .map_or(0.0, |(_, v)| *v)
                };
                Some(count + upto(d) - upto(day))
            }
        }
    }
}

/// `d - n` days, saturating.
pub fn minus(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_sub_days(Days::new(n as u64))
            .unwrap_or(NaiveDate::MIN)
    } else {
        plus(d, -n)
    }
}

/// `d + n` days, saturating.
pub fn plus(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
            .unwrap_or(NaiveDate::MAX)
    } else {
        minus(d, -n)
    }
}

/// The values of a dated series in `[from, to]`.
pub fn values_in(series: &BTreeMap<NaiveDate, f64>, from: NaiveDate, to: NaiveDate) -> Vec<f64> {
    if from > to {
        return Vec::new();
    }
    series.range(from..=to).map(|(_, v)| *v).collect()
}

/// One day judged against its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct SpikeDay {
    pub date: NaiveDate,
    pub gain: f64,
    pub median: f64,
    pub z: f64,
    pub baseline_values: usize,
    /// `followers(t-1)`; unknown from follows without `[account] followers`.
    pub followers_before: Option<f64>,
}

/// Consecutive spike days.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: Vec<SpikeDay>,
    /// Excess gain `J = sum(g(t) - m)`.
    pub excess: f64,
    /// `followers(start - 1)`, where known.
    pub followers_before: Option<f64>,
    /// Relative jump `j = J / followers(start - 1)`, where that count is known and positive.
    pub jump: Option<f64>,
}

/// Is day `t` a spike of `series` (gains or unfollows)? `None` when it cannot be judged.
pub fn judge_day(
    series: &BTreeMap<NaiveDate, f64>,
    t: NaiveDate,
    followers_before: Option<f64>,
    th: &Thresholds,
) -> Option<(bool, SpikeDay)> {
    let x = *series.get(&t)?;
    let window = th.get("baseline_days").max(1.0) as i64;
    let baseline = values_in(series, minus(t, window), minus(t, 1));
    if (baseline.len() as f64) < th.get("min_baseline_values") {
        return None;
    }
    let r = robust_z(x, &baseline)?;
    // Without a known count the relative floor is not applied (rules.md).
    let floor = th
        .get("spike_min_abs")
        .max(followers_before.map_or(0.0, |f| th.get("spike_min_share") * f));
    let is_spike = r.z > th.get("spike_z") && x - r.median >= floor;
    Some((
        is_spike,
        SpikeDay {
            date: t,
            gain: x,
            median: r.median,
            z: r.z,
            baseline_values: baseline.len(),
            followers_before,
        },
    ))
}

/// Every spike episode of the account's daily gains.
pub fn episodes(account: &Account, gains: &Gains, th: &Thresholds) -> Vec<Episode> {
    let mut out: Vec<Episode> = Vec::new();
    for t in gains.values.keys() {
        let before = gains.followers_at(account, minus(*t, 1));
        let Some((true, day)) = judge_day(&gains.values, *t, before, th) else {
            continue;
        };
        match out.last_mut() {
            Some(ep) if plus(ep.end, 1) == *t => {
                ep.end = *t;
                ep.days.push(day);
            }
            _ => out.push(Episode {
                start: *t,
                end: *t,
                days: vec![day],
                excess: 0.0,
                followers_before: before,
                jump: None,
            }),
        }
    }
    for ep in &mut out {
        ep.excess = ep.days.iter().map(|d| d.gain - d.median).sum();
        ep.jump = ep
            .followers_before
            .filter(|f| *f > 0.0)
            .map(|f| ep.excess / f);
    }
    out
}

/// Follower packages that sellers offer; a spike within 3 % of one says so.
pub const PACKAGES: [f64; 10] = [
    500.0, 1000.0, 2000.0, 2500.0, 5000.0, 10000.0, 20000.0, 25000.0, 50000.0, 100000.0,
];

pub fn round_package(excess: f64) -> Option<f64> {
    PACKAGES
        .iter()
        .copied()
        .find(|p| (excess - p).abs() <= 0.03 * p)
}
