//! Daily net gain, spike days and spike episodes (rules.md, "Statistics used").

use super::stats::robust_z;
use super::Thresholds;
use crate::model::Account;
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// `g(t) = followers(t) - followers(t-1)`, only where both days have rows.
pub fn net_gains(account: &Account) -> BTreeMap<NaiveDate, f64> {
    account
        .daily
        .iter()
        .filter_map(|(d, row)| {
            let prev = account.daily.get(&d.pred_opt()?)?;
            Some((*d, row.followers? - prev.followers?))
        })
        .collect()
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
    pub followers_before: f64,
}

/// Consecutive spike days.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days: Vec<SpikeDay>,
    /// Excess gain `J = sum(g(t) - m)`.
    pub excess: f64,
    /// `followers(start - 1)`.
    pub followers_before: f64,
    /// Relative jump `j = J / followers(start - 1)`.
    pub jump: f64,
}

/// Is day `t` a spike of `series` (gains or unfollows)? `None` when it cannot be judged.
pub fn judge_day(
    series: &BTreeMap<NaiveDate, f64>,
    t: NaiveDate,
    followers_before: f64,
    th: &Thresholds,
) -> Option<(bool, SpikeDay)> {
    let x = *series.get(&t)?;
    let window = th.get("baseline_days").max(1.0) as i64;
    let baseline = values_in(series, minus(t, window), minus(t, 1));
    if (baseline.len() as f64) < th.get("min_baseline_values") {
        return None;
    }
    let r = robust_z(x, &baseline)?;
    let floor = th
        .get("spike_min_abs")
        .max(th.get("spike_min_share") * followers_before);
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

/// Every spike episode of the account's follower series.
pub fn episodes(account: &Account, th: &Thresholds) -> Vec<Episode> {
    let gains = net_gains(account);
    let mut out: Vec<Episode> = Vec::new();
    for t in gains.keys() {
        let before = account.followers_at(minus(*t, 1)).unwrap_or(0.0);
        let Some((true, day)) = judge_day(&gains, *t, before, th) else {
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
                jump: 0.0,
            }),
        }
    }
    for ep in &mut out {
        ep.excess = ep.days.iter().map(|d| d.gain - d.median).sum();
        ep.jump = if ep.followers_before > 0.0 {
            ep.excess / ep.followers_before
        } else {
            0.0
        };
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
