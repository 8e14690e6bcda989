//! Dates as the platforms' exports write them (`03/18/2025 12:59`, day first where the column
//! says so, two-digit years), dated rows and publication times in the account's zone.

use crate::import::cells;
use crate::import::lenient;
use crate::import::platform::cells::{quoted, Col};
use crate::import::platform::Ctx;
use crate::import::stamps;
use crate::import::table::Row;
use crate::import::vocab;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

/// The rows with a day in the `date` column (`M/D/Y`, or `D/M/Y` where the column says so), in
/// file order: a totals row is dropped, a row whose cell is not a date skipped with a warning.
pub fn dated<'r>(rows: &[&'r Row], date: &Col, ctx: &mut Ctx) -> Vec<(&'r Row, NaiveDate)> {
    let day_first = day_first(rows.iter().map(|r| date.raw(r)));
    let mut out = Vec::new();
    for row in rows {
        let cell = date.raw(row);
        if vocab::is_total(cell) {
            continue;
        }
        match self::date(cell, day_first) {
            Some(d) => out.push((*row, d)),
            None => {
                let shown = cells::shorten(cell.trim());
                ctx.warn(
                    Some(row.line),
                    format!("row skipped: `{shown}` is not a date"),
                );
            }
        }
    }
    out
}

/// Whether a column of `M/D/Y` or `D/M/Y` dates writes the day first (some first number above
/// 12, none of the second numbers above 12): an Excel re-save in a day-first locale.
pub fn day_first<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    lenient::day_month(cells) == lenient::DayMonth::DayFirst
}

/// A stamp as Meta and Facebook write it (`03/18/2025 12:59`, `02/19/2015 11:45:22 PM`, ISO),
/// with a two-digit year read as 20xx; `true` when it is UTC.
pub fn datetime(cell: &str, day_first: bool) -> Option<(NaiveDateTime, bool)> {
    let s = cell.trim();
    let order = if day_first {
        lenient::DayMonth::DayFirst
    } else {
        lenient::DayMonth::Unknown
    };
    let parsed = lenient::datetime_in(s, order);
    parsed.map(|(d, utc)| (two_digit_year(d), utc))
}

/// A date (the date part of a stamp), with a two-digit year read as 20xx.
pub fn date(cell: &str, day_first: bool) -> Option<NaiveDate> {
    if day_first || cell.contains('/') {
        return datetime(cell, day_first).map(|(d, _)| d.date());
    }
    lenient::date(cell).map(|d| two_digit_year(d.and_hms_opt(0, 0, 0).unwrap_or_default()).date())
}

fn two_digit_year(d: NaiveDateTime) -> NaiveDateTime {
    if d.year() < 100 {
        d.with_year(d.year() + 2000).unwrap_or(d)
    } else {
        d
    }
}

/// The publication time of a `column` cell (see `datetime`; a UTC stamp converted, wall time kept, as everywhere: `stamps::from_either`); the error names
/// the column.
pub fn published_cell(
    cell: &str,
    column: &str,
    day_first: bool,
    tz: Tz,
) -> Result<(DateTime<FixedOffset>, NaiveDate), String> {
    let (naive, utc) = datetime(cell, day_first).ok_or_else(|| {
        format!(
            "`{column}` `{}` is not a date and time",
            cells::shorten(cell)
        )
    })?;
    Ok(stamps::from_either(naive, utc, tz))
}

/// Capitalise words again in a name that reached us lower-cased (header names are
/// normalised): `tyresö, stockholm county, sweden` → `Tyresö, Stockholm County, Sweden`.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !(c.is_alphanumeric() || c == '\'');
    }
    out
}

/// Names for a message, each shortened and in backticks: `` `a`, `b` ``.
pub fn list(names: &[String]) -> String {
    quoted(names.iter().map(|n| cells::shorten(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(
            title_case("tyresö, stockholm county, sweden"),
            "Tyresö, Stockholm County, Sweden"
        );
        assert!(day_first(
            ["18/03/2025 12:59", "01/04/2025 10:00"].into_iter()
        ));
        assert!(!day_first(["03/18/2025 12:59"].into_iter()));
        let (d, _) = datetime("18/03/2025 12:59", true).unwrap();
        assert_eq!(d.to_string(), "2025-03-18 12:59:00");
        assert_eq!(date("8/24/14", false), "2014-08-24".parse().ok());
        assert_eq!(
            date("2025-01-01T01:00:00", false),
            "2025-01-01".parse().ok()
        );
    }
}
