//! TikTok's dates: localised days without a year (`February 28`, `28 февраля`, `18 tháng Sáu`,
//! `15 Ιανουαρίου`, `8 Juli`), resolved against the export date walking back across new year,
//! and the 2025+ `YYYY/MM/DD` with a year (export-formats.md, section 4).

use crate::import::lenient;
use chrono::{Datelike, NaiveDate};

/// A day as a cell gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Day {
    Full(NaiveDate),
    /// (month, day) without a year.
    Partial(u32, u32),
}

/// Month names the shared table does not hold: Indonesian and Dutch, Greek (genitive and
/// nominative).
const MONTHS: &[(&str, u32)] = &[
    ("januari", 1),
    ("februari", 2),
    ("maret", 3),
    ("maart", 3),
    ("mei", 5),
    ("agustus", 8),
    ("augustus", 8),
    ("desember", 12),
    ("ιανουαρίου", 1),
    ("φεβρουαρίου", 2),
    ("μαρτίου", 3),
    ("απριλίου", 4),
    ("μαΐου", 5),
    ("ιουνίου", 6),
    ("ιουλίου", 7),
    ("αυγούστου", 8),
    ("σεπτεμβρίου", 9),
    ("οκτωβρίου", 10),
    ("νοεμβρίου", 11),
    ("δεκεμβρίου", 12),
    ("ιανουάριος", 1),
    ("φεβρουάριος", 2),
    ("μάρτιος", 3),
    ("απρίλιος", 4),
    ("μάιος", 5),
    ("ιούνιος", 6),
    ("ιούλιος", 7),
    ("αύγουστος", 8),
    ("σεπτέμβριος", 9),
    ("οκτώβριος", 10),
    ("νοέμβριος", 11),
    ("δεκέμβριος", 12),
];

/// Vietnamese month words after `tháng` (`18 tháng Sáu`); `tháng 6` is numeric.
const VI_MONTHS: &[(&str, u32)] = &[
    ("một", 1),
    ("giêng", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("bốn", 4),
    ("năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
    ("mười", 10),
    ("mười một", 11),
    ("mười hai", 12),
    ("chạp", 12),
];

fn day_number(w: &str) -> Option<u32> {
    w.trim_end_matches('.')
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
}

fn extra_month_day(cell: &str) -> Option<(u32, u32)> {
    let lower = cell.trim().to_lowercase();
    if let Some((before, after)) = lower
        .split_once("tháng")
        .or_else(|| lower.split_once("thg"))
    {
        let day = day_number(before.trim().trim_end_matches(','))?;
        let after = after.trim().trim_end_matches(',');
        let month = after
            .parse::<u32>()
            .ok()
            .or_else(|| VI_MONTHS.iter().find(|(n, _)| *n == after).map(|(_, m)| *m))
            .filter(|m| (1..=12).contains(m))?;
        return Some((month, day));
    }
    let words: Vec<&str> = lower.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .find(|(n, _)| *n == w.trim_end_matches('.'))
            .map(|(_, m)| *m)
    };
    match words.as_slice() {
        [a, b] => match (day_number(a), month(b)) {
            (Some(d), Some(m)) => Some((m, d)),
            _ => Some((month(a)?, day_number(b)?)),
        },
        _ => None,
    }
}

/// A cell's day: with a year when it has one, else month and day.
pub fn parse(cell: &str) -> Option<Day> {
    if let Some(d) = lenient::date(cell) {
        return Some(Day::Full(d));
    }
    lenient::month_day(cell)
        .or_else(|| extra_month_day(cell))
        .map(|(m, d)| Day::Partial(m, d))
}

/// The dates of a column's cells in file order: year-less days get the years that make them
/// a run ending on or before `export_date` (the run may be newest first or newest last).
pub fn resolve(days: &[Option<Day>], export_date: NaiveDate) -> Vec<Option<NaiveDate>> {
    let mut out: Vec<Option<NaiveDate>> = days
        .iter()
        .map(|d| match d {
            Some(Day::Full(d)) => Some(*d),
            _ => None,
        })
        .collect();
    let partial: Vec<(usize, (u32, u32))> = days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match d {
            Some(Day::Partial(m, d)) => Some((i, (*m, *d))),
            _ => None,
        })
        .collect();
    let mut md: Vec<(u32, u32)> = partial.iter().map(|(_, md)| *md).collect();
    // Newest first when most steps go a short way back (Jan 1 → Dec 31 is a step forward).
    let doy =
        |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2000, m, d).map_or(0, |x| x.ordinal() as i32);
    let back = md
        .windows(2)
        .filter(|w| (doy(w[1]) - doy(w[0])).rem_euclid(366) > 183)
        .count();
    let newest_first = back * 2 > md.len().saturating_sub(1);
    if newest_first {
        md.reverse();
    }
    let mut resolved = lenient::resolve_years(&md, export_date);
    if newest_first {
        resolved.reverse();
    }
    for ((i, _), d) in partial.iter().zip(resolved) {
        out[*i] = d;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localised_days() {
        assert_eq!(parse("February 28"), Some(Day::Partial(2, 28)));
        assert_eq!(parse("18 tháng Sáu"), Some(Day::Partial(6, 18)));
        assert_eq!(parse("3 tháng 11"), Some(Day::Partial(11, 3)));
        assert_eq!(parse("1 tháng Mười Hai"), Some(Day::Partial(12, 1)));
        assert_eq!(parse("15 Ιανουαρίου"), Some(Day::Partial(1, 15)));
        assert_eq!(parse("8 Juli"), Some(Day::Partial(7, 8)));
        assert_eq!(parse("17 Agustus"), Some(Day::Partial(8, 17)));
        assert_eq!(
            parse("2025/03/04"),
            Some(Day::Full("2025-03-04".parse().unwrap()))
        );
        assert_eq!(parse("undefined"), None);
    }

    #[test]
    fn newest_first_runs_walk_back_too() {
        let d = |s: &str| Some(s.parse::<NaiveDate>().unwrap());
        let days = [
            Some(Day::Partial(1, 2)),
            Some(Day::Partial(1, 1)),
            None,
            Some(Day::Partial(12, 31)),
        ];
        let r = resolve(&days, "2026-01-03".parse().unwrap());
        assert_eq!(
            r,
            vec![d("2026-01-02"), d("2026-01-01"), None, d("2025-12-31")]
        );
    }
}
