//! `Totals.csv` (`Date,<metrics>`: the channel's total per time bucket) and `Chart data.csv`
//! (`Date,Content,…,<metric>`: one row per bucket and video).
//!
//! Only daily buckets are used. `Views` → impressions; `Subscribers gained`/`Subscribers lost`
//! → follows/unfollows. `Subscribers` alone is the net change of a day: it fits neither gross
//! field nor the running total, so it is not used (one warning says so).

use super::{dated, is_metric, CONTENT, VIEWS};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell, Col, DayCols};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::Table;
use crate::import::ImportError;

/// What the time buckets are, when they are not days: `years` or `months`.
fn coarse_buckets(table: &Table) -> Option<(&'static str, Vec<String>)> {
    let firsts: Vec<&str> = table
        .rows
        .iter()
        .map(|r| cell(r, Some(0)).trim())
        .filter(|c| !lenient::is_null(c) && !cells::is_total(c))
        .collect();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let kind = if !firsts.is_empty() && firsts.iter().all(|c| c.len() == 4 && digits(c)) {
        "years"
    } else if !firsts.is_empty()
        && firsts
            .iter()
            .all(|c| c.len() == 7 && c.as_bytes()[4] == b'-' && digits(&c[..4]) && digits(&c[5..]))
    {
        "months"
    } else {
        return None;
    };
    let mut shown: Vec<String> = firsts.iter().take(3).map(|s| s.to_string()).collect();
    if firsts.len() > 3 {
        shown.push("…".into());
    }
    Some((kind, shown))
}

fn coarse_warning(ctx: &mut Ctx, kind: &str, shown: &[String]) {
    let per = if kind == "years" {
        "a yearly"
    } else {
        "a monthly"
    };
    ctx.warn(
        None,
        format!(
            "the `Date` column holds {kind} ({}): {per} total is not used; export the daily view for per-day numbers",
            shown.join(", ")
        ),
    );
}

pub const TOTALS: Format = Format {
    name: "youtube/totals",
    recognition: "first column `Date`, every other column a YouTube Studio metric (`Views`, \
         `Subscribers`, `… (%)` …)",
    download: "YouTube Studio → Analytics → Advanced mode → Export current view → CSV (Totals.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| dated(table) && table.headers[1..].iter().all(|h| is_metric(h)),
        read_totals,
    ),
};

fn read_totals(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    if let Some((kind, shown)) = coarse_buckets(table) {
        coarse_warning(ctx, kind, &shown);
        return Ok(Vec::new());
    }
    let views = Col::new(table, VIEWS);
    let gained = Col::new(table, &["subscribers gained"]);
    let lost = Col::new(table, &["subscribers lost"]);
    let net = table.column_any(&["subscribers", "подписчики"]).is_some();
    if net && !gained.given() && !lost.given() {
        ctx.warn(None, "`Subscribers` is the net change of a day (gained − lost): it is neither follows, unfollows nor a follower count, so it is not used");
    }
    if !views.given() && !gained.given() && !lost.given() {
        let names = cells::quoted(table.headers[1..].iter().map(|h| shorten(h)));
        ctx.warn(
            None,
            format!("the metrics {names} have no place in the audit; the file is not used"),
        );
        return Ok(Vec::new());
    }
    let cols = DayCols::of(vec![
        (views, |r| &mut r.impressions),
        (gained, |r| &mut r.follows),
        (lost, |r| &mut r.unfollows),
    ]);
    let rows = cells::daily_counts(table, ctx, Some(0), &cols, cells::non_empty)?;
    Ok(vec![Parsed::Daily(rows)])
}

pub const CHART_DATA: Format = Format {
    name: "youtube/chart-data",
    recognition: "first column `Date` and a `Content` column (per video per time bucket; not used)",
    download:
        "YouTube Studio → Analytics → Advanced mode → Export current view → CSV (Chart data.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| dated(table) && table.column_any(CONTENT).is_some(),
        read_chart_data,
    ),
};

fn read_chart_data(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    match coarse_buckets(table) {
        Some((kind, shown)) => coarse_warning(ctx, kind, &shown),
        None => ctx.warn(None, "per-video chart rows are not used: the channel's daily totals come from Totals.csv and each video's totals from Table data.csv"),
    }
    Ok(Vec::new())
}
