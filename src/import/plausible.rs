//! What no measurement can be, checked once for the rows of every importer (formats.md, "Files
//! that cannot be used"): a date before 2004 (before the platforms) or after tomorrow skips its
//! row; a count above 10^12, a fractional count, a number beyond 2^53 (where an f64 stops being
//! exact), or a percentage outside 0–100 skips its cell. Each with a warning naming the file, the
//! line and the column, so that one mistyped cell cannot move the period, fill memory or drive a
//! finding.

use super::canonical::Parsed;
use super::cells::shorten;
use super::lenient::{self, NumberStyle};
use super::report::LoadReport;
use super::table::Table;
use crate::model::Field;
use chrono::{Days, NaiveDate};

/// The largest count taken for a measurement.
pub const MAX_COUNT: f64 = 1e12;
/// The largest number an f64 holds exactly (2^53).
pub const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// The first day a row may be dated: before 2004 there were no platforms to export it.
pub fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2004, 1, 1).unwrap_or_default()
}

/// What a cell holds, for the bound it is checked against.
#[derive(Clone, Copy)]
enum Quantity {
    Count,
    Percent,
    /// Money, durations and ratios: any size an f64 holds exactly.
    Amount,
}

/// Where the names of a file's columns come from, for the warnings.
#[derive(Clone, Copy)]
pub enum Names<'a> {
    /// A canonical file: its columns are named as the audit names its figures.
    Canonical,
    /// A table kept whole: the column whose cell on the row holds the value.
    Table(&'a Table),
    /// A workbook or a JSON file: the audit's name of the figure.
    Figures,
}

impl Names<'_> {
    /// The name of the column that gave `column`'s value `v` on `line`, and the cell as the
    /// file wrote it where the rows are at hand.
    fn of(self, column: &str, line: u64, v: f64) -> (String, Option<String>) {
        match self {
            Names::Canonical => (column.to_string(), None),
            Names::Table(table) => match holding(table, line, v) {
                Some((header, cell)) => (header, Some(cell)),
                None => (figure(column), None),
            },
            Names::Figures => (figure(column), None),
        }
    }
}

/// The header and the text of the cell of `line` that reads as `v` (the value came from it).
fn holding(table: &Table, line: u64, v: f64) -> Option<(String, String)> {
    let at = table.rows.binary_search_by_key(&line, |r| r.line).ok()?;
    let row = &table.rows[at];
    let i = row.cells.iter().position(|cell| {
        [NumberStyle::default(), NumberStyle::default().for_counts()]
            .into_iter()
            .any(|style| lenient::number(cell, style).is_ok_and(|n| n == Some(v)))
    })?;
    Some((
        table.headers.get(i)?.clone(),
        row.cells.get(i)?.trim().to_string(),
    ))
}

/// Why a value cannot be a measurement.
enum Implausible {
    Inexact,
    TooLarge,
    Fraction,
    OutsidePercent,
}

struct Check<'a> {
    file: &'a str,
    line: u64,
    names: Names<'a>,
    report: &'a mut LoadReport,
}

impl Check<'_> {
    /// The cell's value where it can be a measurement; else `None`, with a warning.
    fn cell(&mut self, column: &str, v: Option<f64>, q: Quantity) -> Option<f64> {
        self.value(column, v, q, "the cell is skipped")
    }

    /// A value the row cannot do without (a traffic row's sessions, a spend row's amount).
    fn required(&mut self, column: &str, v: f64, q: Quantity) -> Option<f64> {
        self.value(column, Some(v), q, "the row is skipped")
    }

    fn value(&mut self, column: &str, v: Option<f64>, q: Quantity, then: &str) -> Option<f64> {
        let v = v?;
        // The usual cell: a whole count well inside the bounds.
        if matches!(q, Quantity::Count) && (0.0..=MAX_COUNT).contains(&v) && v.fract() == 0.0 {
            return Some(v);
        }
        let problem = match q {
            _ if !v.is_finite() || v.abs() > MAX_EXACT => Some(Implausible::Inexact),
            Quantity::Count if v > MAX_COUNT => Some(Implausible::TooLarge),
            Quantity::Count if v.fract() != 0.0 => Some(Implausible::Fraction),
            Quantity::Percent if !(0.0..=100.0).contains(&v) => Some(Implausible::OutsidePercent),
            _ => None,
        };
        match problem {
            None => Some(v),
            Some(problem) => {
                // The file's name of the column, and the audit's name of its figure where that
                // is another (`video views` for impressions); the cell as written where the
                // rows are at hand (`99999999999999999999999999`, not `1e26`).
                let (label, written) = self.names.of(column, self.line, v);
                let shown = written.as_deref().map_or_else(|| short(v), shorten);
                let why = match problem {
                    Implausible::Inexact => {
                        format!("`{shown}` is beyond the numbers that can be counted exactly")
                    }
                    Implausible::TooLarge => {
                        format!("`{shown}` is more than 10^12, not a measurement")
                    }
                    Implausible::Fraction => {
                        format!("`{shown}` is not a whole number, and a count is one")
                    }
                    Implausible::OutsidePercent if shown.ends_with('%') => {
                        format!("`{shown}` is outside 0–100 %")
                    }
                    Implausible::OutsidePercent => format!("`{shown}` % is outside 0–100"),
                };
                let figure = figure(column);
                let also = match label == figure {
                    true => String::new(),
                    false => format!(" ({figure})"),
                };
                self.report.warn(
                    self.file,
                    Some(self.line),
                    format!("column `{}`{also}: {why}; {then}", shorten(&label)),
                );
                None
            }
        }
    }

    fn count(&mut self, column: &str, v: &mut Option<f64>) {
        *v = self.cell(column, *v, Quantity::Count);
    }

    fn field(&mut self, column: &str, f: &mut Field) {
        if let Field::Value(v) = *f {
            if self.cell(column, Some(v), Quantity::Count).is_none() {
                *f = Field::Empty;
            }
        }
    }

    /// Whether a row's date can be a measurement's; else a warning and `false`.
    fn date(&mut self, d: NaiveDate, last: NaiveDate) -> bool {
        let why = if d < first_day() {
            "is before 2004, before the platforms"
        } else if d > last {
            "is after tomorrow"
        } else {
            return true;
        };
        self.report.warn(
            self.file,
            Some(self.line),
            format!("row skipped: its date {d} {why}"),
        );
        false
    }
}

/// A column's figure for people: `bounce_rate_pct` is the bounce rate.
fn figure(column: &str) -> String {
    column.trim_end_matches("_pct").replace('_', " ")
}

/// A large number in a few digits (`1e26` rather than 27 of them).
fn short(v: f64) -> String {
    if v.abs() >= 1e21 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// Check every row of one file's parts read against `today`; rows and cells that cannot be
/// measurements are dropped with a warning.
pub fn check(
    parts: &mut [Parsed],
    file: &str,
    names: Names,
    today: NaiveDate,
    report: &mut LoadReport,
) {
    let last = today.checked_add_days(Days::new(1)).unwrap_or(today);
    macro_rules! rows {
        ($rows:expr, |$c:ident, $r:ident| $body:block) => {
            $rows.retain_mut(|(line, $r)| {
                let mut $c = Check {
                    file,
                    line: *line,
                    names,
                    report: &mut *report,
                };
                $body
            })
        };
    }
    for part in parts.iter_mut() {
        match part {
            Parsed::Daily(v) => rows!(v, |c, r| {
                for (name, cell) in r.metrics_mut() {
                    c.count(name, cell);
                }
                c.date(r.date, last)
            }),
            Parsed::Posts(v) => rows!(v, |c, p| {
                c.count("reach", &mut p.reach);
                c.count("impressions", &mut p.impressions);
                c.count("clicks", &mut p.clicks);
                c.field("likes", &mut p.likes);
                c.field("comments", &mut p.comments);
                c.field("shares", &mut p.shares);
                c.field("saves", &mut p.saves);
                c.date(p.date, last)
            }),
            Parsed::Audience(v) => rows!(v, |c, a| {
                a.share_pct = c.cell("share_pct", a.share_pct, Quantity::Percent);
                c.count("count", &mut a.count);
                c.date(a.date, last) && (a.share_pct.is_some() || a.count.is_some())
            }),
            Parsed::Traffic(v) => rows!(v, |c, t| {
                let sessions = c.required("sessions", t.sessions, Quantity::Count);
                for (name, cell) in [
                    ("users", &mut t.users),
                    ("new_users", &mut t.new_users),
                    ("conversions", &mut t.conversions),
                    ("leads", &mut t.leads),
                ] {
                    c.count(name, cell);
                }
                t.bounce_rate_pct = c.cell("bounce_rate_pct", t.bounce_rate_pct, Quantity::Percent);
                for (name, cell) in [
                    ("avg_session_seconds", &mut t.avg_session_seconds),
                    ("pages_per_session", &mut t.pages_per_session),
                    ("revenue", &mut t.revenue),
                ] {
                    *cell = c.cell(name, *cell, Quantity::Amount);
                }
                sessions.is_some() && c.date(t.date, last)
            }),
            Parsed::Spend(v) => rows!(v, |c, s| {
                let amount = c.required("amount", s.amount, Quantity::Amount);
                for (name, cell) in [
                    ("impressions", &mut s.impressions),
                    ("reach", &mut s.reach),
                    ("clicks", &mut s.clicks),
                    ("leads", &mut s.leads),
                    ("follows", &mut s.follows),
                ] {
                    c.count(name, cell);
                }
                amount.is_some() && c.date(s.date, last)
            }),
            Parsed::Messages(v) => rows!(v, |c, m| { c.date(m.date, last) }),
            Parsed::Followers(v) => rows!(v, |c, f| { c.date(f.date, last) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DailyRow;

    #[test]
    fn implausible_cells_and_dates_are_dropped_with_a_warning() {
        let row = |date: &str, reach: f64| DailyRow {
            date: date.parse().unwrap(),
            reach: Some(reach),
            followers: Some(10.0),
            ..DailyRow::default()
        };
        let mut parts = vec![Parsed::Daily(vec![
            (2, row("2026-10-01", 1e26)),
            (3, row("2026-10-02", 12.5)),
            (4, row("9999-12-31", 5.0)),
            (5, row("1990-01-01", 5.0)),
            (6, row("2026-10-03", 9_007_199_254_740_993.0)),
            (7, row("2026-10-04", 500.0)),
        ])];
        let mut report = LoadReport::default();
        let today = "2026-11-22".parse().unwrap();
        check(&mut parts, "d.csv", Names::Canonical, today, &mut report);
        let Parsed::Daily(rows) = &parts[0] else {
            panic!()
        };
        let kept: Vec<(u64, Option<f64>)> = rows.iter().map(|(l, r)| (*l, r.reach)).collect();
        assert_eq!(kept, [(2, None), (3, None), (6, None), (7, Some(500.0))]);
        let w: Vec<String> = report.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            w,
            [
                "d.csv line 2: column `reach`: `1e26` is beyond the numbers that can be counted exactly; the cell is skipped",
                "d.csv line 3: column `reach`: `12.5` is not a whole number, and a count is one; the cell is skipped",
                "d.csv line 4: row skipped: its date 9999-12-31 is after tomorrow",
                "d.csv line 5: row skipped: its date 1990-01-01 is before 2004, before the platforms",
                "d.csv line 6: column `reach`: `9007199254740992` is more than 10^12, not a measurement; the cell is skipped",
            ]
        );
    }
}
