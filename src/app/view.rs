//! Render-ready data for one period, computed when the period changes and never while drawing:
//! chart series (downsampled), the top posts in every ranking, the period's post medians.

use crate::audit::{AccountAudit, PeriodAudit};
use crate::metrics::stats::median;
use crate::metrics::{self, post_rates, Kpi, RankedPost, Ranking};
use crate::model::{Account, Period};
use crate::rules::series::GainSource;
use crate::rules::Thresholds;
use chrono::NaiveDate;

/// The most points a chart is given; min-max buckets keep spikes visible.
pub const MAX_POINTS: usize = 240;

/// A chart's data: x in days since the window's first day (or month index), y the value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Series {
    pub before: Vec<(f64, f64)>,
    pub period: Vec<(f64, f64)>,
}

impl Series {
    pub fn y_bounds(&self) -> Option<(f64, f64)> {
        let ys = self.before.iter().chain(&self.period).map(|p| p.1);
        let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(y), h.max(y)));
        (lo <= hi).then(|| {
            let pad = ((hi - lo) * 0.05).max(1.0);
            // Counts stop at 0; a series with negative values (a net gain) keeps them.
            let bottom = if lo >= 0.0 {
                (lo - pad).max(0.0)
            } else {
                lo - pad
            };
            (bottom, hi + pad)
        })
    }

    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.period.is_empty()
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

/// Everything the dashboard draws for one period.
#[derive(Debug, Clone)]
pub struct PeriodView {
    pub audit: PeriodAudit,
    /// First day of the charts' window (two months before the period).
    pub window_start: NaiveDate,
    pub window_end: NaiveDate,
    pub followers: Series,
    /// What the Followers chart draws: "followers", or "net follows a day" for exports that
    /// give daily follows but no count.
    pub followers_label: &'static str,
    /// Spike days inside the window, at their follower count (or their net follows).
    pub spikes: Vec<(f64, f64)>,
    pub reach: Series,
    pub impressions: Series,
    /// ER post and ERR by month for the six months ending with the period (x = 0..5).
    pub er_post: Series,
    pub err: Series,
    pub month_labels: Vec<String>,
    /// What the first list is ranked by: reach, or views where no post has a reach value.
    pub first_ranking: Ranking,
    /// The top posts in each ranking: reach, views, engagements, ER post.
    pub top: [Vec<RankedPost>; 4],
    /// The period's medians of a post's numbers, for a post's detail.
    pub medians: PostMedians,
    /// The posts the period's findings are about, with their rates, by post id.
    pub finding_posts: std::collections::HashMap<String, RankedPost>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PostMedians {
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub engagements: Option<f64>,
    pub er_post_pct: Option<f64>,
    pub err_pct: Option<f64>,
    pub er_view_pct: Option<f64>,
}

impl PeriodView {
    pub fn top(&self, r: Ranking) -> &[RankedPost] {
        match r {
            // A period without reach values shows its views for "reach".
            Ranking::Reach if self.first_ranking == Ranking::Views => &self.top[1],
            Ranking::Reach => &self.top[0],
            Ranking::Views => &self.top[1],
            Ranking::Engagements => &self.top[2],
            Ranking::ErPost => &self.top[3],
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

pub fn build(account: &Account, whole: &AccountAudit, th: &Thresholds, p: &Period) -> PeriodView {
    let audit = whole.period(account, th, p);
    let window_start = Period::month_of(p.start).previous().previous().start;
    let window_end = p.end;
    let days: Vec<_> = account.daily.range(window_start..=window_end).collect();
    let followers = split(
        days.iter()
            .filter_map(|(d, r)| Some((**d, r.followers?)))
            .collect(),
        window_start,
        p,
    );
    let reach = split(
        days.iter()
            .filter_map(|(d, r)| Some((**d, r.reach?)))
            .collect(),
        window_start,
        p,
    );
    let impressions = split(
        days.iter()
            .filter_map(|(d, r)| Some((**d, r.impressions?)))
            .collect(),
        window_start,
        p,
    );
    let from_follows = whole.analysis.gains.source == Some(GainSource::Follows);
    let (followers, followers_label) = if from_follows {
        let gains = &whole.analysis.gains.values;
        let points = gains
            .range(window_start..=window_end)
            .map(|(d, g)| (*d, *g))
            .collect();
        (split(points, window_start, p), "net follows a day")
    } else {
        (followers, "followers")
    };
    let spikes = whole
        .analysis
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
    let mut months = vec![*p];
    for _ in 0..5 {
        let prev = months[0].previous();
        months.insert(0, prev);
    }
    let mut er_post = Vec::new();
    let mut err = Vec::new();
    let mut month_labels = Vec::new();
    for (i, m) in months.iter().enumerate() {
        let k = if m == p {
            audit.summary.kpis.clone()
        } else {
            metrics::compute(account, m)
        };
        if let Some(v) = k.get(Kpi::ErPostPct) {
            er_post.push((i as f64, v));
        }
        if let Some(v) = k.get(Kpi::ErrPct) {
            err.push((i as f64, v));
        }
        month_labels.push(m.start.format("%b").to_string());
    }
    let last = (months.len() - 1) as f64;
    let part = |v: Vec<(f64, f64)>| {
        let (period, before): (Vec<_>, Vec<_>) = v.into_iter().partition(|pt| pt.0 == last);
        let mut period = period;
        if let (Some(l), false) = (before.last().copied(), period.is_empty()) {
            period.insert(0, l);
        }
        Series { before, period }
    };
    let first_ranking = audit.summary.top_posts_by;
    let top = [
        metrics::top_posts(account, p, Ranking::Reach, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::Views, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::Engagements, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::ErPost, metrics::TOP_N),
    ];
    let posts: Vec<_> = account.posts_in(p).collect();
    let rates: Vec<_> = posts.iter().map(|x| post_rates(account, x)).collect();
    let medians = PostMedians {
        reach: median(posts.iter().filter_map(|x| x.reach)),
        impressions: median(posts.iter().filter_map(|x| x.impressions)),
        engagements: median(rates.iter().filter_map(|r| r.engagements)),
        er_post_pct: median(rates.iter().filter_map(|r| r.er_post_pct)),
        err_pct: median(rates.iter().filter_map(|r| r.err_pct)),
        er_view_pct: median(rates.iter().filter_map(|r| r.er_view_pct)),
    };
    let finding_posts = audit
        .findings
        .iter()
        .flat_map(|f| &f.posts)
        .filter_map(|id| {
            let post = account.posts_in(p).find(|x| &x.id == id)?;
            let ranked = RankedPost {
                rank: 0,
                post: post.clone(),
                rates: post_rates(account, post),
            };
            Some((id.clone(), ranked))
        })
        .collect();
    PeriodView {
        finding_posts,
        audit,
        window_start,
        window_end,
        followers,
        followers_label,
        spikes,
        reach,
        impressions,
        er_post: part(er_post),
        err: part(err),
        month_labels,
        first_ranking,
        top,
        medians,
    }
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
