//! The cells of one row read through its file's columns (`Cells`), by canonical column name:
//! numbers in the column's style, dates in its order of day and month, stamps in the account's
//! zone.

use super::columns::{without_currency, Columns, Dialect, Skip};
use crate::import::cells as strict;
use crate::import::lenient::{self, DayMonth};
use crate::import::records::Record;
use crate::import::stamps;
use crate::import::table::Row;
use crate::model::Field;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

/// A row's fields by position: a record read row by row, or a row kept in a table.
pub trait Fields {
    fn field(&self, i: usize) -> Option<&str>;
    fn width(&self) -> usize;
}

impl Fields for Record<'_> {
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
    fn width(&self) -> usize {
        self.len()
    }
}

impl Fields for Row {
    fn field(&self, i: usize) -> Option<&str> {
        self.cells.get(i)
    }
    fn width(&self) -> usize {
        self.cells.len()
    }
}

/// The cells of one row, by canonical column name.
pub struct Cells<'a, R: Fields> {
    pub cols: &'a Columns,
    pub row: &'a R,
    pub line: u64,
}

impl<R: Fields> Cells<'_, R> {
    pub fn raw(&self, name: &'static str) -> &str {
        self.cols
            .get(name)
            .and_then(|f| self.row.field(f.index))
            .unwrap_or("")
    }

    pub fn has(&self, name: &'static str) -> bool {
        self.cols.get(name).is_some()
    }

    /// The column's name in the file, for messages.
    pub fn label(&self, name: &'static str) -> &str {
        self.cols.get(name).map_or(name, |f| f.label.as_str())
    }

    /// The trimmed text of a cell; a null token (`n/a`, `-`) is empty.
    pub fn text(&self, name: &'static str) -> String {
        let t = lenient::trim(self.raw(name));
        if lenient::is_null(t) {
            String::new()
        } else {
            t.to_string()
        }
    }

    fn number(&self, name: &'static str, counts: bool) -> Result<Option<f64>, Skip> {
        let Some(f) = self.cols.get(name) else {
            return Ok(None);
        };
        let mut cell = lenient::trim(self.row.field(f.index).unwrap_or(""));
        if f.money {
            cell = without_currency(cell);
        }
        let style = if counts && f.whole {
            f.style.for_counts()
        } else {
            f.style
        };
        let v = lenient::number(cell, style).map_err(|e| format!("column `{}`: {e}", f.label))?;
        match v {
            Some(v) if f.rate && !f.percent => Ok(Some(v * 100.0)),
            v => Ok(v),
        }
    }

    /// A number that may be negative (revenue after refunds).
    pub fn num(&self, name: &'static str) -> Result<Option<f64>, Skip> {
        self.number(name, false)
    }

    /// A count, or an amount, a rate or a share: never negative.
    pub fn count(&self, name: &'static str) -> Result<Option<f64>, Skip> {
        match self.number(name, true)? {
            Some(v) if v < 0.0 => Err(format!("column `{}`: `{v}` is negative", self.label(name))),
            v => Ok(v),
        }
    }

    /// An engagement component: not given, empty, or a value.
    pub fn field(&self, name: &'static str) -> Result<Field, Skip> {
        Ok(Field::from_option(self.has(name), self.count(name)?))
    }

    pub fn required<T>(&self, name: &'static str, v: Option<T>) -> Result<T, Skip> {
        v.ok_or_else(|| format!("the required value `{}` is empty", self.label(name)))
    }

    /// A date and time as written: ISO first (quick), then the entry's `date_format`, then the
    /// platforms' spellings with the column's order of day and month.
    fn naive(&self, name: &'static str) -> Result<Option<(NaiveDateTime, bool)>, Skip> {
        let raw = self.raw(name).trim();
        if lenient::is_null(raw) {
            return Ok(None);
        }
        let parsed = match &self.cols.dialect {
            Dialect::Mapped {
                date_format: Some(f),
            } => NaiveDateTime::parse_from_str(raw, f)
                .ok()
                .or_else(|| {
                    NaiveDate::parse_from_str(raw, f)
                        .ok()
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                })
                .map(|t| (t, false)),
            Dialect::Mapped { .. } => {
                let order = self.cols.get(name).map_or(DayMonth::Unknown, |f| f.order);
                lenient::datetime_in(raw, order)
            }
            Dialect::Canonical => {
                // A re-saved canonical file: its locale's dates are read where they cannot be
                // misread (`01.10.2026`, or slashes whose order the column shows), never an
                // Excel serial number.
                let order = self.cols.get(name).map_or(DayMonth::Unknown, |f| f.order);
                let label = self.label(name);
                let year_first =
                    raw.len() > 4 && raw.as_bytes()[..4].iter().all(u8::is_ascii_digit);
                if raw.contains('/')
                    && !year_first
                    && !matches!(order, DayMonth::DayFirst | DayMonth::MonthFirst)
                {
                    return Err(format!(
                        "column `{label}`: `{}` could be read day first or month first; write \
                         dates as YYYY-MM-DD",
                        strict::shorten(raw)
                    ));
                }
                if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') && !raw.contains('.') {
                    None
                } else {
                    lenient::datetime_in(raw, order)
                }
            }
        };
        let label = self.label(name);
        parsed.map(Some).ok_or_else(|| match &self.cols.dialect {
            Dialect::Mapped {
                date_format: Some(f),
            } => format!(
                "column `{label}`: `{}` is not a date in the format `{f}`",
                strict::shorten(raw)
            ),
            _ => format!("column `{label}`: `{}` is not a date", strict::shorten(raw)),
        })
    }

    /// A required date.
    pub fn date(&self, name: &'static str) -> Result<NaiveDate, Skip> {
        let raw = self.raw(name);
        // Most files write ISO dates: read them without trying every spelling.
        if let Ok(Some(d)) = strict::date(raw) {
            return Ok(d);
        }
        let d = self.naive(name)?.map(|(t, _)| t.date());
        self.required(name, d)
    }

    /// A time stamp in the account's zone, with its local date: RFC 3339 with its offset, else
    /// wall time in the zone (a UTC spelling converted).
    pub fn stamp(
        &self,
        name: &'static str,
    ) -> Result<Option<(DateTime<FixedOffset>, NaiveDate)>, Skip> {
        if let Ok(Some(s)) = strict::timestamp(self.raw(name), self.cols.tz) {
            return Ok(Some((s.at, s.date)));
        }
        Ok(self
            .naive(name)?
            .map(|(t, utc)| stamps::from_either(t, utc, self.cols.tz)))
    }
}
