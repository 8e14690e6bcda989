//! TikTok's follower snapshots: `FollowerGender.csv` and `FollowerTopTerritories.csv`
//! (`Distribution` as fractions 0–1), dated by the export.

use crate::import::canonical::Parsed;
use crate::import::platform::cells::{self, cell, Col};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::Table;
use crate::import::vocab;
use crate::import::vocab::countries;
use crate::import::ImportError;
use crate::model::{AudienceRow, Segment};

/// Labels of the rest (`Others`): left out, so the missing share counts as "other".
const REST: &[&str] = &[
    "others",
    "other",
    "khác",
    "andere",
    "autres",
    "otros",
    "outros",
    "lainnya",
    "другие",
    "άλλα",
];

/// A country: an ISO code or a name; TikTok writes codes, so any two letters are taken as one.
fn country(label: &str) -> Option<String> {
    let t = label.trim();
    if let Some(code) = countries::code(t) {
        return Some(code.to_string());
    }
    match t.to_ascii_uppercase().as_str() {
        "UK" => Some("GB".into()),
        c if c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => Some(c.into()),
        _ => None,
    }
}

fn snapshot(
    table: &Table,
    ctx: &mut Ctx,
    label_col: &[&str],
    dimension: &str,
    map: fn(&str) -> Option<String>,
) -> Result<Vec<Parsed>, ImportError> {
    let label = table.column_any(label_col);
    let share = Col::new(table, &["distribution"]);
    // Fractions (0.59) unless a value is above 1 or carries `%`.
    let values: Vec<f64> = table
        .rows
        .iter()
        .filter_map(|r| share.get(r).ok().flatten())
        .collect();
    let percent = values.iter().any(|v| *v > 1.0)
        || values.iter().sum::<f64>() > 1.05
        || table
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.trim_end().ends_with('%')));
    let scale = if percent { 1.0 } else { 100.0 };
    let mut unknown: Vec<String> = Vec::new();
    let date = ctx.export_date;
    let rows = cells::each(table, ctx, |row, _| {
        let text = cell(row, label).trim();
        let rest = dimension == "country" && REST.contains(&text.to_lowercase().as_str());
        if text.is_empty() || cells::is_total(text) || rest {
            return Ok(None);
        }
        let Some(value) = map(text) else {
            unknown.push(text.to_string());
            return Ok(None);
        };
        let Some(v) = share.count(row)? else {
            return Ok(None);
        };
        Ok(Some(AudienceRow {
            date,
            segment: Segment::Followers,
            dimension: dimension.to_string(),
            value,
            share_pct: Some(v * scale),
            count: None,
        }))
    })?;
    if !unknown.is_empty() {
        let names = cells::quoted(&unknown);
        ctx.warn(None, format!("unknown {dimension} values skipped: {names}"));
    }
    Ok(vec![Parsed::Audience(rows)])
}

pub const FOLLOWER_GENDER: Format = Format {
    name: "tiktok/follower-gender",
    recognition: "header with `Gender` and `Distribution` (fractions of followers)",
    download: "TikTok Studio → Analytics → Followers → Download data (FollowerGender.csv)",
    undated_audience: true,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["gender", "distribution"]),
        read_follower_gender,
    ),
};

fn read_follower_gender(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    snapshot(table, ctx, &["gender"], "gender", |l| {
        vocab::gender(l).map(str::to_string)
    })
}

pub const FOLLOWER_TERRITORIES: Format = Format {
    name: "tiktok/follower-territories",
    recognition:
        "header with `Top territories` and `Distribution` (country codes, fractions of followers)",
    download: "TikTok Studio → Analytics → Followers → Download data (FollowerTopTerritories.csv)",
    undated_audience: true,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["top territories", "distribution"]),
        read_follower_territories,
    ),
};

fn read_follower_territories(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    snapshot(table, ctx, &["top territories"], "country", country)
}
