//! TikTok's per-day files: `Overview.csv` (classic and 2025+), `Viewers.csv`,
//! `FollowerHistory.csv` and `FollowerActivity.csv` (export-formats.md, section 4).

use super::dates;
use crate::import::canonical::Parsed;
use crate::import::platform::cells::{self, cell, Col, DayCols};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::ImportError;
use crate::model::DailyRow;
use chrono::NaiveDate;

/// Columns only the 2025+ exports have.
const GROWTH: &[&str] = &[
    "new followers",
    "lost followers",
    "net growth",
    "total followers",
];

/// Read each row with its resolved date (the `Date` column, with or without a year).
fn each_day(
    table: &Table,
    ctx: &mut Ctx,
    mut f: impl FnMut(&Row, NaiveDate) -> Result<Option<DailyRow>, String>,
) -> Result<Vec<(u64, DailyRow)>, ImportError> {
    let date = table.column("date");
    let parsed: Vec<_> = table
        .rows
        .iter()
        .map(|r| dates::parse(cell(r, date)))
        .collect();
    let mut resolved = dates::resolve(&parsed, ctx.export_date).into_iter();
    let day_of = |_: &Row| resolved.next().flatten();
    // A day without any value adds nothing (a null is no value, never 0).
    cells::each_day(table, ctx, date, day_of, |row, day| {
        Ok(f(row, day)?.and_then(cells::non_empty))
    })
}

fn daily(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let cols = DayCols::new(
        table,
        &[
            (&["video views"], |r| &mut r.impressions),
            (&["reached audience"], |r| &mut r.reach),
            (&["profile views"], |r| &mut r.profile_visits),
            (&["new followers"], |r| &mut r.follows),
            (&["lost followers"], |r| &mut r.unfollows),
            (&["total followers"], |r| &mut r.followers),
            (&["website clicks"], |r| &mut r.website_clicks),
        ],
    );
    let net = Col::new(table, &["net growth"]);
    let mut disagree = 0;
    let rows = each_day(table, ctx, |row, date| {
        let r = cols.patch(row, date)?;
        if let (Some(n), Some(f), Some(u)) = (net.get(row).ok().flatten(), r.follows, r.unfollows) {
            disagree += usize::from(n != f - u);
        }
        Ok(Some(r))
    })?;
    if disagree > 0 {
        ctx.warn(None, format!("`Net growth` differs from `New followers` − `Lost followers` on {disagree} days; the gains and losses are used"));
    }
    let split = table
        .column_any(&["new followers", "lost followers"])
        .is_some();
    if net.given() && !split {
        ctx.warn(
            None,
            "`Net growth` alone is not used: it cannot be split into follows and unfollows",
        );
    }
    Ok(vec![Parsed::Daily(rows)])
}

pub const OVERVIEW: Format = Format {
    name: "tiktok/overview",
    recognition: "header with `Date`, `Video Views` and `Profile Views` (dates without a year)",
    download: "TikTok Studio → Analytics → Overview → Download data (Overview.csv in the ZIP)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["date", "video views", "profile views"])
                && table.column_any(GROWTH).is_none()
        },
        daily,
    ),
};

pub const OVERVIEW_2025: Format = Format {
    name: "tiktok/overview-2025",
    recognition: "header with `Date`, `New followers`/`Lost followers`/`Net growth`/`Total \
         followers` and `Video views` or `Reached audience`",
    download: "TikTok Studio (web) or Business Suite → Analytics → Overview or Followers → Export",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.column("date").is_some()
                && table.column_any(GROWTH).is_some()
                && table
                    .column_any(&[
                        "video views",
                        "reached audience",
                        "engaged audience",
                        "profile views",
                    ])
                    .is_some()
        },
        daily,
    ),
};

pub const VIEWERS: Format = Format {
    name: "tiktok/viewers",
    recognition: "header with `Date` and `Total Viewers` (unique viewers a day, read as reach)",
    download: "TikTok Studio → Analytics → Viewers → Download data (Viewers.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["date", "total viewers"]),
        read_viewers,
    ),
};

fn read_viewers(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let cols = DayCols::new(table, &[(&["total viewers"], |r| &mut r.reach)]);
    let rows = each_day(table, ctx, |row, date| cols.patch(row, date).map(Some))?;
    Ok(vec![Parsed::Daily(rows)])
}

const DIFFERENCE: &[&str] = &[
    "difference in followers from previous day",
    "difference in followers",
];

pub const FOLLOWER_HISTORY: Format = Format {
    name: "tiktok/follower-history",
    recognition: "header with `Date`, `Followers` and `Difference in followers from previous day`",
    download: "TikTok Studio → Analytics → Followers → Download data (FollowerHistory.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["date", "followers"]) && table.column_any(DIFFERENCE).is_some()
        },
        read_follower_history,
    ),
};

fn read_follower_history(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let cols = DayCols::new(table, &[(&["followers"], |r| &mut r.followers)]);
    let difference = Col::new(table, DIFFERENCE);
    let mut diffs = std::collections::HashMap::new();
    let rows = each_day(table, ctx, |row, date| {
        diffs.insert(row.line, difference.get(row).ok().flatten());
        cols.patch(row, date).map(Some)
    })?;
    // The column is net and its convention varies (D − D−1 here, D+1 − D elsewhere): it is
    // checked against the running totals and never used; follows/unfollows stay unknown.
    let (mut compared, mut disagree) = (0, 0);
    for w in rows.windows(2) {
        let ((_, a), (line, b)) = (&w[0], &w[1]);
        if a.date.succ_opt() != Some(b.date) {
            continue;
        }
        if let (Some(fa), Some(fb), Some(Some(diff))) = (a.followers, b.followers, diffs.get(line))
        {
            compared += 1;
            disagree += usize::from(fb - fa != *diff);
        }
    }
    if disagree > 0 {
        ctx.warn(None, format!("the column `Difference in followers from previous day` disagrees with the change in `Followers` on {disagree} of {compared} days; the changes are computed from the totals"));
    }
    // TikTok writes `undefined` for the days before it counted the followers.
    let followers = Col::new(table, &["followers"]);
    let undefined = table
        .rows
        .iter()
        .filter(|r| followers.raw(r).trim().eq_ignore_ascii_case("undefined"))
        .count();
    if undefined > 0 {
        let days = match undefined {
            1 => "1 day has".to_string(),
            n => format!("{n} days have"),
        };
        ctx.warn(
            None,
            format!(
                "{days} `undefined` followers (TikTok had not counted them yet): they give no \
                 follower count"
            ),
        );
    }
    Ok(vec![Parsed::Daily(rows)])
}

pub const FOLLOWER_ACTIVITY: Format = Format {
    name: "tiktok/follower-activity",
    recognition: "header with `Date`, `Hour` and `Active followers` (not used by the audit)",
    download: "TikTok Studio → Analytics → Followers → Download data (FollowerActivity.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["date", "hour", "active followers"]),
        read_follower_activity,
    ),
};

fn read_follower_activity(_table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    ctx.warn(
        None,
        "followers active by hour of day have no place in the audit; the file is not used",
    );
    Ok(Vec::new())
}
