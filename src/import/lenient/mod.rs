//! Reading the cells of platform exports as people download them: null tokens, numbers with
//! thousand separators, decimal commas and `%` (decided per column, never a silent 0), and the
//! date formats of every platform (export-formats.md, section 9).

mod numbers;

pub use numbers::{
    decide, duration_seconds, in_percent, is_null, number, seconds, trim, Evidence, NumberStyle,
};

use chrono::{Datelike, NaiveDate, NaiveDateTime};

const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%b %d, %Y %I:%M %p",
    "%B %d, %Y %I:%M %p",
];

const DATE_FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%a, %b %d, %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
    // X's content export of early 2025: `Mon Feb 17 2025`.
    "%a %b %d %Y",
];

/// A date and time in any of the platforms' formats, without a zone (wall time). A stamp with
/// an offset (`2019-01-31 18:00 +0000`) is returned as UTC wall time with `true`.
pub fn datetime(cell: &str) -> Option<(NaiveDateTime, bool)> {
    let s = cell.trim();
    if let Some(rest) = s.strip_suffix(" +0000").or_else(|| s.strip_suffix(" UTC")) {
        return datetime(rest).map(|(d, _)| (d, true));
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some((d.naive_utc(), true));
    }
    DATETIME_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(|d| (d, false))
        .or_else(|| {
            date(s)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| (d, false))
        })
}

/// A date in any of the platforms' formats (a date and time gives its date).
pub fn date(cell: &str) -> Option<NaiveDate> {
    let s = cell.trim();
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    DATE_FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .or_else(|| {
            let head = s.split(['T', ' ']).next().unwrap_or("");
            (head.len() == 10 && head != s)
                .then(|| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
                .flatten()
        })
        .or_else(|| {
            DATETIME_FORMATS
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
                .map(|d| d.date())
        })
}

/// The order of day and month in a column of `a/b/yyyy` dates. It is decided from every
/// cell of the column, never row by row (a day-first file read row by row would put
/// 03/10/2024 in March and 13/10/2024 in October).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMonth {
    /// Some second number is above 12 (`10/31/2024`), none of the first.
    MonthFirst,
    /// Some first number is above 12 (`31/10/2024`), none of the second.
    DayFirst,
    /// No slash date, or none with a number above 12: read month first, the order of the
    /// US-made exports.
    Unknown,
    /// Both orders appear: the column cannot be read safely.
    Mixed,
}

/// Decide the order of day and month from a column's cells (see `DayMonth`).
pub fn day_month<'a>(cells: impl Iterator<Item = &'a str>) -> DayMonth {
    let (mut day_first, mut month_first) = (false, false);
    for c in cells {
        let mut parts = c.trim().splitn(3, '/');
        let (Some(a), Some(b), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let n = |s: &str| s.trim().parse::<u32>().ok();
        match (n(a), n(b)) {
            (Some(a), Some(b)) if a > 12 && a <= 31 && b <= 12 => day_first = true,
            (Some(a), Some(b)) if b > 12 && b <= 31 && a <= 12 => month_first = true,
            _ => {}
        }
    }
    match (day_first, month_first) {
        (true, true) => DayMonth::Mixed,
        (true, false) => DayMonth::DayFirst,
        (false, true) => DayMonth::MonthFirst,
        (false, false) => DayMonth::Unknown,
    }
}

/// `datetime` with slash dates read in `order` (day first when the column says so), and an
/// Excel serial date (a number between 20,000 and 80,000) read as one.
pub fn datetime_in(cell: &str, order: DayMonth) -> Option<(NaiveDateTime, bool)> {
    let s = cell.trim();
    if order == DayMonth::DayFirst && s.contains('/') {
        const DAY_FIRST: &[&str] = &[
            "%d/%m/%Y %H:%M",
            "%d/%m/%Y %H:%M:%S",
            "%d/%m/%Y %I:%M:%S %p",
            "%d/%m/%Y %I:%M %p",
        ];
        return DAY_FIRST
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
            .or_else(|| {
                NaiveDate::parse_from_str(s, "%d/%m/%Y")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
            .map(|d| (d, false));
    }
    datetime(s).or_else(|| excel_serial(s).map(|d| (d, false)))
}

/// The date of `datetime_in`.
pub fn date_in(cell: &str, order: DayMonth) -> Option<NaiveDate> {
    if order == DayMonth::DayFirst && cell.contains('/') {
        return datetime_in(cell, order).map(|(d, _)| d.date());
    }
    date(cell).or_else(|| excel_serial(cell.trim()).map(|d| d.date()))
}

/// A date that Excel wrote as its serial number (days since 1899-12-30 in the 1900 date
/// system, Excel's default on Windows and on the Mac since 2011; a fraction is the time of
/// day). Only numbers from 20,000 to 80,000 (1954 to 2119) are taken for dates.
pub fn excel_serial(cell: &str) -> Option<NaiveDateTime> {
    serial_date(cell.parse().ok()?)
}

/// The date and time an Excel serial number stands for (see `excel_serial`), in one place for
/// text cells and workbook cells alike.
pub fn serial_date(v: f64) -> Option<NaiveDateTime> {
    if !(20_000.0..=80_000.0).contains(&v) {
        return None;
    }
    let days = v.floor();
    let seconds = ((v - days) * 86_400.0).round() as i64;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
    epoch
        .checked_add_signed(chrono::Duration::days(days as i64))?
        .checked_add_signed(chrono::Duration::seconds(seconds))
}

/// Give year-less days their years: the last day is the latest date on or before `export_date`
/// with its month and day, and walking back, a day whose month-day is later than the one after
/// it belongs to the previous year.
pub fn resolve_years(days: &[(u32, u32)], export_date: NaiveDate) -> Vec<Option<NaiveDate>> {
    let mut out = vec![None; days.len()];
    let Some(last) = days.len().checked_sub(1) else {
        return out;
    };
    let mut year = export_date.year();
    let at = |y: i32, (m, d): (u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    // The latest occurrence on or before the export date (Feb 29 may need a leap year).
    let mut y = year;
    while y > year - 8 {
        if let Some(d) = at(y, days[last]).filter(|d| *d <= export_date) {
            year = y;
            out[last] = Some(d);
            break;
        }
        y -= 1;
    }
    if out[last].is_none() {
        return out;
    }
    for i in (0..last).rev() {
        if days[i] > days[i + 1] {
            year -= 1;
        }
        out[i] = at(year, days[i]).or_else(|| at(year - 1, days[i]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_of_every_platform() {
        assert_eq!(date("2026-10-01"), Some(d("2026-10-01")));
        assert_eq!(date("20231010"), Some(d("2023-10-10")));
        assert_eq!(date("2025/03/04"), Some(d("2025-03-04")));
        assert_eq!(date("Sun, Aug 24, 2025"), Some(d("2025-08-24")));
        assert_eq!(date("Sep 27, 2024"), Some(d("2024-09-27")));
        assert_eq!(date("03/18/2025"), Some(d("2025-03-18")));
        assert_eq!(date("2025-01-01T01:00:00"), Some(d("2025-01-01")));
        assert_eq!(date("01.10.2026"), Some(d("2026-10-01")));
        assert_eq!(date("nonsense"), None);
        let (dt, utc) = datetime("2019-01-31 18:25 +0000").unwrap();
        assert!(utc);
        assert_eq!(dt.to_string(), "2019-01-31 18:25:00");
        let (dt, utc) = datetime("03/18/2025 09:05").unwrap();
        assert!(!utc);
        assert_eq!(dt.to_string(), "2025-03-18 09:05:00");
        assert_eq!(
            datetime("1/5/2015 3:04:05 PM").unwrap().0.to_string(),
            "2015-01-05 15:04:05"
        );
        assert_eq!(duration_seconds("0:01:35"), Some(95.0));
    }

    #[test]
    fn day_and_month_order_is_decided_per_column() {
        let order = |cells: &[&str]| day_month(cells.iter().copied());
        assert_eq!(order(&["03/10/2024", "13/10/2024"]), DayMonth::DayFirst);
        assert_eq!(order(&["03/10/2024", "10/31/2024"]), DayMonth::MonthFirst);
        assert_eq!(order(&["03/10/2024", "04/10/2024"]), DayMonth::Unknown);
        assert_eq!(order(&["13/10/2024", "10/31/2024"]), DayMonth::Mixed);
        // The same cell reads differently by its column, never by itself.
        assert_eq!(
            date_in("03/10/2024", DayMonth::DayFirst),
            Some(d("2024-10-03"))
        );
        assert_eq!(
            date_in("03/10/2024", DayMonth::Unknown),
            Some(d("2024-03-10"))
        );
        assert_eq!(date_in("13/10/2024", DayMonth::MonthFirst), None);
        assert_eq!(
            datetime_in("13/10/2024 18:05", DayMonth::DayFirst).map(|(t, _)| t.to_string()),
            Some("2024-10-13 18:05:00".to_string())
        );
        assert_eq!(
            date_in("10.03.2024", DayMonth::Unknown),
            Some(d("2024-03-10"))
        );
    }

    #[test]
    fn excel_serial_dates() {
        assert_eq!(date_in("45361", DayMonth::Unknown), Some(d("2024-03-10")));
        assert_eq!(
            excel_serial("45361.75").map(|t| t.to_string()),
            Some("2024-03-10 18:00:00".to_string())
        );
        assert_eq!(excel_serial("1500"), None);
        assert_eq!(excel_serial("123456"), None);
        assert_eq!(excel_serial("NaN"), None);
        assert_eq!(excel_serial("inf"), None);
    }

    #[test]
    fn days_without_a_year_walk_back_across_new_year() {
        let days = [(12, 30), (12, 31), (1, 1), (1, 2)];
        let r = resolve_years(&days, d("2026-01-05"));
        assert_eq!(
            r,
            vec![
                Some(d("2025-12-30")),
                Some(d("2025-12-31")),
                Some(d("2026-01-01")),
                Some(d("2026-01-02"))
            ]
        );
        // The last day is after the export date's month-day: it is last year's.
        let r = resolve_years(&[(12, 1)], d("2026-01-05"));
        assert_eq!(r, vec![Some(d("2025-12-01"))]);
    }
}
