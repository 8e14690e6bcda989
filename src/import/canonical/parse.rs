//! Reading the rows of a recognised canonical table into the account model.

use super::{parts, Kind};
use crate::import::cells;
use crate::import::records::Records;
use crate::import::report::LoadReport;
use crate::import::rows::{Builder, Columns};
use crate::import::table::Table;
use crate::model::{AudienceRow, DailyRow, Message, Post, SpendRow, TrafficRow};
use chrono_tz::Tz;

/// The rows of one file, each with the line it came from.
#[derive(Debug, Clone)]
pub enum Parsed {
    Daily(Vec<(u64, DailyRow)>),
    Posts(Vec<(u64, Post)>),
    Audience(Vec<(u64, AudienceRow)>),
    Traffic(Vec<(u64, TrafficRow)>),
    Spend(Vec<(u64, SpendRow)>),
    Messages(Vec<(u64, Message)>),
    /// A follower list (platform exports only).
    Followers(Vec<(u64, crate::model::Follower)>),
}

impl Parsed {
    pub fn len(&self) -> usize {
        match self {
            Parsed::Daily(v) => v.len(),
            Parsed::Posts(v) => v.len(),
            Parsed::Audience(v) => v.len(),
            Parsed::Traffic(v) => v.len(),
            Parsed::Spend(v) => v.len(),
            Parsed::Messages(v) => v.len(),
            Parsed::Followers(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A file is read in parts on every core from this size on, each part about this size.
const PART_BYTES: usize = 2 * 1024 * 1024;

/// Parse every row of a table as `kind`, reading its rows one at a time from `records` (the
/// table holds the first rows, from which each column's way of writing numbers and dates is
/// decided). Bad rows are skipped with a warning naming the line; the error is why the file
/// cannot be read at all (a limit of `records`).
pub fn parse_records(
    kind: Kind,
    table: &Table,
    records: Records,
    file: &str,
    tz: Tz,
    report: &mut LoadReport,
) -> Result<parts::Reading, String> {
    parts::parse_in_parts(kind, table, records, file, tz, report, PART_BYTES)
}

/// One reader, the whole file: the columns decided again from every row first.
pub(super) fn read_whole(
    mut cols: Columns,
    table: &Table,
    mut records: Records,
    file: &str,
    report: &mut LoadReport,
) -> Result<Parsed, String> {
    cols.see_rest(&records, table.delimiter)?;
    say_dot_grouped(&cols, file, report);
    table.unreadable()?;
    let mut rows = Builder::new(&cols, file);
    // The first rows were read for recognition; the rest are read one at a time.
    for row in &table.rows {
        rows.add(row, row.line, report);
    }
    while let Some(row) = records.next()? {
        rows.add(&row, row.line, report);
    }
    for (line, note) in records.notes.drain(..) {
        report.warn(file, Some(line), note);
    }
    Ok(rows.finish(report))
}

pub(super) fn say_dot_grouped(cols: &Columns, file: &str, report: &mut LoadReport) {
    let grouped = cols.dot_grouped();
    if !grouped.is_empty() {
        let names: Vec<String> = grouped.iter().map(|n| format!("`{n}`")).collect();
        report.warn(
            file,
            None,
            format!(
                "in {} a dot groups thousands (2.000 is read as 2,000: every number with a dot \
                 there has three digits after each dot)",
                names.join(", ")
            ),
        );
    }
}

/// Unknown columns are reported once (a repeated name was renamed `name (2)` by the table).
pub(super) fn warn_about_columns(kind: Kind, table: &Table, file: &str, report: &mut LoadReport) {
    let unknown: Vec<&str> = table
        .headers
        .iter()
        .filter(|h| !kind.knows(h))
        .map(|h| h.as_str())
        .collect();
    if !unknown.is_empty() {
        let names: Vec<String> = unknown
            .iter()
            .map(|h| format!("`{}`", cells::shorten(h)))
            .collect();
        report.warn(
            file,
            Some(table.header_line),
            format!("unknown columns ignored: {}", names.join(", ")),
        );
    }
}
