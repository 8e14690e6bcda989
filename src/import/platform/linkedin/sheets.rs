//! LinkedIn page-analytics sheets → the account model (export-formats.md, section 6). A sheet is
//! known by its header row (found among its first ten rows, after a title row) rather than by
//! its name: followers (`New followers`: `Date`, `… followers`), visitors (`Visitor metrics`:
//! `Date`, `Total unique visitors (total)`, …), content metrics (`Metrics` / `Update metrics`:
//! `Date`, `Impressions (total)`, …) and posts (`All posts` / `Update engagement`: `Post title` or
//! `Update title`, `Post link` or `Update link`, `Created date`, …). Demographic sheets are not read.

use super::posts;
use crate::import::cells::shorten;
use crate::import::lenient::{self, NumberStyle};
use crate::import::platform::cells::blank_day;
use crate::import::table::normalise_header;
use crate::model::{DailyRow, Post};
use calamine::{Data, Range};
use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Followers,
    Visitors,
    Metrics,
    Posts,
}

const FOLLOWER_PARTS: &[&str] = &[
    "sponsored followers",
    "organic followers",
    "auto-invited followers",
];
pub(super) const TITLE: &[&str] = &["post title", "update title"];
pub(super) const LINK: &[&str] = &["post link", "update link"];
const VISITS: &[&str] = &[
    "total unique visitors (total)",
    "total unique visitors",
    "overview unique visitors (total)",
];

/// What a header row says a sheet is.
pub fn classify(headers: &[String]) -> Option<SheetKind> {
    let has = |n: &str| headers.iter().any(|h| h == n);
    let any = |ns: &[&str]| ns.iter().any(|n| has(n));
    let date = has("date");
    if any(TITLE) || any(LINK) {
        return has("created date").then_some(SheetKind::Posts);
    }
    if !date {
        return None;
    }
    if any(FOLLOWER_PARTS) || has("total followers") || has("new followers") {
        Some(SheetKind::Followers)
    } else if headers
        .iter()
        .any(|h| h.starts_with("total unique visitors") || h.starts_with("overview page views"))
    {
        Some(SheetKind::Visitors)
    } else if headers.iter().any(|h| h.starts_with("impressions")) {
        Some(SheetKind::Metrics)
    } else {
        None
    }
}

/// The text of a cell (numbers as written, dates as `YYYY-MM-DD`).
pub fn text(d: &Data) -> String {
    match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(_) => datetime(d)
            .map(|t| t.date().to_string())
            .unwrap_or_default(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// A date or date-time cell: an Excel date, a serial number, or text in a known format.
pub fn datetime(d: &Data) -> Option<NaiveDateTime> {
    let serial = lenient::serial_date;
    match d {
        Data::DateTime(dt) => {
            let (y, m, day, h, min, s, _) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), day.into())?.and_hms_opt(
                h.into(),
                min.into(),
                s.into(),
            )
        }
        Data::Float(f) => serial(*f),
        Data::Int(i) => serial(*i as f64),
        Data::String(s) | Data::DateTimeIso(s) => lenient::datetime(s).map(|(t, _)| t),
        _ => None,
    }
}

/// A number cell: numbers as they are, text through the column's number style.
fn number(d: &Data, style: NumberStyle) -> Result<Option<f64>, String> {
    match d {
        Data::Int(i) => Ok(Some(*i as f64)),
        Data::Float(f) => Ok(Some(*f)),
        Data::String(s) => lenient::number(s, style),
        Data::Empty | Data::Error(_) => Ok(None),
        other => Err(format!("`{}` is not a number", shorten(&text(other)))),
    }
}

/// A sheet with its header row found.
pub struct Sheet<'a> {
    pub name: &'a str,
    pub kind: SheetKind,
    headers: Vec<String>,
    /// (row number in the workbook, 1-based; cells), after the header.
    pub(super) rows: Vec<(u64, &'a [Data])>,
    styles: Vec<NumberStyle>,
}

impl<'a> Sheet<'a> {
    /// The header is the first of the first ten rows that names a known sheet.
    pub fn find(name: &'a str, range: &'a Range<Data>) -> Option<Sheet<'a>> {
        let first_row = u64::from(range.start().map_or(0, |s| s.0)) + 1;
        let all: Vec<&[Data]> = range.rows().collect();
        let (at, headers, kind) = all.iter().take(10).enumerate().find_map(|(i, row)| {
            let headers: Vec<String> = row.iter().map(|c| normalise_header(&text(c))).collect();
            classify(&headers).map(|k| (i, headers, k))
        })?;
        let rows: Vec<(u64, &[Data])> = all
            .into_iter()
            .enumerate()
            .skip(at + 1)
            .filter(|(_, r)| r.iter().any(|c| !text(c).trim().is_empty()))
            .map(|(i, r)| (first_row + i as u64, r))
            .collect();
        let styles = (0..headers.len())
            .map(|c| {
                let cells: Vec<String> = rows
                    .iter()
                    .filter_map(|(_, r)| match r.get(c) {
                        Some(Data::String(s)) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                lenient::decide(cells.iter().map(String::as_str), b',')
            })
            .collect();
        Some(Sheet {
            name,
            kind,
            headers,
            rows,
            styles,
        })
    }

    pub(super) fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h == n))
    }

    /// A number cell of `row` in the column at `col` (`None` where the column is absent); the
    /// error names the column.
    pub(super) fn num(&self, row: Cells, col: Option<usize>) -> Result<Option<f64>, String> {
        let Some(c) = col else { return Ok(None) };
        number(cell(row, Some(c)), self.styles[c])
            .map_err(|e| format!("column `{}`: {e}", self.headers[c]))
    }
}

/// What the sheets of one workbook give.
#[derive(Default)]
pub struct Mapped {
    pub daily: BTreeMap<NaiveDate, (u64, DailyRow)>,
    pub posts: Vec<(u64, Post)>,
    /// (row, message) for the load report.
    pub warnings: Vec<(Option<u64>, String)>,
}

impl Mapped {
    pub(super) fn skip(&mut self, sheet: &Sheet, line: u64, why: impl std::fmt::Display) {
        self.warnings.push((
            Some(line),
            format!("sheet `{}`: row skipped: {why}", sheet.name),
        ));
    }

    fn day(&mut self, line: u64, date: NaiveDate) -> &mut DailyRow {
        &mut self
            .daily
            .entry(date)
            .or_insert_with(|| (line, blank_day(date)))
            .1
    }
}

type Cells<'r> = &'r [Data];

pub(super) fn cell<'r>(row: Cells<'r>, col: Option<usize>) -> &'r Data {
    col.and_then(|c| row.get(c)).unwrap_or(&Data::Empty)
}

/// Map one sheet into `out`.
pub fn map_sheet(sheet: &Sheet, tz: Tz, out: &mut Mapped) {
    match sheet.kind {
        SheetKind::Posts => posts::posts(sheet, tz, out),
        _ => daily(sheet, out),
    }
}

/// Whether `Total followers` is each day's new followers (the sum of the parts, as in LinkedIn's
/// `New followers` sheet) rather than the running total: so on four rows in five where both
/// are given, or when no row gives both (or there are no parts).
fn total_is_new(sheet: &Sheet, total: usize, parts: &[usize]) -> bool {
    if parts.is_empty() {
        return true;
    }
    let (mut both, mut equal) = (0, 0);
    for (_, row) in &sheet.rows {
        let t = number(cell(row, Some(total)), sheet.styles[total])
            .ok()
            .flatten();
        let p: Option<f64> = parts
            .iter()
            .map(|c| number(cell(row, Some(*c)), sheet.styles[*c]).ok().flatten())
            .sum();
        if let (Some(t), Some(p)) = (t, p) {
            both += 1;
            equal += usize::from((t - p).abs() < 0.5);
        }
    }
    both == 0 || equal * 5 >= both * 4
}

/// The columns of a daily sheet (followers, visitors or content metrics).
struct DailyColumns {
    date: Option<usize>,
    parts: Vec<usize>,
    total: Option<usize>,
    new: Option<usize>,
    /// Whether `total` is the day's new followers rather than the running total.
    total_new: bool,
    visits: Option<usize>,
    impressions: Option<usize>,
    organic_reach: Option<usize>,
}

impl DailyColumns {
    fn of(sheet: &Sheet) -> DailyColumns {
        let parts: Vec<usize> = FOLLOWER_PARTS
            .iter()
            .filter_map(|n| sheet.col(&[n]))
            .collect();
        let total = sheet.col(&["total followers"]);
        DailyColumns {
            date: sheet.col(&["date"]),
            total_new: total.is_some_and(|t| total_is_new(sheet, t, &parts)),
            parts,
            total,
            new: sheet.col(&["new followers"]),
            visits: sheet.col(VISITS),
            impressions: sheet.col(&["impressions (total)", "impressions"]),
            organic_reach: sheet.col(&["unique impressions (organic)"]),
        }
    }

    /// A row's metrics as a patch of its day.
    fn patch(&self, sheet: &Sheet, row: Cells, date: NaiveDate) -> Result<DailyRow, String> {
        let num = |c: Option<usize>| sheet.num(row, c);
        let mut sum: Option<f64> = None;
        for c in &self.parts {
            if let Some(v) = num(Some(*c))? {
                sum = Some(sum.unwrap_or(0.0) + v);
            }
        }
        let (total, new) = (num(self.total)?, num(self.new)?);
        let (followers, follows) = if self.total_new {
            (None, total.or(sum).or(new))
        } else {
            (total, sum.or(new))
        };
        Ok(DailyRow {
            date,
            followers,
            follows,
            profile_visits: num(self.visits)?,
            impressions: num(self.impressions)?,
            reach_organic: num(self.organic_reach)?,
            ..DailyRow::default()
        })
    }
}

fn daily(sheet: &Sheet, out: &mut Mapped) {
    let cols = DailyColumns::of(sheet);
    for (line, row) in &sheet.rows {
        let raw_date = cell(row, cols.date);
        let Some(date) = datetime(raw_date).map(|t| t.date()) else {
            let why = format!("`{}` is not a date", shorten(&text(raw_date)));
            out.skip(sheet, *line, why);
            continue;
        };
        let patch = match cols.patch(sheet, row, date) {
            Ok(p) => p,
            Err(why) => {
                out.skip(sheet, *line, why);
                continue;
            }
        };
        out.day(*line, date).overlay(&patch);
    }
}
