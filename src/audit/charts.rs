//! The charts' data for one period, for the screen and the HTML report alike: the same window
//! of days for all three (the two months before the period and the period), the spike days,
//! the findings' windows.

use crate::metrics::post_rates;
use crate::metrics::stats::mean;
use crate::model::{Account, Period};
use crate::rules::series::GainSource;
use crate::rules::{Analysis, Finding};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The most points a chart is given; min-max buckets keep spikes visible.
pub const MAX_POINTS: usize = 240;

/// A chart's line: x in days since the window's first day, y the value; the days before the
/// period and the period's days apart (the period's line starts where the other ends).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub before: Vec<(f64, f64)>,
    pub period: Vec<(f64, f64)>,
}

impl Series {
    /// The y range: from zero (or the lowest value, for a series that goes below zero, such
    /// as net follows) to the highest value, so that a 5 % dip looks like one and the top of
    /// the axis is a value of the series.
    pub fn y_bounds(&self) -> Option<(f64, f64)> {
        let ys = self.before.iter().chain(&self.period).map(|p| p.1);
        let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(y), h.max(y)));
        (lo <= hi).then(|| {
            let bottom = lo.min(0.0);
            (bottom, if hi > bottom { hi } else { bottom + 1.0 })
        })
    }

    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.period.is_empty()
    }

    /// Every point once, in order (the joint point of the two parts once).
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        let skip = usize::from(!self.before.is_empty() && !self.period.is_empty());
        self.before
            .iter()
            .chain(self.period.iter().skip(skip))
            .copied()
    }
}

/// Everything the three charts draw for one period.
#[derive(Debug, Clone, PartialEq)]
pub struct Charts {
    /// The window: the first day of the month two months before the period, to its last day.
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    /// The period's first day (the period ends with the window).
    pub period_start: NaiveDate,
    pub followers: Series,
    /// What the Followers chart draws: "followers", or "net follows a day" for exports that
    /// give daily follows but no count.
    pub followers_label: &'static str,
    /// The days of follower spikes, on the follower line.
    pub spikes: Vec<(f64, f64)>,
    pub reach: Series,
    pub impressions: Series,
    /// The ER post of each day's posts (averaged over the day's posts), in percent.
    pub er_post: Series,
    /// The ERR of each day's posts, in percent.
    pub err: Series,
    /// The windows of the period's findings at medium or above that are shorter than the
    /// period (a spike, a post's day), as x ranges.
    pub findings: Vec<(f64, f64)>,
}

impl Charts {
    /// The x of a day.
    pub fn x(&self, d: NaiveDate) -> f64 {
        x_of(self.window_start, d)
    }

    pub fn days(&self) -> f64 {
        x_of(self.window_start, self.window_end)
    }

    /// The months of the window: (x of the first day, "Aug").
    pub fn months(&self) -> Vec<(f64, String)> {
        let mut out = Vec::new();
        let mut m = Period::month_of(self.window_start);
        while m.start <= self.window_end {
            out.push((self.x(m.start), m.start.format("%b").to_string()));
            m = m.next();
        }
        out
    }

    pub fn build(account: &Account, analysis: &Analysis, p: &Period, found: &[Finding]) -> Charts {
        let window_start = Period::month_of(p.start).previous().previous().start;
        let window_end = p.end;
        let days: Vec<_> = account.daily.range(window_start..=window_end).collect();
        let line = |get: fn(&crate::model::DailyRow) -> Option<f64>| {
            let points = days.iter().filter_map(|(d, r)| Some((**d, get(r)?)));
            split(points.collect(), window_start, p)
        };
        let from_follows = analysis.gains.source == Some(GainSource::Follows);
        let (followers, followers_label) = if from_follows {
            let gains = &analysis.gains.values;
            let points = gains
                .range(window_start..=window_end)
                .map(|(d, g)| (*d, *g));
            (
                split(points.collect(), window_start, p),
                "net follows a day",
            )
        } else {
            (line(|r| r.followers), "followers")
        };
        let spikes = analysis
            .episodes
            .iter()
            .flat_map(|e| e.days.iter())
            .filter(|d| window_start <= d.date && d.date <= window_end)
            .filter_map(|d| {
                let y = if from_follows {
                    d.gain
                } else {
                    account.followers_on(d.date)?
                };
                Some((x_of(window_start, d.date), y))
            })
            .collect();
        // Each day's posts: their ER post and their ERR.
        let mut by_day: BTreeMap<NaiveDate, [Vec<f64>; 2]> = BTreeMap::new();
        for post in account.posts_between(window_start, window_end) {
            let rates = post_rates(account, post);
            let day = by_day.entry(post.date).or_default();
            day[0].extend(rates.er_post_pct);
            day[1].extend(rates.err_pct);
        }
        let daily = |i: usize| {
            let points = by_day
                .iter()
                .filter_map(|(d, v)| Some((*d, mean(v[i].iter().copied())?)));
            split(points.collect(), window_start, p)
        };
        let findings = found
            .iter()
            .filter(|f| f.severity >= crate::rules::Severity::Medium)
            .filter(|f| p.start < f.start || f.end < p.end)
            .filter(|f| f.start <= window_end && window_start <= f.end)
            .map(|f| {
                (
                    x_of(window_start, f.start.max(window_start)),
                    x_of(window_start, f.end.min(window_end)),
                )
            })
            .collect();
        Charts {
            window_start,
            window_end,
            period_start: p.start,
            followers,
            followers_label,
            spikes,
            reach: line(|r| r.reach),
            impressions: line(|r| r.impressions),
            er_post: daily(0),
            err: daily(1),
            findings,
        }
    }
}

fn x_of(start: NaiveDate, d: NaiveDate) -> f64 {
    (d - start).num_days() as f64
}

fn split(points: Vec<(NaiveDate, f64)>, start: NaiveDate, p: &Period) -> Series {
    let (mut before, mut period) = (Vec::new(), Vec::new());
    for (d, v) in points {
        let pt = (x_of(start, d), v);
        if p.contains(d) {
            period.push(pt);
        } else {
            before.push(pt);
        }
    }
    // The lines meet: the period's line starts where the earlier one ends.
    if let (Some(last), false) = (before.last().copied(), period.is_empty()) {
        period.insert(0, last);
    }
    Series {
        before: downsample(&before, MAX_POINTS),
        period: downsample(&period, MAX_POINTS),
    }
}

/// Keep at most `max` points: the points are cut into buckets and each bucket keeps its lowest
/// and highest point, in order.
pub fn downsample(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    if points.len() <= max || max < 2 {
        return points.to_vec();
    }
    let buckets = max / 2;
    let size = points.len().div_ceil(buckets);
    let mut out = Vec::with_capacity(max);
    for chunk in points.chunks(size) {
        let lo = chunk.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        let hi = chunk.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if lo.0 <= hi.0 {
                out.push(*lo);
                if hi != lo {
                    out.push(*hi);
                }
            } else {
                out.push(*hi);
                out.push(*lo);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downsampling_keeps_extremes_and_order() {
        let pts: Vec<(f64, f64)> = (0..1000)
            .map(|i| (i as f64, if i == 500 { 99.0 } else { 1.0 }))
            .collect();
        let d = downsample(&pts, 100);
        assert!(d.len() <= 100);
        assert!(d.iter().any(|p| p.1 == 99.0));
        assert!(d.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(downsample(&pts[..10], 100).len(), 10);
    }
}
