//! What the Google Analytics 4 and Yandex Metrica importers share when they read a report into
//! traffic rows: each column's number style and rate form (a fraction or a percent), decided
//! from its cells, the loop that keeps the social rows, and the rows of one (date, source)
//! summed into one.

use super::cells::{self, cell};
use super::Ctx;
use crate::import::lenient::{self, NumberStyle};
use crate::import::table::{Row, Table};
use crate::model::TrafficRow;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

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
    combine(rows)
}

/// The warning for a report of totals over a period, whose rows are dated by its first day;
/// `origin` says where the period was read (` (from its file name)`), if not from the report.
pub fn period_warning(start: NaiveDate, end: NaiveDate, origin: &str) -> String {
    let months = if (start.year(), start.month()) != (end.year(), end.month()) {
        " (all in the month of that day: download one month at a time to compare months)"
    } else {
        ""
    };
    format!(
        "the report gives totals for {start} to {end}{origin} with no date column; its rows are \
         dated {start}{months}"
    )
}

/// Running sums of the rows of one (date, source).
struct Sum {
    line: u64,
    row: TrafficRow,
    rows: usize,
    /// (value × sessions, sessions) of bounce rate, session length and depth.
    weighted: [(f64, f64); 3],
}

fn add(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x + y),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Rows of the same (date, source) summed into one: counts added, rates and means weighted by
/// sessions. A (date, source) of one row is kept as it is. Sorted by date, then source.
pub fn combine(rows: Vec<(u64, TrafficRow)>) -> Vec<(u64, TrafficRow)> {
    let mut index: HashMap<(chrono::NaiveDate, String), usize> = HashMap::new();
    let mut sums: Vec<Sum> = Vec::new();
    let means = |r: &TrafficRow| {
        [
            r.bounce_rate_pct,
            r.avg_session_seconds,
            r.pages_per_session,
        ]
    };
    for (line, row) in rows {
        let key = (row.date, row.source.clone());
        let Some(&i) = index.get(&key) else {
            index.insert(key, sums.len());
            let weighted =
                means(&row).map(|m| m.map_or((0.0, 0.0), |v| (v * row.sessions, row.sessions)));
            sums.push(Sum {
                line,
                row,
                rows: 1,
                weighted,
            });
            continue;
        };
        let s = &mut sums[i];
        for (w, m) in s.weighted.iter_mut().zip(means(&row)) {
            if let Some(v) = m {
                *w = (w.0 + v * row.sessions, w.1 + row.sessions);
            }
        }
        let r = &mut s.row;
        r.sessions += row.sessions;
        r.users = add(r.users, row.users);
        r.new_users = add(r.new_users, row.new_users);
        r.conversions = add(r.conversions, row.conversions);
        r.leads = add(r.leads, row.leads);
        r.revenue = add(r.revenue, row.revenue);
        r.bounce_rate_pct = r.bounce_rate_pct.or(row.bounce_rate_pct);
        r.avg_session_seconds = r.avg_session_seconds.or(row.avg_session_seconds);
        r.pages_per_session = r.pages_per_session.or(row.pages_per_session);
        s.rows += 1;
    }
    let mut out: Vec<(u64, TrafficRow)> = sums
        .into_iter()
        .map(|mut s| {
            if s.rows > 1 {
                let [b, t, p] = s.weighted.map(|(sum, w)| (w > 0.0).then(|| sum / w));
                let r = &mut s.row;
                r.bounce_rate_pct = b.or(r.bounce_rate_pct);
                r.avg_session_seconds = t.or(r.avg_session_seconds);
                r.pages_per_session = p.or(r.pages_per_session);
            }
            (s.line, s.row)
        })
        .collect();
    out.sort_by(|a, b| (a.1.date, &a.1.source).cmp(&(b.1.date, &b.1.source)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_one_day_and_source_are_summed_with_weighted_rates() {
        let d = "2026-10-01".parse().unwrap();
        let row = |sessions: f64, bounce: f64| TrafficRow {
            date: d,
            source: "vk.com".into(),
            sessions,
            users: Some(sessions - 1.0),
            bounce_rate_pct: Some(bounce),
            ..TrafficRow::default()
        };
        let out = combine(vec![(3, row(10.0, 20.0)), (4, row(30.0, 60.0))]);
        assert_eq!(out.len(), 1);
        let (line, r) = &out[0];
        assert_eq!((*line, r.sessions, r.users), (3, 40.0, Some(38.0)));
        assert_eq!(r.bounce_rate_pct, Some(50.0));
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn totals_over_several_months_say_where_they_are_counted() {
        let w = period_warning(date("2026-09-15"), date("2026-10-14"), "");
        assert_eq!(
            w,
            "the report gives totals for 2026-09-15 to 2026-10-14 with no date column; its rows are \
             dated 2026-09-15 (all in the month of that day: download one month at a time to compare months)"
        );
    }
}
