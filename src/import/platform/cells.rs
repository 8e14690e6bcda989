//! Cell helpers shared by the platform importers: a column found by any of its names with the
//! number style of its cells decided once (`Col`), totals rows, short rows, rows read one at a
//! time with one warning per skipped row, and the patches of a day.

use crate::import::cells::shorten;
use crate::import::lenient::{self, NumberStyle};
use crate::import::platform::Ctx;
use crate::import::table::{Row, Table};
use crate::import::ImportError;
use crate::model::{DailyRow, Field, Post, PostType};
use chrono::{DateTime, FixedOffset, NaiveDate};

/// The text of a cell (`""` when the column is absent or the row is short: a ragged row's
/// missing cells are "no value").
pub fn cell(row: &Row, idx: Option<usize>) -> &str {
    idx.and_then(|i| row.cells.get(i)).unwrap_or("")
}

/// The number style of column `i`, decided from its cells in `rows`.
pub fn style<'a>(table: &Table, rows: impl IntoIterator<Item = &'a Row>, i: usize) -> NumberStyle {
    lenient::decide(rows.into_iter().map(|r| cell(r, Some(i))), table.delimiter)
}

/// One column of a table (possibly absent), with the number style of its cells.
#[derive(Debug, Clone)]
pub struct Col {
    /// Its name in messages (the header, unless renamed by `named`).
    pub name: String,
    pub idx: Option<usize>,
    style: NumberStyle,
}

impl Col {
    /// The first column named one of `names`, its style decided from all the table's rows.
    pub fn new(table: &Table, names: &[&str]) -> Col {
        Col::of(table, table.column_any(names), &table.rows)
    }

    /// The column at `idx`, its style decided from `rows`.
    pub fn at(table: &Table, rows: &[&Row], idx: Option<usize>) -> Col {
        Col::of(table, idx, rows.iter().copied())
    }

    /// The first column named one of `names`, its style decided from `rows`.
    pub fn find(table: &Table, rows: &[&Row], names: &[&str]) -> Col {
        Col::at(table, rows, table.column_any(names))
    }

    fn of<'a>(table: &Table, idx: Option<usize>, rows: impl IntoIterator<Item = &'a Row>) -> Col {
        let style = idx.map_or_else(NumberStyle::default, |i| style(table, rows, i));
        let name = idx
            .and_then(|i| table.headers.get(i))
            .cloned()
            .unwrap_or_default();
        Col { name, idx, style }
    }

    /// A column the export does not have: no value in any row.
    pub fn absent() -> Col {
        Col {
            name: String::new(),
            idx: None,
            style: NumberStyle::default(),
        }
    }

    /// The same column under another name (for messages).
    pub fn named(mut self, name: &str) -> Col {
        self.name = name.to_string();
        self
    }

    pub fn given(&self) -> bool {
        self.idx.is_some()
    }

    /// The cell of `row` (empty where the column is absent or the row is short).
    pub fn raw<'a>(&self, row: &'a Row) -> &'a str {
        cell(row, self.idx)
    }

    /// The cell's number; `None` for a null token, an empty cell or an absent column.
    pub fn get(&self, row: &Row) -> Result<Option<f64>, String> {
        if self.idx.is_none() {
            return Ok(None);
        }
        lenient::number(self.raw(row), self.style)
            .map_err(|e| format!("column `{}`: {e}", self.name))
    }

    /// A count, which cannot be negative (a dot that groups thousands is read so).
    pub fn count(&self, row: &Row) -> Result<Option<f64>, String> {
        if self.idx.is_none() {
            return Ok(None);
        }
        let v = lenient::number(self.raw(row), self.style.for_counts())
            .map_err(|e| format!("column `{}`: {e}", self.name))?;
        match v {
            Some(v) if v < 0.0 => Err(format!("column `{}`: `{v}` is negative", self.name)),
            v => Ok(v),
        }
    }

    /// An engagement component: not given, empty, or a value.
    pub fn field(&self, row: &Row) -> Result<Field, String> {
        Ok(Field::from_option(self.given(), self.count(row)?))
    }
}

pub use crate::import::vocab::is_total;

/// A posts export's columns of numbers, each absent where the export has no such column (an
/// absent engagement component is `Field::NotGiven`, not zero).
pub struct PostNumbers {
    pub reach: Col,
    pub impressions: Col,
    pub likes: Col,
    pub comments: Col,
    pub shares: Col,
    pub saves: Col,
    /// Clicks to the site: link clicks, not every click on the post.
    pub clicks: Col,
}

/// A post but its numbers.
pub struct Posted {
    pub id: String,
    /// When it was published, and its day in the account's zone.
    pub at: (DateTime<FixedOffset>, NaiveDate),
    pub kind: PostType,
    pub caption: String,
    pub permalink: String,
    pub paid: Option<bool>,
}

impl PostNumbers {
    /// No column: name those the export has, `..PostNumbers::none()` for the rest.
    pub fn none() -> PostNumbers {
        PostNumbers {
            reach: Col::absent(),
            impressions: Col::absent(),
            likes: Col::absent(),
            comments: Col::absent(),
            shares: Col::absent(),
            saves: Col::absent(),
            clicks: Col::absent(),
        }
    }

    /// The post of `row`, with its numbers read.
    pub fn post(&self, row: &Row, p: Posted) -> Result<Post, String> {
        Ok(Post {
            id: p.id,
            published_at: p.at.0,
            date: p.at.1,
            kind: p.kind,
            caption: p.caption,
            permalink: p.permalink,
            reach: self.reach.count(row)?,
            impressions: self.impressions.count(row)?,
            likes: self.likes.field(row)?,
            comments: self.comments.field(row)?,
            shares: self.shares.field(row)?,
            saves: self.saves.field(row)?,
            clicks: self.clicks.count(row)?,
            paid: p.paid,
        })
    }
}

/// Names for a message: each in backticks, joined by `, `.
pub fn quoted<T: std::fmt::Display>(names: impl IntoIterator<Item = T>) -> String {
    let quoted: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// The warning for a row shorter than the header (which is skipped), if it is.
pub fn short_row(table: &Table, row: &Row) -> Option<String> {
    (row.cells.len() < table.headers.len()).then(|| {
        format!(
            "row skipped: it has {} fields where the header has {}",
            row.cells.len(),
            table.headers.len()
        )
    })
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

/// Read every row of a daily table (see `each`) as a patch of its day. `day_of` gives each
/// row's day, called once per row in file order; a row whose `date` cell is a totals label is
/// dropped, one without a day is skipped, and `f` gives the patch (`Ok(None)` drops the row).
pub fn each_day(
    table: &Table,
    ctx: &mut Ctx,
    date: Option<usize>,
    mut day_of: impl FnMut(&Row) -> Option<NaiveDate>,
    mut f: impl FnMut(&Row, NaiveDate) -> Result<Option<DailyRow>, String>,
) -> Result<Vec<(u64, DailyRow)>, ImportError> {
    each(table, ctx, |row, _| {
        let day = day_of(row);
        let raw = cell(row, date);
        if is_total(raw) {
            return Ok(None);
        }
        let day = day.ok_or_else(|| format!("column `date`: `{}` is not a date", shorten(raw)))?;
        f(row, day)
    })
}

/// Each row of a daily table as a patch of its day (see `each_day`): the day as
/// `lenient::date_in` reads the `date` cell (slash dates in the column's order), the values `cols`' counts; `keep` passes the patch on
/// (`Some`) or drops an empty one (`non_empty`).
pub fn daily_counts(
    table: &Table,
    ctx: &mut Ctx,
    date: Option<usize>,
    cols: &DayCols,
    keep: fn(DailyRow) -> Option<DailyRow>,
) -> Result<Vec<(u64, DailyRow)>, ImportError> {
    // Day and month are ordered by the whole column, never by the row.
    let order = lenient::day_month(table.rows.iter().map(|r| cell(r, date)));
    let day_of = |row: &Row| lenient::date_in(cell(row, date), order);
    each_day(table, ctx, date, day_of, |row, day| {
        cols.patch(row, day).map(keep)
    })
}

/// Where a column's value goes in a day's patch.
pub type Setter = fn(&mut DailyRow) -> &mut Option<f64>;

/// The count columns of a daily table, each with the field of the day it gives.
pub struct DayCols(Vec<(Col, Setter)>);

impl DayCols {
    /// Each field's column found by any of its names (see `Col::new`).
    pub fn new(table: &Table, fields: &[(&[&str], Setter)]) -> DayCols {
        DayCols::of(
            fields
                .iter()
                .map(|(names, set)| (Col::new(table, names), *set))
                .collect(),
        )
    }

    /// The given columns of `cols`.
    pub fn of(cols: Vec<(Col, Setter)>) -> DayCols {
        DayCols(cols.into_iter().filter(|(c, _)| c.given()).collect())
    }

    /// A row's counts as a patch of `date` (the first bad count, in field order, is the error).
    pub fn patch(&self, row: &Row, date: NaiveDate) -> Result<DailyRow, String> {
        let mut day = blank_day(date);
        for (col, set) in &self.0 {
            *set(&mut day) = col.count(row)?;
        }
        Ok(day)
    }
}

/// A day with no value but its date, to be patched.
pub fn blank_day(date: NaiveDate) -> DailyRow {
    DailyRow {
        date,
        ..DailyRow::default()
    }
}

/// The patch, unless it holds nothing but its date (a null is no value, never 0).
pub fn non_empty(patch: DailyRow) -> Option<DailyRow> {
    (patch != blank_day(patch.date)).then_some(patch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        crate::import::table::parse_text(text).unwrap()
    }

    #[test]
    fn a_column_by_any_name_with_its_style() {
        let t = table("Date;Likes;Shares\n2025-01-01;1,5;-\n2025-01-02;2;3\n");
        let likes = Col::new(&t, &["favorites", "likes"]);
        assert_eq!((likes.name.as_str(), likes.idx), ("likes", Some(1)));
        assert_eq!(likes.get(&t.rows[0]), Ok(Some(1.5)));
        let shares = Col::new(&t, &["shares"]);
        assert_eq!(shares.field(&t.rows[0]), Ok(Field::Empty));
        let saves = Col::new(&t, &["saves"]);
        assert_eq!(
            (saves.given(), saves.field(&t.rows[0])),
            (false, Ok(Field::NotGiven))
        );
    }

    #[test]
    fn day_patches_from_count_columns() {
        let t = table("Date,Views,Follows\n2025-01-01,10,\n2025-01-02,5,-1\n");
        let cols = DayCols::new(
            &t,
            &[
                (&["views"], |r| &mut r.impressions),
                (&["new follows", "follows"], |r| &mut r.follows),
                (&["saves"], |r| &mut r.reach),
            ],
        );
        let date: NaiveDate = "2025-01-01".parse().unwrap();
        let day = cols.patch(&t.rows[0], date).unwrap();
        assert_eq!(
            (day.impressions, day.follows, day.reach),
            (Some(10.0), None, None)
        );
        let bad = cols.patch(&t.rows[1], date).unwrap_err();
        assert_eq!(bad, "column `follows`: `-1` is negative");
    }

    #[test]
    fn empty_patches_and_overlays() {
        let date: NaiveDate = "2025-01-01".parse().unwrap();
        assert_eq!(non_empty(blank_day(date)), None);
        let mut day = DailyRow {
            reach: Some(3.0),
            ..blank_day(date)
        };
        let patch = DailyRow {
            follows: Some(1.0),
            ..blank_day(date)
        };
        day.overlay(&patch);
        assert_eq!((day.reach, day.follows), (Some(3.0), Some(1.0)));
        assert!(is_total(" Итого "));
        assert!(!is_total("2025-01-01"));
    }
}
