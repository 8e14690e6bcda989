//! analytics.twitter.com (before 2024): `tweet_activity_metrics_*.csv`, one row a tweet, and
//! `daily_tweet_activity_metrics_*.csv`, one row a day.

use super::cols::{self, cell, NumCol};
use crate::import::canonical::Parsed;
use crate::import::lenient;
use crate::import::platform::{Ctx, PlatformImporter};
use crate::import::table::Table;
use crate::import::ImportError;
use crate::model::{AuditConfig, DailyRow, Field, Post, PostType};

pub struct TweetActivity;

impl PlatformImporter for TweetActivity {
    fn format(&self) -> &'static str {
        "x/tweet-activity"
    }

    fn recognition(&self) -> &'static str {
        "header with `Tweet id`, `time` and `impressions` (legacy tweet activity, one row a tweet)"
    }

    fn download(&self) -> &'static str {
        "analytics.twitter.com → Tweets → Export data → By Tweet (legacy, before 2024)"
    }

    fn matches_table(&self, table: &Table, _file: &str, _config: &AuditConfig) -> bool {
        table.has_all(&["tweet id", "time", "impressions"])
    }

    fn read_table(&self, table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        let id = table.column("tweet id");
        let link = table.column("tweet permalink");
        let text = table.column("tweet text");
        let time = table.column("time");
        let impressions = NumCol::new(table, &["impressions"]);
        let likes = NumCol::new(table, &["likes", "favorites"]);
        let replies = NumCol::new(table, &["replies"]);
        let retweets = NumCol::new(table, &["retweets"]);
        let clicks = NumCol::new(table, &["url clicks"]);
        let promoted = NumCol::new(table, &["promoted impressions"]);
        let mut promoted_tweets = 0;
        let rows = cols::each(table, ctx, |row, ctx| {
            if cols::is_total(cell(row, id)) {
                return Ok(None);
            }
            let post_id = super::post_id(cell(row, id), cell(row, link))
                .ok_or("the tweet id is empty or not a number")?;
            let raw_time = cell(row, time);
            // Always UTC (`+0000`); an Excel re-save that dropped the offset is still UTC.
            let (naive, _) = lenient::datetime(raw_time).ok_or_else(|| {
                format!(
                    "column `time`: `{}` is not a time",
                    crate::import::cells::shorten(raw_time)
                )
            })?;
            let (published_at, date) = cols::from_utc(naive, ctx.tz);
            // `-` means the tweet was not promoted.
            let paid = match promoted.count(row)? {
                Some(v) if v > 0.0 => {
                    promoted_tweets += 1;
                    Some(true)
                }
                _ if promoted.given() => Some(false),
                _ => None,
            };
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
                shares: retweets.field(row)?,
                saves: Field::NotGiven,
                clicks: clicks.count(row)?,
                paid,
            }))
        })?;
        if promoted_tweets > 0 {
            ctx.warn(
                None,
                format!(
                    "{promoted_tweets} promoted tweets: their `promoted …` columns are not added to the organic counts"
                ),
            );
        }
        Ok(vec![Parsed::Posts(rows)])
    }
}

pub struct DailyActivity;

impl PlatformImporter for DailyActivity {
    fn format(&self) -> &'static str {
        "x/daily-tweet-activity"
    }

    fn recognition(&self) -> &'static str {
        "header with `Date`, `Tweets published` and `impressions` (legacy daily tweet activity)"
    }

    fn download(&self) -> &'static str {
        "analytics.twitter.com → Tweets → Export data → By day (legacy, before 2024)"
    }

    fn matches_table(&self, table: &Table, _file: &str, _config: &AuditConfig) -> bool {
        table.has_all(&["date", "tweets published", "impressions"])
    }

    fn read_table(&self, table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        let date = table.column("date");
        let impressions = NumCol::new(table, &["impressions"]);
        let follows = NumCol::new(table, &["follows"]);
        let rows = cols::each(table, ctx, |row, _| {
            let raw = cell(row, date);
            if cols::is_total(raw) {
                return Ok(None);
            }
            let day = lenient::date(raw).ok_or_else(|| {
                format!(
                    "column `date`: `{}` is not a date",
                    crate::import::cells::shorten(raw)
                )
            })?;
            Ok(Some(DailyRow {
                date: day,
                impressions: impressions.count(row)?,
                follows: follows.count(row)?,
                ..DailyRow::default()
            }))
        })?;
        Ok(vec![Parsed::Daily(rows)])
    }
}
