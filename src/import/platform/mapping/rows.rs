//! The rows of a mapped file, read by the row builders every canonical file goes through
//! (`import::rows`), in the mapped dialect: numbers per column, dates in the entry's
//! `date_format` or any known spelling, rates and shares as fractions or percents (decided per
//! column: a column with a `%` or a value above 1 is in percent).

use super::Plan;
use crate::import::canonical::Parsed;
use crate::import::lenient::DayMonth;
use crate::import::platform::Ctx;
use crate::import::rows::{Builder, Columns};
use crate::import::table::Table;

/// Parse every row of a mapped table as its plan's kind.
pub fn parse(plan: &Plan, table: &Table, ctx: &mut Ctx) -> Parsed {
    let at = plan
        .columns
        .iter()
        .filter_map(|c| {
            let name = plan.kind.columns().find(|n| *n == c.canonical)?;
            Some((name, c.index, c.file_name.clone()))
        })
        .collect();
    let cols = Columns::mapped(plan.kind, table, at, plan.date_format.clone(), ctx.tz);
    if plan.date_format.is_none() {
        for (col, order) in cols.unclear_dates(table) {
            let why = match order {
                DayMonth::Mixed => format!("column `{col}`: some dates put the day first and others the month; dates that fit neither are skipped (set date_format in the [[mapping]])"),
                _ => format!("column `{col}`: no date in it shows whether the day or the month comes first; they are read month/day (set date_format = \"%d/%m/%Y\" in the [[mapping]] if the day comes first)"),
            };
            ctx.warn(None, why);
        }
    }
    let mut rows = Builder::new(&cols, ctx.file);
    for row in &table.rows {
        rows.add(row, row.line, ctx.report);
    }
    rows.finish(ctx.report)
}
