//! Meta `Audience.csv` (export-formats.md section 3.4): stacked blocks, each under a one-field
//! title line: `Age & gender` (Women/Men by age bucket), `Top countries` and `Top cities`
//! (labels in one row, percents in the next; or, in the older layout, one label and value a
//! row), and sometimes other blocks (skipped) or an embedded daily series.

use super::blocks::{blocks, kind, title_of, Block, Kind};
use super::daily::{self, Metric};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient::{self, NumberStyle};
use crate::import::platform::dates;
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::vocab;
use crate::import::vocab::countries;
use crate::import::ImportError;
use crate::model::{AudienceRow, Segment};
use std::collections::BTreeMap;

/// Whether the table is an `Audience.csv`: a block titled like age and gender, top countries or
/// top cities.
fn is_audience(table: &Table) -> bool {
    let titled = |t: &str| {
        let t = t.to_lowercase();
        (t.contains("age") && t.contains("gender"))
            || t.contains("top countries")
            || t.contains("top cities")
            || t.contains("followers by")
    };
    table.title.as_deref().is_some_and(titled)
        || (table.headers.len() == 1 && titled(&table.headers[0]))
        || table
            .rows
            .iter()
            .take(400)
            .any(|r| title_of(r).is_some_and(titled))
}

pub const AUDIENCE: Format = Format {
    name: "meta/audience",
    recognition: "title lines `Age & gender`, `Top countries`, `Top cities` over stacked blocks \
         (`sep=,` preamble, UTF-16)",
    download: "Meta Business Suite → Insights → Audience → Export data (CSV)",
    undated_audience: true,
    reader: Reader::Table(
        |table, _file, _config| !table.has_all(&["date", "primary"]) && is_audience(table),
        read_audience,
    ),
};

fn read_audience(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let (all, delim) = blocks(table);
    let chosen = platform_filter(&all, ctx);
    let mut rows: Vec<(u64, AudienceRow)> = Vec::new();
    let mut days = Vec::new();
    let mut unknown_blocks = Vec::new();
    let mut unknown_countries = Vec::new();
    for b in all.iter().filter(|b| chosen(b)) {
        let segment = segment(&b.title);
        match kind(&b.title) {
            Kind::AgeGender => age_gender(b, delim, segment, ctx, &mut rows),
            k @ (Kind::Countries | Kind::Cities) => {
                for (line, label, share) in list(b, delim, ctx) {
                    let from_header = b.header_first && line == table.header_line;
                    let label = if from_header {
                        dates::title_case(&label)
                    } else {
                        label
                    };
                    let (dimension, value) = if k == Kind::Countries {
                        match countries::code(&label) {
                            Some(c) => ("country", c.to_string()),
                            None => {
                                unknown_countries.push(label);
                                continue;
                            }
                        }
                    } else {
                        ("city", label)
                    };
                    rows.push((line, row(ctx, segment, dimension, value, share)));
                }
            }
            Kind::Other => match daily_block(b, table, ctx) {
                Some(d) => days.extend(d),
                None if !b.title.is_empty() => unknown_blocks.push(b.title.clone()),
                None => {}
            },
        }
    }
    if !unknown_countries.is_empty() {
        ctx.warn(
            None,
            format!(
                "unknown countries skipped: {}",
                dates::list(&unknown_countries)
            ),
        );
    }
    if !unknown_blocks.is_empty() {
        ctx.warn(
            None,
            format!("blocks not used: {}", dates::list(&unknown_blocks)),
        );
    }
    if rows.is_empty() && days.is_empty() {
        return Err(
            ctx.error("no block of this Meta audience file gives age, gender, countries or cities")
        );
    }
    let mut out = vec![Parsed::Audience(rows)];
    if !days.is_empty() {
        out.push(Parsed::Daily(days));
    }
    Ok(out)
}

/// Where titles name both Facebook and Instagram (the older layout), keep the account's
/// platform's blocks (else the first platform named), with one warning.
fn platform_filter(all: &[Block], ctx: &mut Ctx) -> impl Fn(&Block) -> bool {
    let tag = |t: &str| {
        let t = t.to_lowercase();
        if t.contains("facebook") {
            Some("facebook")
        } else if t.contains("instagram") {
            Some("instagram")
        } else {
            None
        }
    };
    let named: Vec<&str> = all.iter().filter_map(|b| tag(&b.title)).collect();
    let mut keep: Option<&'static str> = None;
    if named.iter().any(|p| *p != named[0]) {
        let account = ctx
            .config
            .account
            .platform
            .clone()
            .unwrap_or_default()
            .to_lowercase();
        let pick = if account.contains("instagram") {
            "instagram"
        } else if account.contains("facebook") {
            "facebook"
        } else {
            named[0]
        };
        ctx.warn(
            None,
            format!("the file describes Facebook and Instagram; only the {pick} blocks are used"),
        );
        keep = Some(if pick == "instagram" {
            "instagram"
        } else {
            "facebook"
        });
    }
    move |b: &Block| keep.is_none() || tag(&b.title).is_none_or(|t| Some(t) == keep)
}

fn segment(title: &str) -> Segment {
    let t = title.to_lowercase();
    if t.contains("new follow") {
        Segment::NewFollowers
    } else if t.contains("reach") {
        Segment::Reached
    } else {
        Segment::Followers
    }
}

fn row(ctx: &Ctx, segment: Segment, dimension: &str, value: String, share: f64) -> AudienceRow {
    AudienceRow {
        date: ctx.export_date,
        segment,
        dimension: dimension.to_string(),
        value,
        share_pct: Some(share),
        count: None,
    }
}

fn style(rows: &[&Row], delim: u8, skip_first_cell: bool) -> NumberStyle {
    let cells = rows
        .iter()
        .flat_map(|r| r.cells.iter().skip(usize::from(skip_first_cell)));
    lenient::decide(cells, delim)
}

/// `Age & gender`: a header (``, `Women`, `Men`), then a bucket and its shares a row.
fn age_gender(
    b: &Block,
    delim: u8,
    segment: Segment,
    ctx: &mut Ctx,
    out: &mut Vec<(u64, AudienceRow)>,
) {
    let Some((header, body)) = b.rows.split_first() else {
        return;
    };
    let genders: Vec<Option<&str>> = header
        .cells
        .iter()
        .skip(1)
        .map(|h| vocab::gender(h))
        .collect();
    let body: Vec<&Row> = body.iter().collect();
    let style = style(&body, delim, true);
    let mut by_gender: BTreeMap<&str, f64> = BTreeMap::new();
    for r in body {
        let label = r.cells.get(0).map_or("", |s| s.trim());
        if vocab::is_total(label) {
            continue;
        }
        let Some(bucket) = vocab::age_bucket(label) else {
            ctx.warn(
                Some(r.line),
                format!("row skipped: `{}` is not an age bucket", shorten(label)),
            );
            continue;
        };
        let mut sum = None;
        for (i, g) in genders.iter().enumerate() {
            let cell = r.cells.get(i + 1).unwrap_or("");
            match lenient::number(cell, style) {
                Ok(Some(v)) => {
                    sum = Some(sum.unwrap_or(0.0) + v);
                    if let Some(g) = g {
                        *by_gender.entry(g).or_default() += v;
                    }
                }
                Ok(None) => {}
                Err(e) => ctx.warn(Some(r.line), format!("value ignored: {e}")),
            }
        }
        if let Some(s) = sum {
            out.push((r.line, row(ctx, segment, "age", bucket.to_string(), s)));
        }
    }
    for (g, share) in by_gender {
        out.push((
            header.line,
            row(ctx, segment, "gender", g.to_string(), share),
        ));
    }
}

/// A list block: labels in one row and shares in the next (current layout), or one label and
/// share a row under a `Top countries`/`Value` header (older layout).
fn list(b: &Block, delim: u8, ctx: &mut Ctx) -> Vec<(u64, String, f64)> {
    let rows: Vec<&Row> = b.rows.iter().collect();
    let numeric =
        |c: &str| lenient::is_null(c) || lenient::number(c, NumberStyle::default()).is_ok();
    let all_numeric = |r: &Row| r.cells.iter().all(&numeric);
    let horizontal = rows.len() >= 2
        && all_numeric(rows[1])
        && !rows[0]
            .cells
            .iter()
            .any(|c| !c.trim().is_empty() && numeric(c));
    let mut out = Vec::new();
    if horizontal {
        let style = style(&rows[1..], delim, false);
        for pair in rows.chunks(2) {
            let [labels, values] = pair else { break };
            for (label, cell) in labels.cells.iter().zip(&values.cells) {
                match lenient::number(cell, style) {
                    Ok(Some(v)) if !label.trim().is_empty() => {
                        out.push((labels.line, label.trim().to_string(), v))
                    }
                    Ok(_) => {}
                    Err(e) => ctx.warn(Some(values.line), format!("value ignored: {e}")),
                }
            }
        }
        return out;
    }
    let style = style(&rows, delim, true);
    for (i, r) in rows.iter().enumerate() {
        let label = r.cells.get(0).map_or("", |s| s.trim());
        let cell = r.cells.get(1).unwrap_or("");
        if vocab::is_total(label) || label.is_empty() {
            continue;
        }
        match lenient::number(cell, style) {
            Ok(Some(v)) => out.push((r.line, label.to_string(), v)),
            Ok(None) => {}
            Err(_) if i == 0 => {} // the block's own header (`Top countries`, `Value`)
            Err(e) => ctx.warn(Some(r.line), format!("row skipped: {e}")),
        }
    }
    out
}

/// A block holding a daily series (`Follows` over `Date`, `Primary`).
fn daily_block(
    b: &Block,
    table: &Table,
    ctx: &mut Ctx,
) -> Option<Vec<(u64, crate::model::DailyRow)>> {
    let (header, body) = b.rows.split_first()?;
    let names: Vec<String> = header
        .cells
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect();
    let date = names.iter().position(|n| n == "date")?;
    let value = names.iter().position(|n| n == "primary")?;
    let metric = Metric::from_name(&b.title).filter(|m| !matches!(m, Metric::Unused(_)))?;
    let body: Vec<&Row> = body.iter().collect();
    Some(daily::read_days(
        table,
        &body,
        Some(date),
        Some(value),
        metric,
        ctx,
    ))
}
