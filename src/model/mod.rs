//! The account model: what the importers fill and the metrics read.
//!
//! Pure data: no I/O, no terminal. Dates are account-local calendar days; timestamps are kept
//! with their UTC offset already converted to the account's time zone.

mod config;
mod period;
mod rows;

pub use config::{
    AccountInfo, AuditConfig, BenchmarkRow, Claim, Contract, Direction, Event, EventKind, Mapping,
    Plan, Portrait,
};
pub use period::Period;
pub use rows::{
    AudienceRow, DailyRow, Field, Follower, Message, Post, PostType, Segment, SpendRow, TrafficRow,
};

use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Which kinds of input the account has at all (a file was loaded for it).
///
/// A count such as `posts` is 0 when its file exists and nothing falls in a period, and
/// "no value" when the account has no such file; this is what tells the two apart.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presence {
    pub daily: bool,
    pub posts: bool,
    pub audience: bool,
    pub traffic: bool,
    pub spend: bool,
    pub messages: bool,
    pub follower_list: bool,
}

/// One account: every series merged from every file of the folder, plus its `audit.toml`.
#[derive(Debug, Clone, Default)]
pub struct Account {
    pub config: AuditConfig,
    /// End-of-day rows keyed by date (one row a day after merging).
    pub daily: BTreeMap<NaiveDate, DailyRow>,
    /// Posts sorted by account-local date, then publication time, then id (see `sort_posts`).
    pub posts: Vec<Post>,
    pub audience: Vec<AudienceRow>,
    pub traffic: Vec<TrafficRow>,
    pub spend: Vec<SpendRow>,
    pub messages: Vec<Message>,
    /// Followers with the time they followed, where a follower list was loaded.
    pub follower_list: Vec<Follower>,
    pub presence: Presence,
}

impl Account {
    /// The follower count at the end of day `d`: that day's row, else the nearest earlier day
    /// with a row, else the first row after it (kpis.md, "Period and the inputs").
    pub fn followers_at(&self, d: NaiveDate) -> Option<f64> {
        self.daily
            .range(..=d)
            .rev()
            .find_map(|(_, row)| row.followers)
            .or_else(|| self.daily.range(d..).find_map(|(_, row)| row.followers))
    }

    /// The follower count of exactly day `d`, if that day has a row.
    pub fn followers_on(&self, d: NaiveDate) -> Option<f64> {
        self.daily.get(&d).and_then(|r| r.followers)
    }

    /// Whether a day of the period has a follower count.
    pub fn has_followers_in(&self, p: &Period) -> bool {
        self.days_in(p).any(|r| r.followers.is_some())
    }

    /// First and last day with a daily row.
    pub fn daily_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.daily.keys().next()?;
        let last = self.daily.keys().next_back()?;
        Some((*first, *last))
    }

    /// The posts published in a period (by their account-local date).
    pub fn posts_in(&self, p: &Period) -> impl Iterator<Item = &Post> + '_ {
        self.posts_between(p.start, p.end).iter()
    }

    /// The posts published from `from` to `to` (account-local dates, both included): a slice
    /// of the posts, which are kept sorted by date (then time, then id).
    pub fn posts_between(&self, from: NaiveDate, to: NaiveDate) -> &[Post] {
        let a = self.posts.partition_point(|p| p.date < from);
        let b = self.posts.partition_point(|p| p.date <= to).max(a);
        &self.posts[a..b]
    }

    /// The site-traffic rows dated from `from` to `to` (kept sorted by date).
    pub fn traffic_between(&self, from: NaiveDate, to: NaiveDate) -> &[TrafficRow] {
        dated(&self.traffic, from, to, |r| r.date)
    }

    /// The ad-spend rows dated from `from` to `to` (kept sorted by date).
    pub fn spend_between(&self, from: NaiveDate, to: NaiveDate) -> &[SpendRow] {
        dated(&self.spend, from, to, |r| r.date)
    }

    /// The messages received from `from` to `to` (kept sorted by date, then time).
    pub fn messages_between(&self, from: NaiveDate, to: NaiveDate) -> &[Message] {
        dated(&self.messages, from, to, |m| m.date)
    }

    /// Restore the order that `posts_between` and the other period lookups rely on, after rows
    /// were added by hand: posts by date, time and id; traffic, spend and messages by date
    /// (a stable sort, so rows of one day keep their order).
    pub fn sort_posts(&mut self) {
        use rayon::slice::ParallelSliceMut;
        self.traffic.sort_by_key(|r| r.date);
        self.spend.sort_by_key(|r| r.date);
        self.messages.sort_by_key(|m| m.date);
        // Indices sorted by a compact key, then the posts moved into place: 100,000 posts of a
        // few hundred bytes each are slow to shuffle and their time stamps slow to compare.
        let posts = &self.posts;
        let mut keys: Vec<(NaiveDate, i64, u32, u32)> = posts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let at = p.published_at;
                (
                    p.date,
                    at.timestamp(),
                    at.timestamp_subsec_nanos(),
                    i as u32,
                )
            })
            .collect();
        let order = |a: &(NaiveDate, i64, u32, u32), b: &(NaiveDate, i64, u32, u32)| {
            (a.0, a.1, a.2)
                .cmp(&(b.0, b.1, b.2))
                .then_with(|| posts[a.3 as usize].id.cmp(&posts[b.3 as usize].id))
                .then(a.3.cmp(&b.3))
        };
        // Exports are mostly written in time order already: one look then spares the sort.
        if !keys.is_sorted_by(|a, b| order(a, b).is_le()) {
            keys.par_sort_unstable_by(order);
        }
        // Position j takes the post now at `from[j]`: each cycle of the permutation is walked
        // once with swaps, so no second vector of posts is needed.
        let mut from: Vec<u32> = keys.iter().map(|k| k.3).collect();
        for i in 0..from.len() {
            let mut j = i;
            loop {
                let src = from[j] as usize;
                from[j] = j as u32;
                if src == i {
                    break;
                }
                self.posts.swap(j, src);
                j = src;
            }
        }
    }

    /// The daily rows of a period.
    pub fn days_in(&self, p: &Period) -> impl Iterator<Item = &DailyRow> + '_ {
        self.daily.range(p.start..=p.end).map(|(_, r)| r)
    }

    /// Display name: the configured name, else "Unnamed account".
    pub fn name(&self) -> &str {
        self.config
            .account
            .name
            .as_deref()
            .unwrap_or("Unnamed account")
    }
}

/// The rows of a date-sorted slice from `from` to `to`.
fn dated<T>(rows: &[T], from: NaiveDate, to: NaiveDate, date: impl Fn(&T) -> NaiveDate) -> &[T] {
    let a = rows.partition_point(|r| date(r) < from);
    let b = rows.partition_point(|r| date(r) <= to).max(a);
    &rows[a..b]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_sort_by_date_time_then_id_whatever_the_order_read() {
        let stamps = [
            ("e", "2026-10-02T09:00:00+02:00"),
            ("b", "2026-10-01T10:00:00+02:00"),
            ("d", "2026-10-01T10:00:00.5+02:00"),
            ("a", "2026-10-01T08:00:00+00:00"),
            ("c", "2026-10-01T10:00:00+02:00"),
        ];
        // Every rotation of the input gives the same order.
        for shift in 0..stamps.len() {
            let mut account = Account {
                posts: stamps
                    .iter()
                    .cycle()
                    .skip(shift)
                    .take(stamps.len())
                    .map(|(id, at)| Post::blank(id, at))
                    .collect(),
                ..Account::default()
            };
            account.sort_posts();
            let ids: Vec<&str> = account.posts.iter().map(|p| p.id.as_str()).collect();
            // `a` is the same instant as `b` and `c` (08:00 UTC): the id decides.
            assert_eq!(ids, vec!["a", "b", "c", "d", "e"], "shift {shift}");
        }
    }
}
