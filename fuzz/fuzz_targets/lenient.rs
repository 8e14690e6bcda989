//! The cell readers every importer leans on: numbers with thousand separators and decimal
//! commas, the platforms' date and date-time formats, and TikTok's year-less `February 28`.
//!
//! Input: the first byte picks the file's delimiter (`,`, `;` or tab, which `decide` weighs),
//! the rest is UTF-8 text whose lines are the cells of one column.
//!
//! Checks: `import::lenient::{decide, number, date, datetime, month_day}` (and
//! `duration_seconds`, `is_null`, `resolve_years`, `day_month`, `date_in`, `datetime_in`,
//! `excel_serial`) never panic; an Excel serial date falls in 1954..=2119; `number` gives only finite
//! numbers and `None` only for null cells; `month_day` gives a month in 1..=12 and a day in
//! 1..=31; `resolve_years` gives one answer per day, none after the export date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_audit::import::lenient::{self, NumberStyle};
use smm_audit::import::vocab::months;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let delimiter = [b',', b';', b'\t'][usize::from(pick) % 3];
    let cells: Vec<&str> = text.split('\n').collect();
    let decided = lenient::decide(cells.iter().copied(), delimiter);
    let order = lenient::day_month(cells.iter().copied());
    let mut days = Vec::new();
    for &cell in cells.iter().chain(std::iter::once(&text)) {
        for style in [
            decided,
            NumberStyle::default(),
            decided.for_counts(),
            NumberStyle {
                decimal_comma: true,
                dot_groups: false,
            },
        ] {
            match lenient::number(cell, style) {
                Ok(Some(v)) => assert!(v.is_finite(), "{cell:?} read as {v}"),
                Ok(None) => assert!(lenient::is_null(cell), "{cell:?} read as no value"),
                Err(e) => assert!(!e.is_empty()),
            }
        }
        let _ = lenient::date(cell);
        let _ = lenient::datetime(cell);
        for o in [order, lenient::DayMonth::DayFirst, lenient::DayMonth::Mixed] {
            let _ = lenient::date_in(cell, o);
            let _ = lenient::datetime_in(cell, o);
        }
        if let Some(t) = lenient::excel_serial(cell.trim()) {
            let year = chrono::Datelike::year(&t);
            assert!((1954..=2119).contains(&year), "{cell:?} read as {t}");
        }
        if let Some((m, day)) = months::month_day(cell) {
            assert!((1..=12).contains(&m) && (1..=31).contains(&day), "{cell:?}");
            days.push((m, day));
        }
        let _ = lenient::duration_seconds(cell);
    }
    let export = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let resolved = lenient::resolve_years(&days, export);
    assert_eq!(resolved.len(), days.len());
    for d in resolved.iter().flatten() {
        assert!(*d <= export, "{days:?} resolved to {resolved:?}");
    }
});
