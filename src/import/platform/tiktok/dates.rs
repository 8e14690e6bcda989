//! TikTok's dates: localised days without a year (`February 28`, `28 февраля`, `18 tháng Sáu`,
//! `15 Ιανουαρίου`, `8 Juli`), resolved against the export date walking back across new year,
//! and the 2025+ `YYYY/MM/DD` with a year (export-formats.md, section 4).

use crate::import::lenient;
use crate::import::vocab::months;
use chrono::{Datelike, NaiveDate};

/// A day as a cell gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Day {
    Full(NaiveDate),
    /// (month, day) without a year.
    Partial(u32, u32),
}

/// A cell's day: with a year when it has one, else month and day.
pub fn parse(cell: &str) -> Option<Day> {
    if let Some(d) = lenient::date(cell) {
        return Some(Day::Full(d));
    }
    months::month_day(cell).map(|(m, d)| Day::Partial(m, d))
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
