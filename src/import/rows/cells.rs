//! The canonical columns of one file (`Columns`: where each is, its name in the file, how its
//! cells are written) and the cells of one row read through them (`Cells`). Canonical files and
//! `[[mapping]]` files both come here; the only differences are the dialect's (`Dialect`).

use crate::import::canonical::Kind;
use crate::import::cells as strict;
use crate::import::lenient::{self, DayMonth, Evidence, NumberStyle};
use crate::import::records::{Record, Records};
use crate::import::stamps;
use crate::import::table::{Row, Table};
use crate::model::Field;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use std::cell::RefCell;

/// Why a row is skipped.
pub type Skip = String;

/// What sets a canonical file apart from a mapped one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialect {
    /// A canonical file: `followers` is required in a daily file; rates are in percent.
    Canonical,
    /// A `[[mapping]]` file: only the date is required in a daily file; a rate column is a
    /// fraction or a percent as its cells say; dates may follow the entry's `date_format`.
    Mapped { date_format: Option<String> },
}

/// Rates and shares, in percent in a canonical file.
const RATES: &[&str] = &["share_pct", "bounce_rate_pct"];

/// Money, which may carry a currency sign in a re-saved or mapped file.
const MONEY: &[&str] = &["amount", "revenue"];

/// Measures that are not whole numbers: a dot in them is a decimal point, never a thousands mark
/// by the counts' rule.
const MEASURES: &[&str] = &["avg_session_seconds", "pages_per_session"];

/// A money cell without its currency sign (`2.000 €`, `$12.50`, `1 500 руб.`).
fn without_currency(cell: &str) -> &str {
    cell.trim()
        .trim_start_matches(['$', '€', '£', '₽', '¥'])
        .trim_end_matches(['$', '€', '£', '₽', '¥'])
        .trim_end_matches("руб.")
        .trim()
}

/// One canonical column found in the file.
struct Found {
    name: &'static str,
    index: usize,
    label: String,
    style: NumberStyle,
    order: DayMonth,
    /// A rate written in percent (not as a fraction).
    percent: bool,
    /// A rate or a share (`RATES`), money (`MONEY`), a measure that may have decimals
    /// (`MEASURES`), or else a count (a whole number).
    rate: bool,
    money: bool,
    whole: bool,
    /// What its cells have shown of how they write numbers.
    evidence: Evidence,
}

/// The canonical columns of one file, decided once from the rows at hand (all of a mapped
/// file's, the first rows of a canonical file read row by row).
pub struct Columns {
    pub kind: Kind,
    pub dialect: Dialect,
    pub width: usize,
    pub tz: Tz,
    found: Vec<Found>,
    /// Lookups by the address of a `&'static str` name (the builders pass the same constants
    /// on every row), so a row's cells are found without comparing strings.
    seen: RefCell<Vec<(usize, usize, Option<usize>)>>,
}

impl Columns {
    /// A canonical file's columns: every header that is a column of `kind`.
    pub fn canonical(kind: Kind, table: &Table, tz: Tz) -> Columns {
        let at: Vec<(&'static str, usize, String)> = kind
            .columns()
            .filter_map(|name| table.column(name).map(|i| (name, i, name.to_string())))
            .collect();
        Columns::new(kind, Dialect::Canonical, table, at, tz)
    }

    /// The columns of a file read through a `[[mapping]]`: (canonical name, index, file name).
    pub fn mapped(
        kind: Kind,
        table: &Table,
        at: Vec<(&'static str, usize, String)>,
        date_format: Option<String>,
        tz: Tz,
    ) -> Columns {
        Columns::new(kind, Dialect::Mapped { date_format }, table, at, tz)
    }

    fn new(
        kind: Kind,
        dialect: Dialect,
        table: &Table,
        at: Vec<(&'static str, usize, String)>,
        tz: Tz,
    ) -> Columns {
        let cells = |i: usize| table.rows.iter().map(move |r| r.cells.get(i).unwrap_or(""));
        let found = at
            .into_iter()
            .map(|(name, index, label)| {
                let money = MONEY.contains(&name);
                let mut evidence = Evidence::default();
                for c in cells(index) {
                    evidence.add(if money { without_currency(c) } else { c });
                }
                let style = evidence.style(table.delimiter);
                let percent = match dialect {
                    Dialect::Canonical => true,
                    Dialect::Mapped { .. } => lenient::in_percent(cells(index), style),
                };
                Found {
                    name,
                    index,
                    label,
                    style,
                    order: lenient::day_month(cells(index)),
                    percent,
                    rate: RATES.contains(&name),
                    money,
                    whole: !RATES.contains(&name) && !money && !MEASURES.contains(&name),
                    evidence,
                }
            })
            .collect();
        Columns {
            kind,
            dialect,
            width: table.headers.len(),
            tz,
            found,
            seen: RefCell::new(Vec::new()),
        }
    }

    /// Read the rest of a file row by row (`records`, after the rows the columns were decided
    /// from) where a number in it could be written otherwise than those rows showed (a `2.000`
    /// after four hundred rows of plain numbers), and decide the columns again from all of them.
    pub fn see_rest(&mut self, mut records: Records, delimiter: u8) -> Result<(), String> {
        if !might_change(records.rest(), delimiter) {
            return Ok(());
        }
        while let Some(row) = records.next()? {
            for f in &mut self.found {
                let cell = row.get(f.index).unwrap_or("");
                f.evidence.add(if f.money {
                    without_currency(cell)
                } else {
                    cell
                });
            }
        }
        for f in &mut self.found {
            f.style = f.evidence.style(delimiter);
        }
        Ok(())
    }

    fn get(&self, name: &'static str) -> Option<&Found> {
        let key = (name.as_ptr() as usize, name.len());
        let hit = self
            .seen
            .borrow()
            .iter()
            .find(|s| (s.0, s.1) == key)
            .map(|s| s.2);
        let at = hit.unwrap_or_else(|| {
            let at = self.found.iter().position(|f| f.name == name);
            self.seen.borrow_mut().push((key.0, key.1, at));
            at
        });
        at.map(|i| &self.found[i])
    }

    /// The file's columns that a dot groups thousands in (`2.000` read as 2,000), by their names
    /// in the file: the load report says which reading was taken.
    pub fn dot_grouped(&self) -> Vec<&str> {
        self.found
            .iter()
            .filter(|f| f.style.dot_groups && !RATES.contains(&f.name))
            .map(|f| f.label.as_str())
            .collect()
    }

    /// The date columns whose slash dates do not tell the order of day and month, or tell both.
    pub fn unclear_dates(&self, table: &Table) -> Vec<(&str, DayMonth)> {
        self.found
            .iter()
            .filter(|f| {
                matches!(
                    f.name,
                    "date" | "published_at" | "received_at" | "answered_at"
                )
            })
            .filter(|f| match f.order {
                DayMonth::Mixed => true,
                DayMonth::Unknown => table.rows.iter().any(|r| {
                    r.cells
                        .get(f.index)
                        .is_some_and(|c| c.matches('/').count() == 2)
                }),
                _ => false,
            })
            .map(|f| (f.label.as_str(), f.order))
            .collect()
    }
}

/// Whether text holds a number a column's style could read otherwise: a digit, a dot or (in a
/// file not separated by commas) a comma, and a digit.
fn might_change(text: &[u8], delimiter: u8) -> bool {
    let digit = |i: usize| text.get(i).is_some_and(u8::is_ascii_digit);
    let between_digits = |i: usize| i > 0 && digit(i - 1) && digit(i + 1);
    if delimiter == b',' {
        memchr::memchr_iter(b'.', text).any(between_digits)
    } else {
        memchr::memchr2_iter(b'.', b',', text).any(between_digits)
    }
}

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
        let t = self.raw(name).trim();
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
        let mut cell = self.row.field(f.index).unwrap_or("").trim();
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
