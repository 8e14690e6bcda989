//! Cell helpers shared by the X, TikTok and YouTube importers: number columns whose style
//! (decimal comma or not) is decided once per column, totals rows, ids and times.

use crate::import::cells;
use crate::import::lenient::{self, NumberStyle};
use crate::import::platform::Ctx;
use crate::import::table::{Row, Table};
use crate::import::ImportError;
use crate::model::Field;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The text of a cell (`""` when the column is absent or the row is short: a ragged row's
/// missing cells are "no value").
pub fn cell(row: &Row, idx: Option<usize>) -> &str {
    idx.and_then(|i| row.cells.get(i))
        .map_or("", |s| s.as_str())
}

/// A number column found by any of its names, its number style decided from all its cells.
pub struct NumCol {
    idx: Option<usize>,
    name: String,
    style: NumberStyle,
}

impl NumCol {
    pub fn new(table: &Table, names: &[&str]) -> NumCol {
        let idx = table.column_any(names);
        let style = idx.map_or_else(NumberStyle::default, |i| {
            lenient::decide(table.rows.iter().map(|r| cell(r, Some(i))), table.delimiter)
        });
        let name = idx.map(|i| table.headers[i].clone()).unwrap_or_default();
        NumCol { idx, name, style }
    }

    pub fn given(&self) -> bool {
        self.idx.is_some()
    }

    /// The cell's number; `None` for a null token, an empty cell or an absent column.
    pub fn get(&self, row: &Row) -> Result<Option<f64>, String> {
        if self.idx.is_none() {
            return Ok(None);
        }
        lenient::number(cell(row, self.idx), self.style)
            .map_err(|e| format!("column `{}`: {e}", self.name))
    }

    /// A count, which cannot be negative.
    pub fn count(&self, row: &Row) -> Result<Option<f64>, String> {
        match self.get(row)? {
            Some(v) if v < 0.0 => Err(format!("column `{}`: `{v}` is negative", self.name)),
            v => Ok(v),
        }
    }

    pub fn field(&self, row: &Row) -> Result<Field, String> {
        Ok(Field::from_option(self.given(), self.count(row)?))
    }
}

/// A totals row's label (dropped silently).
pub fn is_total(first: &str) -> bool {
    matches!(
        first.trim().to_lowercase().as_str(),
        "total"
            | "totals"
            | "итого"
            | "итого и средние"
            | "итоговое значение"
            | "всего"
            | "gesamt"
    )
}

/// Read every row with `f`: `Ok(None)` drops a row silently (a totals or placeholder row),
/// `Err` skips it with one warning naming the line. A file with rows of which none could be
/// read is an error naming the first reason.
pub fn each<T>(
    table: &Table,
    ctx: &mut Ctx,
    mut f: impl FnMut(&Row, &mut Ctx) -> Result<Option<T>, String>,
) -> Result<Vec<(u64, T)>, ImportError> {
    let mut out = Vec::new();
    let mut first_error = None;
    for row in &table.rows {
        match f(row, ctx) {
            Ok(Some(v)) => out.push((row.line, v)),
            Ok(None) => {}
            Err(why) => {
                ctx.warn(Some(row.line), format!("row skipped: {why}"));
                first_error.get_or_insert((row.line, why));
            }
        }
    }
    match first_error {
        Some((line, why)) if out.is_empty() => {
            Err(ctx.error(format!("no row could be read (line {line}: {why})")))
        }
        _ => Ok(out),
    }
}

/// An instant given in UTC, in the account's zone, with its local date.
pub fn from_utc(naive: NaiveDateTime, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    let local = Utc.from_utc_datetime(&naive).with_timezone(&tz);
    (local.fixed_offset(), local.date_naive())
}

/// Wall time in the account's zone, with its date.
pub fn from_wall(naive: NaiveDateTime, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    (cells::wall_time(naive, tz), naive.date())
}

/// The time a post's id encodes (UTC), used when it falls within a day of the date the
/// export shows (a date-only export gets its time of day from the id); else midnight of
/// that date, wall time.
pub fn day_with_id_time(
    date: NaiveDate,
    id_time: Option<NaiveDateTime>,
    tz: Tz,
) -> (DateTime<FixedOffset>, NaiveDate) {
    if let Some(at) = id_time.map(|t| from_utc(t, tz)) {
        if (at.1 - date).num_days().abs() <= 1 {
            return at;
        }
    }
    from_wall(date.and_hms_opt(0, 0, 0).unwrap_or_default(), tz)
}

/// The last path part of a link when it is all digits (`…/status/123`, `…/video/123?x=1`).
pub fn numeric_tail(link: &str) -> Option<String> {
    let path = link.trim().split(['?', '#']).next()?.trim_end_matches('/');
    let tail = path.rsplit('/').next()?;
    (!tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit())).then(|| tail.to_string())
}

/// An id kept as text: all digits (an Excel text guard `'` dropped), else `None` (an id that
/// Excel turned into `1.09112E+18` is lost and must come from the link).
pub fn digits(id: &str) -> Option<String> {
    let id = id.trim().trim_start_matches('\'');
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_string())
}

/// Seconds since the epoch as a UTC time.
pub fn epoch(secs: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(secs, 0).map(|d| d.naive_utc())
}
