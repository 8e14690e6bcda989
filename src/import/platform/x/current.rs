//! X analytics (2024+): `account_overview_analytics.csv`, one row a day, newest first, and
//! `account_analytics_content_<from>_<to>.csv`, one row a post.

use super::cols::{self, cell, NumCol};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::{Ctx, PlatformImporter};
use crate::import::table::Table;
use crate::import::ImportError;
use crate::model::{AuditConfig, DailyRow, Post, PostType};

pub struct AccountOverview;

impl PlatformImporter for AccountOverview {
    fn format(&self) -> &'static str {
        "x/account-overview"
    }

    fn recognition(&self) -> &'static str {
        "header with `Date`, `Impressions` and `New follows` or `Unfollows` (one row a day)"
    }

    fn download(&self) -> &'static str {
        "x.com → More → Analytics → Overview → Export data (account_overview_analytics.csv)"
    }

    fn matches_table(&self, table: &Table, _file: &str, _config: &AuditConfig) -> bool {
        table.has_all(&["date", "impressions"])
            && table.column_any(&["new follows", "unfollows"]).is_some()
            && table.column("post id").is_none()
    }

    fn read_table(&self, table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        let date = table.column("date");
        let impressions = NumCol::new(table, &["impressions"]);
        let follows = NumCol::new(table, &["new follows"]);
        let unfollows = NumCol::new(table, &["unfollows"]);
        let visits = NumCol::new(table, &["profile visits"]);
        let rows = cols::each(table, ctx, |row, _| {
            let raw = cell(row, date);
            if cols::is_total(raw) {
                return Ok(None);
            }
            let day = lenient::date(raw)
                .ok_or_else(|| format!("column `date`: `{}` is not a date", shorten(raw)))?;
            Ok(Some(DailyRow {
                date: day,
                impressions: impressions.count(row)?,
                follows: follows.count(row)?,
                unfollows: unfollows.count(row)?,
                profile_visits: visits.count(row)?,
                ..DailyRow::default()
            }))
        })?;
        Ok(vec![Parsed::Daily(rows)])
    }
}

pub struct Content;

impl PlatformImporter for Content {
    fn format(&self) -> &'static str {
        "x/content"
    }

    fn recognition(&self) -> &'static str {
        "header with `Post id`, `Date`, `Impressions` and `Post Link` or `Post text` (one row a post)"
    }

    fn download(&self) -> &'static str {
        "x.com → More → Analytics → Content → Export data (account_analytics_content_….csv)"
    }

    fn matches_table(&self, table: &Table, _file: &str, _config: &AuditConfig) -> bool {
        table.has_all(&["post id", "date", "impressions"])
            && table.column_any(&["post link", "post text"]).is_some()
    }

    fn read_table(&self, table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        let id = table.column("post id");
        let date = table.column("date");
        let text = table.column("post text");
        let link = table.column("post link");
        let impressions = NumCol::new(table, &["impressions"]);
        let likes = NumCol::new(table, &["likes"]);
        let replies = NumCol::new(table, &["replies"]);
        let reposts = NumCol::new(table, &["reposts"]);
        let bookmarks = NumCol::new(table, &["bookmarks"]);
        let clicks = NumCol::new(table, &["url clicks"]);
        let rows = cols::each(table, ctx, |row, ctx| {
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
            let (published_at, date) =
                cols::day_with_id_time(day, super::snowflake_time(&post_id), ctx.tz);
            Ok(Some(Post {
                id: post_id,
                published_at,
                date,
                kind: PostType::Text,
                caption: cell(row, text).to_string(),
                permalink: cell(row, link).trim().to_string(),
                reach: None,
                impressions: impressions.count(row)?,
                likes: likes.field(row)?,
                comments: replies.field(row)?,
                shares: reposts.field(row)?,
                saves: bookmarks.field(row)?,
                clicks: clicks.count(row)?,
                paid: None,
            }))
        })?;
        Ok(vec![Parsed::Posts(rows)])
    }
}
