//! A period of whole days, and its previous period (kpis.md, "Period and the inputs").

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use std::fmt;

/// A closed range of whole days `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// A range; `None` when `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Option<Period> {
        (start <= end).then_some(Period { start, end })
    }

    /// The calendar month of `year`/`month`, `None` for an invalid month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
        Some(Period { start, end })
    }

    /// The calendar month that contains `d`.
    pub fn month_of(d: NaiveDate) -> Period {
        Period::month(d.year(), d.month()).expect("the month of a valid date is valid")
    }

    /// Parse `YYYY-MM`.
    pub fn parse_month(s: &str) -> Option<Period> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        Period::month(y.parse().ok()?, m.parse().ok()?)
    }

    /// Number of calendar days, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// Whether the two periods share a day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// True when the range is exactly one calendar month.
    pub fn is_calendar_month(&self) -> bool {
        Period::month_of(self.start) == *self
    }

    /// The previous period: the previous calendar month for a calendar month, else the range of
    /// equal length that ends the day before `start`.
    pub fn previous(&self) -> Period {
        if self.is_calendar_month() {
            let prev_day = self.start.pred_opt().unwrap_or(self.start);
            return Period::month_of(prev_day);
        }
        let end = self.start.pred_opt().unwrap_or(self.start);
        let start = end
            .checked_sub_days(Days::new((self.days() - 1) as u64))
            .unwrap_or(NaiveDate::MIN);
        Period { start, end }
    }

    /// The next period of the same kind (next calendar month, or the next range of equal length).
    pub fn next(&self) -> Period {
        if self.is_calendar_month() {
            let next_day = self.end.succ_opt().unwrap_or(self.end);
            return Period::month_of(next_day);
        }
        let start = self.end.succ_opt().unwrap_or(self.end);
        let end = start
            .checked_add_days(Days::new((self.days() - 1) as u64))
            .unwrap_or(NaiveDate::MAX);
        Period { start, end }
    }

    /// `YYYY-MM` when the period is a calendar month.
    pub fn month_key(&self) -> Option<String> {
        self.is_calendar_month()
            .then(|| format!("{:04}-{:02}", self.start.year(), self.start.month()))
    }

    /// Each calendar month the period touches, with the number of its days inside the period.
    pub fn month_parts(&self) -> Vec<(Period, i64)> {
        let mut parts = Vec::new();
        let mut cursor = self.start;
        while cursor <= self.end {
            let month = Period::month_of(cursor);
            let part_end = month.end.min(self.end);
            parts.push((month, (part_end - cursor).num_days() + 1));
            match part_end.succ_opt() {
                Some(next) => cursor = next,
                None => break,
            }
        }
        parts
    }

    /// Every day of the period in order.
    pub fn iter_days(&self) -> impl Iterator<Item = NaiveDate> {
        let end = self.end;
        self.start.iter_days().take_while(move |d| *d <= end)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month_key() {
            Some(m) => write!(f, "{m}"),
            None => write!(f, "{} – {}", self.start, self.end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn previous_of_a_month_is_the_previous_month() {
        let p = Period::parse_month("2026-03").unwrap();
        assert_eq!(p.days(), 31);
        let prev = p.previous();
        assert_eq!((prev.start, prev.end), (d("2026-02-01"), d("2026-02-28")));
        let jan = Period::parse_month("2026-01").unwrap().previous();
        assert_eq!((jan.start, jan.end), (d("2025-12-01"), d("2025-12-31")));
    }

    #[test]
    fn previous_of_a_custom_range_has_equal_length() {
        let p = Period::new(d("2026-10-10"), d("2026-10-19")).unwrap();
        let prev = p.previous();
        assert_eq!((prev.start, prev.end), (d("2026-09-30"), d("2026-10-09")));
        assert_eq!(prev.days(), 10);
    }

    #[test]
    fn a_range_that_is_a_month_is_that_month() {
        let p = Period::new(d("2026-02-01"), d("2026-02-28")).unwrap();
        assert!(p.is_calendar_month());
        assert_eq!(p.previous().days(), 31);
    }

    #[test]
    fn month_parts_split_a_range() {
        let p = Period::new(d("2026-01-20"), d("2026-03-05")).unwrap();
        let parts: Vec<i64> = p.month_parts().iter().map(|(_, n)| *n).collect();
        assert_eq!(parts, vec![12, 28, 5]);
    }

    #[test]
    fn bad_months_are_refused() {
        assert!(Period::parse_month("2026-13").is_none());
        assert!(Period::parse_month("2026-1").is_none());
        assert!(Period::parse_month("x").is_none());
    }
}
