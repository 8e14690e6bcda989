//! Legacy Facebook Insights, page level: `Facebook Insights Data Export - <Page> - <dates>.csv`.
//! One row a day, thousands of columns matched by name; likes by country, city and
//! gender-age come as column-name suffixes and give the audience of the last day.

use super::{breakdown, pick_any, split_description};
use crate::import::canonical::Parsed;
use crate::import::platform::cells::{Col, DayCols};
use crate::import::platform::dates;
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::vocab;
use crate::import::vocab::countries;
use crate::import::ImportError;
use crate::model::{AudienceRow, DailyRow, Segment};
use chrono::NaiveDate;
use std::collections::BTreeMap;

const COUNTRY: &str = "lifetime likes by country - ";
const CITY: &str = "lifetime likes by city - ";
const GENDER_AGE: &str = "lifetime likes by gender and age - ";

pub const PAGE: Format = Format {
    name: "facebook-legacy/page",
    recognition: "a header with `Date` and `Lifetime Total Likes`, `Daily New Likes` or `Daily \
         Total Reach` (a description row under it)",
    download: "Facebook Page → Insights → Export Data → Page data (CSV), before Meta Business \
         Suite",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.column("date").is_some()
                && table
                    .column_any(&[
                        "lifetime total likes",
                        "daily new likes",
                        "daily total reach",
                        "lifetime total follows",
                    ])
                    .is_some()
        },
        read_page,
    ),
};

fn read_page(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let (rows, desc) = split_description(table);
    let col = |names: &[&str]| Col::at(table, &rows, pick_any(table, desc, names));
    let date = col(&["date"]);
    let fields = DayCols::of(vec![
        (
            col(&["lifetime total likes", "lifetime total follows"]),
            |r| &mut r.followers,
        ),
        (col(&["daily new likes", "daily new follows"]), |r| {
            &mut r.follows
        }),
        (col(&["daily unlikes", "daily unfollows"]), |r| {
            &mut r.unfollows
        }),
        (col(&["daily total reach"]), |r| &mut r.reach),
        (col(&["daily paid reach"]), |r| &mut r.reach_paid),
        (col(&["daily organic reach"]), |r| &mut r.reach_organic),
        (col(&["daily total impressions"]), |r| &mut r.impressions),
        (col(&["daily logged-in page views"]), |r| {
            &mut r.profile_visits
        }),
        (
            col(&["daily page consumptions by type - link clicks"]),
            |r| &mut r.website_clicks,
        ),
    ]);
    let mut days: Vec<(u64, DailyRow)> = Vec::new();
    let mut dated: Vec<(NaiveDate, &Row)> = Vec::new();
    for (row, d) in dates::dated(&rows, &date, ctx) {
        match fields.patch(row, d) {
            Ok(day) => {
                dated.push((d, row));
                days.push((row.line, day));
            }
            Err(why) => ctx.warn(Some(row.line), format!("row skipped: {why}")),
        }
    }
    if days.is_empty() && !rows.is_empty() {
        return Err(ctx.error("no row of this Facebook page export has a readable date"));
    }
    let total = col(&["lifetime total likes", "lifetime total follows"]);
    let audience = audience(table, &rows, &dated, &total, ctx);
    let mut out = vec![Parsed::Daily(days)];
    if !audience.is_empty() {
        out.push(Parsed::Audience(audience));
    }
    Ok(out)
}

/// The audience of the last day that has each breakdown: likes by country, city and
/// gender-age, as counts and as shares of `Lifetime Total Likes` that day.
fn audience(
    table: &Table,
    rows: &[&Row],
    dated: &[(NaiveDate, &Row)],
    total: &Col,
    ctx: &mut Ctx,
) -> Vec<(u64, AudienceRow)> {
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for prefix in [COUNTRY, CITY, GENDER_AGE] {
        let cols = breakdown(table, rows, prefix);
        let last = dated
            .iter()
            .filter(|(_, r)| cols.iter().any(|(_, c)| matches!(c.count(r), Ok(Some(_)))))
            .max_by_key(|(d, r)| (*d, r.line));
        let Some((date, row)) = last else { continue };
        let total = total.count(row).ok().flatten().filter(|t| *t > 0.0);
        let mut counts: BTreeMap<(&str, String), f64> = BTreeMap::new();
        for (key, c) in &cols {
            let Ok(Some(v)) = c.count(row) else { continue };
            let mut add =
                |dim: &'static str, value: String| *counts.entry((dim, value)).or_default() += v;
            match prefix {
                COUNTRY => match countries::code(key)
                    .map(str::to_string)
                    .or_else(|| iso(key))
                {
                    Some(code) => add("country", code),
                    None => unknown.push(key.clone()),
                },
                CITY => add("city", dates::title_case(key)),
                _ => {
                    let (g, age) = key.split_once('.').unwrap_or(("", key));
                    match (vocab::gender(g), vocab::age_bucket(age)) {
                        (Some(g), Some(a)) => {
                            add("gender", g.to_string());
                            add("age", a.to_string());
                        }
                        _ => unknown.push(key.clone()),
                    }
                }
            }
        }
        for ((dimension, value), count) in counts {
            out.push((
                row.line,
                AudienceRow {
                    date: *date,
                    segment: Segment::Followers,
                    dimension: dimension.to_string(),
                    value,
                    share_pct: total.map(|t| count / t * 100.0),
                    count: Some(count),
                },
            ));
        }
    }
    if !unknown.is_empty() {
        ctx.warn(
            None,
            format!("unknown breakdowns skipped: {}", dates::list(&unknown)),
        );
    }
    out
}

/// A two-letter code the country table does not list, taken as ISO 3166-1 as Facebook wrote it.
fn iso(key: &str) -> Option<String> {
    (key.len() == 2 && key.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| key.to_ascii_uppercase())
}
