//! What the Google Analytics 4 and Yandex Metrica importers share when they read a report into
//! traffic rows: each column's number style and rate form (a fraction or a percent), decided
//! from its cells, and the loop that keeps the social rows.

use super::cells::{self, cell};
use super::ga4::social;
use super::Ctx;
use crate::import::lenient::{self, NumberStyle};
use crate::import::table::{Row, Table};
use crate::model::TrafficRow;

/// The number columns of a report, each with the style of its cells in the rows that count.
pub struct Numbers<'t> {
    table: &'t Table,
    rows: Vec<&'t Row>,
    styles: Vec<NumberStyle>,
}

impl<'t> Numbers<'t> {
    /// Every column's style, decided from the rows `keep` keeps (a totals row may be left out).
    pub fn new(table: &'t Table, keep: impl Fn(&Row) -> bool) -> Numbers<'t> {
        let rows: Vec<&Row> = table.rows.iter().filter(|r| keep(r)).collect();
        let styles = (0..table.headers.len())
            .map(|i| cells::style(table, rows.iter().copied(), i))
            .collect();
        Numbers {
            table,
            rows,
            styles,
        }
    }

    /// Whether a rate column is written in percent rather than as a fraction (`false` for an
    /// absent column).
    pub fn in_percent(&self, col: Option<usize>) -> bool {
        col.is_some_and(|i| {
            let cells = self.rows.iter().map(|r| cell(r, Some(i)));
            lenient::in_percent(cells, self.styles[i])
        })
    }

    /// A number cell, `strip` taking off what the export writes around it (currency signs);
    /// `None` for an absent column.
    pub fn num(
        &self,
        row: &Row,
        col: Option<usize>,
        strip: fn(&str) -> &str,
    ) -> Result<Option<f64>, String> {
        let Some(i) = col else { return Ok(None) };
        lenient::number(strip(cell(row, Some(i))), self.styles[i]).map_err(|e| self.error(i, e))
    }

    /// A duration cell in seconds (a number or `H:MM:SS`); `None` for an absent column.
    pub fn seconds(&self, row: &Row, col: Option<usize>) -> Result<Option<f64>, String> {
        let Some(i) = col else { return Ok(None) };
        lenient::seconds(cell(row, Some(i)), self.styles[i]).map_err(|e| self.error(i, e))
    }

    fn error(&self, i: usize, e: String) -> String {
        format!("column `{}`: {e}", self.table.headers[i])
    }
}

/// A rate in percent: a fraction (`0.25`) times 100, a percent (`pct`) as it is.
pub fn as_pct(v: Option<f64>, pct: bool) -> Option<f64> {
    v.map(|v| if pct { v } else { v * 100.0 })
}

/// The social rows of a report as traffic rows, the rows of one (date, source) summed. A totals
/// row is dropped and a row shorter than the header skipped with a warning; `read` gives `None`
/// for a row that is not social, and when no row is, one warning says that none is `what`.
pub fn social_rows(
    table: &Table,
    ctx: &mut Ctx,
    is_totals: impl Fn(&Row) -> bool,
    what: &str,
    mut read: impl FnMut(&Row) -> Option<Result<TrafficRow, String>>,
) -> Vec<(u64, TrafficRow)> {
    let mut rows = Vec::new();
    let mut other = 0usize;
    for row in &table.rows {
        if is_totals(row) {
            continue;
        }
        if let Some(why) = cells::short_row(table, row) {
            ctx.warn(Some(row.line), why);
            continue;
        }
        match read(row) {
            None => other += 1,
            Some(Ok(r)) => rows.push((row.line, r)),
            Some(Err(why)) => ctx.warn(Some(row.line), format!("row skipped: {why}")),
        }
    }
    if rows.is_empty() && other > 0 {
        ctx.warn(
            None,
            format!("none of its {other} rows is {what}, so it gives no traffic rows"),
        );
    }
    social::combine(rows)
}
