//! Google Analytics 4, "Share this report → Download file → CSV" (`data-export.csv`;
//! export-formats.md, section 7.1): a `#` comment preamble (set aside by the table parser, with
//! the report's `Start date:` and `End date:`), dates `YYYYMMDD`, rows sorted by a metric.
//!
//! Only a report that splits visits by source or channel can say which came from social: the
//! traffic-acquisition report (`Session source / medium`, `Session source`, `Session default
//! channel group`). Its social rows become traffic rows; a site-wide report (daily totals, like
//! the usual `Date, Total users, …` file) gives none, with one warning saying why.

use super::cells::cell;
use super::traffic::{self, as_pct, Numbers};
use super::{Ctx, Format, Reader};
use crate::import::canonical::Parsed;
use crate::import::lenient;
use crate::import::table::{Row, Table};
use crate::import::vocab::social::is_social;
use crate::import::ImportError;
use crate::model::TrafficRow;
use chrono::NaiveDate;

pub(super) const FORMATS: &[&Format] = &[&GA4];

/// Columns that split a report by where the visits came from, most specific first.
const SOURCE: &[&str] = &[
    "session source / medium",
    "session source",
    "first user source / medium",
    "first user source",
    "source / medium",
    "source",
];
const CHANNEL: &[&str] = &[
    "session default channel group",
    "session primary channel group (default channel group)",
    "first user default channel group",
    "first user primary channel group (default channel group)",
    "default channel group",
];

/// Metric names only GA4 writes (generic ones such as `Sessions` or `New users` do not count).
const GA4_METRICS: &[&str] = &[
    "total users",
    "active users",
    "returning users",
    "engaged sessions",
    "engagement rate",
    "engaged sessions per user",
    "events per session",
    "event count",
    "event count per user",
    "key events",
    "conversions",
    "average engagement time per session",
    "average engagement time",
    "average session duration",
    "views per session",
    "total revenue",
];

pub const GA4: Format = Format {
    name: "ga4/report",
    recognition: "a `Date` or `Session source / medium` / `Session source` / `Session default channel group` \
     column and two GA4 metrics (`Total users`, `Engaged sessions`, `Engagement rate`, `Event \
     count`, `Key events`, …; one if the `# Report CSV Export` preamble is there); only the \
     social rows of a report split by source or channel become traffic rows, and a site-wide \
     report (daily totals, no `Sessions`) gives none, with one warning",
    download: "Google Analytics → Reports → Acquisition → Traffic acquisition → Share this report → \
     Download file → Download CSV",
    undated_audience: false,
    reader: Reader::Table(|table, _file, _config| {
let dimension = table.column("date").is_some()
        || table.column_any(SOURCE).is_some()
        || table.column_any(CHANNEL).is_some();
    let metrics = GA4_METRICS
        .iter()
        .filter(|m| table.column(m).is_some())
        .count();
    let preamble = table
        .comments
        .iter()
        .any(|c| c.to_lowercase().contains("report csv export"));
    dimension && (metrics >= 2 || (metrics == 1 && preamble))
}, read),
};

/// `Start date: 20230708` and `End date: 20240304` from the preamble.
fn period(comments: &[String]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let find = |key: &str| {
        comments.iter().find_map(|c| {
            let (k, v) = c.split_once(':')?;
            let v = v.trim().trim_end_matches([';', ',', '\t', '"']);
            (k.trim().eq_ignore_ascii_case(key)).then(|| lenient::date(v))?
        })
    };
    (find("start date"), find("end date"))
}

/// The site-wide report's days, for the warning that it gives no traffic rows.
fn days_covered(table: &Table) -> String {
    let Some(col) = table.column("date") else {
        return String::new();
    };
    let dates: Vec<NaiveDate> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(col).and_then(lenient::date))
        .collect();
    match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!(" ({} days, {a} to {b})", dates.len()),
        _ => String::new(),
    }
}

/// The columns a traffic row is read from.
struct Columns {
    date: Option<usize>,
    source: Option<usize>,
    channel: Option<usize>,
    sessions: usize,
    users: Option<usize>,
    new_users: Option<usize>,
    bounce: Option<usize>,
    engagement: Option<usize>,
    seconds: Option<usize>,
    pages: Option<usize>,
    conversions: Option<usize>,
    revenue: Option<usize>,
}

impl Columns {
    /// A row's date, source and channel (empty where the column is absent).
    fn dims<'r>(&self, row: &'r Row) -> [&'r str; 3] {
        [self.date, self.source, self.channel].map(|i| cell(row, i).trim())
    }
}

fn read(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let source = table.column_any(SOURCE);
    let channel = table.column_any(CHANNEL);
    let sessions = table.column("sessions");
    if source.is_none() && channel.is_none() {
        let sessions = if sessions.is_none() {
            " and no `Sessions` column"
        } else {
            ""
        };
        ctx.warn(
            None,
            format!(
                "a site-wide report{} with no source or channel column{sessions}: visits from \
                 social cannot be counted, so it gives no traffic rows (download Reports → \
                 Acquisition → Traffic acquisition instead)",
                days_covered(table)
            ),
        );
        return Ok(Vec::new());
    }
    let Some(sessions) = sessions else {
        ctx.warn(
            None,
            "the report has no `Sessions` column, so it gives no traffic rows (add the Sessions \
             metric to the report before downloading it)",
        );
        return Ok(Vec::new());
    };
    let cols = Columns {
        date: table.column("date"),
        source,
        channel,
        sessions,
        users: table.column_any(&["total users", "users", "active users"]),
        new_users: table.column("new users"),
        bounce: table.column("bounce rate"),
        engagement: table.column("engagement rate"),
        seconds: table.column_any(&[
            "average session duration",
            "average engagement time per session",
            "average engagement time",
        ]),
        pages: table.column_any(&["views per session", "screen page views per session"]),
        conversions: table.column_any(&["key events", "conversions"]),
        revenue: table.column_any(&["total revenue", "purchase revenue", "revenue"]),
    };
    let fixed_date = match cols.date {
        Some(_) => None,
        None => {
            let (start, end) = period(&table.comments);
            let Some(start) = start else {
                return Err(ctx.error(
                    "the report has neither a `Date` column nor a `# Start date:` line, so its rows \
                     cannot be dated",
                ));
            };
            if let Some(end) = end.filter(|e| *e != start) {
                ctx.warn(None, traffic::period_warning(start, end, ""));
            }
            Some(start)
        }
    };
    let numbers = Numbers::new(table, |_| true);
    let rates = (
        numbers.in_percent(cols.bounce),
        numbers.in_percent(cols.engagement),
    );
    let rows = traffic::social_rows(
        table,
        ctx,
        |row| {
            cols.dims(row)
                .iter()
                .any(|d| crate::import::vocab::is_total(d))
        },
        "a social source or channel",
        |row| {
            let [_, source, channel] = cols.dims(row);
            (is_social(source) || is_social(channel))
                .then(|| traffic_row(row, &cols, &numbers, fixed_date, rates))
        },
    );
    Ok(vec![Parsed::Traffic(rows)])
}

/// A money cell without its currency sign (`$1,200.50`).
fn money(cell: &str) -> &str {
    cell.trim().trim_start_matches(['$', '€', '£', '₽', '¥'])
}

fn traffic_row(
    row: &Row,
    cols: &Columns,
    numbers: &Numbers,
    fixed_date: Option<NaiveDate>,
    (bounce_pct, engagement_pct): (bool, bool),
) -> Result<TrafficRow, String> {
    let raw = |i: usize| cell(row, Some(i));
    let num = |i: Option<usize>| numbers.num(row, i, money);
    let date = match (cols.date, fixed_date) {
        (Some(i), _) => lenient::date(raw(i))
            .ok_or_else(|| format!("`{}` is not a date", crate::import::cells::shorten(raw(i))))?,
        (None, Some(d)) => d,
        (None, None) => return Err("no date".into()),
    };
    let source = [cols.source, cols.channel]
        .into_iter()
        .flatten()
        .map(|i| raw(i).trim())
        .find(|s| !lenient::is_null(s))
        .unwrap_or_default()
        .to_string();
    let sessions = num(Some(cols.sessions))?.ok_or("the `Sessions` value is empty")?;
    let bounce = match cols.bounce {
        Some(_) => as_pct(num(cols.bounce)?, bounce_pct),
        None => as_pct(num(cols.engagement)?, engagement_pct).map(|e| 100.0 - e),
    };
    Ok(TrafficRow {
        date,
        source,
        sessions,
        users: num(cols.users)?,
        new_users: num(cols.new_users)?,
        bounce_rate_pct: bounce,
        avg_session_seconds: numbers.seconds(row, cols.seconds)?,
        pages_per_session: num(cols.pages)?,
        conversions: num(cols.conversions)?,
        leads: None,
        revenue: num(cols.revenue)?,
    })
}
