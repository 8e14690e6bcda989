//! X analytics (2024+): `account_overview_analytics.csv`, one row a day, newest first, and
//! `account_analytics_content_<from>_<to>.csv`, one row a post.

use super::PostCols;
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell, DayCols};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::stamps;
use crate::import::table::Table;
use crate::import::ImportError;

pub const ACCOUNT_OVERVIEW: Format = Format {
    name: "x/account-overview",
    recognition:
        "header with `Date`, `Impressions` and `New follows` or `Unfollows` (one row a day)",
    download: "x.com → More → Analytics → Overview → Export data (account_overview_analytics.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["date", "impressions"])
                && table.column_any(&["new follows", "unfollows"]).is_some()
                && table.column("post id").is_none()
        },
        read_account_overview,
    ),
};

fn read_account_overview(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let cols = DayCols::new(
        table,
        &[
            (&["impressions"], |r| &mut r.impressions),
            (&["new follows"], |r| &mut r.follows),
            (&["unfollows"], |r| &mut r.unfollows),
            (&["profile visits"], |r| &mut r.profile_visits),
        ],
    );
    let rows = cells::daily_counts(table, ctx, table.column("date"), &cols, Some)?;
    Ok(vec![Parsed::Daily(rows)])
}

pub const CONTENT: Format = Format {
    name: "x/content",
    recognition:
        "header with `Post id`, `Date`, `Impressions` and `Post Link` or `Post text` (one \
         row a post)",
    download: "x.com → More → Analytics → Content → Export data (account_analytics_content_….csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["post id", "date", "impressions"])
                && table.column_any(&["post link", "post text"]).is_some()
        },
        read_content,
    ),
};

fn read_content(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let id = table.column("post id");
    let date = table.column("date");
    let cols = PostCols::new(table, "post text", "post link", &["likes"], &["reposts"])
        .saves(table, &["bookmarks"]);
    let link = cols.link;
    let rows = cells::each(table, ctx, |row, ctx| {
        let Some(post_id) = super::post_id(cell(row, id), cell(row, link)) else {
            // X writes placeholder rows: no id, a link ending in `undefined`.
            let tail = cell(row, link).trim().rsplit('/').next().unwrap_or("");
            if cell(row, id).trim().is_empty() && matches!(tail, "" | "undefined") {
                return Ok(None);
            }
            return Err("the post id is not a number".into());
        };
        let raw = cell(row, date);
        let day = lenient::date(raw)
            .ok_or_else(|| format!("column `date`: `{}` is not a date", shorten(raw)))?;
        // The export gives the day only: the id gives the time.
        let at = stamps::day_with_id_time(day, super::snowflake_time(&post_id), ctx.tz);
        cols.post(row, post_id, at, None).map(Some)
    })?;
    Ok(vec![Parsed::Posts(rows)])
}
