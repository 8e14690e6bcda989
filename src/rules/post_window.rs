//! The 90-day window of earlier posts that a post's ERR is judged against, slid day by day over
//! the whole account. Every post's ERR and reach get a rank once; the window is then a set of
//! ranks in two Fenwick trees, so a day costs a few dozen updates and order-statistic lookups,
//! not a sort of the thousands of posts in the window (a ten-year account with 100,000 posts
//! has 3,650 such days).

use super::stats::Baseline;
use crate::model::Post;
use chrono::NaiveDate;

/// A post's ERR in percent, where its reach is above 0 and its engagements are known.
pub fn err(post: &Post) -> Option<f64> {
    let r = post.reach.filter(|r| *r > 0.0)?;
    Some(post.engagements()? / r * 100.0).filter(|e| e.is_finite())
}

/// The baseline of one day: the robust spread of the window's ERRs, their posts' median reach,
/// and how many posts it holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayBaseline {
    pub err: Baseline,
    pub median_reach: f64,
    pub posts: usize,
}

/// Values ranked once, and which of them are in the window: a Fenwick tree of 0/1 counts
/// over the ranks answers "how many below" and "the k-th smallest" in O(log n).
struct RankedSet {
    /// The values in rank order.
    sorted: Vec<f64>,
    tree: Vec<u32>,
    len: usize,
}

impl RankedSet {
    /// The set of `values` (none in it yet), and each value's rank.
    fn new(values: &[f64]) -> (RankedSet, Vec<u32>) {
        // (value, index) pairs sorted in place: contiguous, so the sort stays in cache.
        let mut order: Vec<(f64, u32)> = values.iter().copied().zip(0u32..).collect();
        order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut rank = vec![0u32; values.len()];
        for (r, (_, i)) in order.iter().enumerate() {
            rank[*i as usize] = r as u32;
        }
        let set = RankedSet {
            sorted: order.into_iter().map(|(v, _)| v).collect(),
            tree: vec![0; values.len() + 1],
            len: 0,
        };
        (set, rank)
    }

    fn change(&mut self, rank: u32, add: bool) {
        let mut i = rank as usize + 1;
        while i < self.tree.len() {
            if add {
                self.tree[i] += 1;
            } else {
                self.tree[i] -= 1;
            }
            i += i & i.wrapping_neg();
        }
        if add {
            self.len += 1;
        } else {
            self.len -= 1;
        }
    }

    /// How many values of the set have a rank below `rank`.
    fn below(&self, rank: usize) -> usize {
        let (mut i, mut n) = (rank, 0usize);
        while i > 0 {
            n += self.tree[i] as usize;
            i -= i & i.wrapping_neg();
        }
        n
    }

    /// The `k`-th smallest value of the set (from 0); `k < len`.
    fn kth(&self, k: usize) -> f64 {
        let mut pos = 0usize;
        let mut left = k + 1;
        let mut step = (self.tree.len()).next_power_of_two() / 2;
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && (self.tree[next] as usize) < left {
                pos = next;
                left -= self.tree[next] as usize;
            }
            step /= 2;
        }
        self.sorted[pos]
    }

    /// The median (the mean of the two middle values for an even count).
    fn median(&self) -> Option<f64> {
        let n = self.len;
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(self.kth(n / 2)),
            _ => Some((self.kth(n / 2 - 1) + self.kth(n / 2)) / 2.0),
        }
    }

    /// The `k`-th smallest (from 0) of `|x - m|` over the set. The deviations grow outward
    /// from `m` on both sides: two sorted runs, whose `k`-th smallest is found by halving.
    fn kth_deviation(&self, m: f64, k: usize) -> f64 {
        let split = self.below(self.sorted.partition_point(|x| *x < m));
        // left(i): the i-th nearest value below m; right(j): the j-th from m upwards.
        let left = |i: usize| (self.kth(split - 1 - i) - m).abs();
        let right = |j: usize| (self.kth(split + j) - m).abs();
        let (nl, nr) = (split, self.len - split);
        let want = (k + 1).min(nl + nr);
        // Take i from the left and want - i from the right: the largest i whose left(i - 1)
        // is not above the right value it would displace.
        let (mut lo, mut hi) = (want.saturating_sub(nr), want.min(nl));
        while lo < hi {
            let i = (lo + hi).div_ceil(2);
            let j = want - i;
            if j < nr && left(i - 1) > right(j) {
                hi = i - 1;
            } else {
                lo = i;
            }
        }
        let (i, j) = (lo, want - lo);
        let a = (i > 0).then(|| left(i - 1));
        let b = (j > 0).then(|| right(j - 1));
        match (a, b) {
            (Some(a), Some(b)) => a.max(b),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => 0.0,
        }
    }
}

/// The window `[t - days, t - 1]` of posts with an ERR, for days `t` in increasing order.
pub struct PostWindow<'a> {
    posts: &'a [Post],
    days: u64,
    /// The posts `[lo, hi)` are in the window.
    lo: usize,
    hi: usize,
    /// Per post: its ERR's and its reach's rank, where it has an ERR.
    ranks: Vec<Option<(u32, u32)>>,
    errs: RankedSet,
    reaches: RankedSet,
}

impl<'a> PostWindow<'a> {
    /// The window over `posts` (sorted by date, as the account keeps them).
    pub fn new(posts: &'a [Post], days: i64) -> PostWindow<'a> {
        let with_err: Vec<(usize, f64, f64)> = posts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, err(p)?, p.reach?)))
            .collect();
        let e: Vec<f64> = with_err.iter().map(|x| x.1).collect();
        let r: Vec<f64> = with_err.iter().map(|x| x.2).collect();
        let (errs, err_rank) = RankedSet::new(&e);
        let (reaches, reach_rank) = RankedSet::new(&r);
        let mut ranks = vec![None; posts.len()];
        for (k, (i, _, _)) in with_err.iter().enumerate() {
            ranks[*i] = Some((err_rank[k], reach_rank[k]));
        }
        PostWindow {
            posts,
            days: days.max(1) as u64,
            lo: 0,
            hi: 0,
            ranks,
            errs,
            reaches,
        }
    }

    fn change(&mut self, from: usize, to: usize, add: bool) {
        for i in from..to {
            if let Some((e, r)) = self.ranks[i] {
                self.errs.change(e, add);
                self.reaches.change(r, add);
            }
        }
    }

    /// Move the window to the days before `t` (never backwards) and return its baseline, or
    /// `None` with fewer than `min_posts` posts or none.
    pub fn baseline_before(&mut self, t: NaiveDate, min_posts: f64) -> Option<DayBaseline> {
        let from = t.checked_sub_days(chrono::Days::new(self.days))?;
        let lo = self.posts.partition_point(|p| p.date < from).max(self.lo);
        let hi = self.posts.partition_point(|p| p.date < t).max(self.hi);
        self.change(self.lo, lo.min(self.hi), false);
        self.change(self.hi.max(lo), hi, true);
        (self.lo, self.hi) = (lo, hi);
        let n = self.errs.len;
        if n == 0 || (n as f64) < min_posts {
            return None;
        }
        Some(DayBaseline {
            err: self.err_baseline(),
            median_reach: self.reaches.median()?,
            posts: n,
        })
    }

    /// `Baseline::of` the window's ERRs: the median and the median absolute deviation from
    /// the ranks.
    fn err_baseline(&self) -> Baseline {
        let m = self.errs.median().unwrap_or(0.0);
        let n = self.errs.len;
        let mad = if n % 2 == 1 {
            self.errs.kth_deviation(m, n / 2)
        } else {
            (self.errs.kth_deviation(m, n / 2 - 1) + self.errs.kth_deviation(m, n / 2)) / 2.0
        };
        if mad > 0.0 {
            return Baseline::with_mad(m, mad);
        }
        // The rare fallbacks: the mean deviation, summed in the posts' order as `Baseline::of`
        // does, so the figures are the same to the last digit.
        let in_order: Vec<f64> = self.posts[self.lo..self.hi]
            .iter()
            .filter_map(err)
            .collect();
        Baseline::of(&in_order).unwrap_or(Baseline::with_mad(m, 0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Account;

    #[test]
    fn the_kth_deviation_is_the_selection_of_the_deviations() {
        let cases: [(&[f64], f64); 5] = [
            (&[1.0, 2.0, 2.0, 3.0, 7.0, 8.0, 20.0], 3.0),
            (&[20.0, 2.0, 7.0, 3.0, 1.0, 8.0, 2.0], 2.5),
            (&[5.0, 5.0, 5.0, 5.0], 5.0),
            (&[0.0, 10.0, 11.0, 12.0, 13.0], 11.0),
            (&[-4.0, -3.0, -2.0, 30.0], -2.5),
        ];
        for (v, m) in cases {
            let (mut set, ranks) = RankedSet::new(v);
            for r in &ranks {
                set.change(*r, true);
            }
            let mut dev: Vec<f64> = v.iter().map(|x| (x - m).abs()).collect();
            dev.sort_by(f64::total_cmp);
            for (k, d) in dev.iter().enumerate() {
                assert_eq!(set.kth_deviation(m, k), *d, "{v:?} m {m} k {k}");
            }
        }
    }

    #[test]
    fn a_ranked_set_answers_order_statistics_of_what_is_in_it() {
        let v = [3.0, 1.0, 3.0, 5.0, 0.5, 9.0];
        let (mut set, ranks) = RankedSet::new(&v);
        for i in [0, 1, 2, 3] {
            set.change(ranks[i], true);
        }
        assert_eq!(
            (0..4).map(|k| set.kth(k)).collect::<Vec<_>>(),
            vec![1.0, 3.0, 3.0, 5.0]
        );
        assert_eq!(set.median(), Some(3.0));
        set.change(ranks[1], false);
        set.change(ranks[5], true);
        set.change(ranks[4], true);
        assert_eq!(
            (0..5).map(|k| set.kth(k)).collect::<Vec<_>>(),
            vec![0.5, 3.0, 3.0, 5.0, 9.0]
        );
        assert_eq!(set.below(ranks[3] as usize), 3);
    }

    /// The slid window gives what the plain computation gives: the posts of the 90 days
    /// before, their ERRs' `Baseline::of` and their median reach.
    #[test]
    fn the_slid_window_equals_the_plain_computation() {
        use crate::metrics::stats::median;
        use crate::model::Field;
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut account = Account::default();
        for i in 0..600 {
            // Uneven days: bursts, gaps of weeks, equal values (MAD 0 windows).
            let day = start + chrono::Days::new(next(400) + if i > 500 { 200 } else { 0 });
            let mut p = Post::blank(&format!("p{i}"), &format!("{day}T10:00:00+00:00"));
            p.reach = Some(if next(4) == 0 {
                100.0
            } else {
                50.0 + next(900) as f64
            });
            p.likes = Field::Value(if next(3) == 0 { 5.0 } else { next(80) as f64 });
            account.posts.push(p);
        }
        account.sort_posts();
        let mut window = PostWindow::new(&account.posts, 90);
        let mut days: Vec<NaiveDate> = account.posts.iter().map(|p| p.date).collect();
        days.dedup();
        let mut judged = 0;
        for t in days {
            let earlier: Vec<&Post> = account
                .posts_between(t - chrono::Days::new(90), t.pred_opt().unwrap())
                .iter()
                .filter(|q| err(q).is_some())
                .collect();
            let got = window.baseline_before(t, 10.0);
            if earlier.len() < 10 {
                assert_eq!(got, None, "{t}");
                continue;
            }
            let errs: Vec<f64> = earlier.iter().filter_map(|q| err(q)).collect();
            let want = DayBaseline {
                err: Baseline::of(&errs).unwrap(),
                median_reach: median(earlier.iter().filter_map(|q| q.reach)).unwrap(),
                posts: errs.len(),
            };
            assert_eq!(got, Some(want), "{t}");
            judged += 1;
        }
        assert!(judged > 100, "{judged}");
    }
}
