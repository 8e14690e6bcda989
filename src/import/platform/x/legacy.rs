//! analytics.twitter.com (before 2024): `tweet_activity_metrics_*.csv`, one row a tweet, and
//! `daily_tweet_activity_metrics_*.csv`, one row a day.

use super::PostCols;
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell, Col, DayCols};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::stamps;
use crate::import::table::Table;
use crate::import::ImportError;

pub const TWEET_ACTIVITY: Format = Format {
    name: "x/tweet-activity",
    recognition:
        "header with `Tweet id`, `time` and `impressions` (legacy tweet activity, one row a tweet)",
    download: "analytics.twitter.com → Tweets → Export data → By Tweet (legacy, before 2024)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["tweet id", "time", "impressions"]),
        read_tweet_activity,
    ),
};

fn read_tweet_activity(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let id = table.column("tweet id");
    let time = table.column("time");
    let likes = &["likes", "favorites"];
    let cols = PostCols::new(table, "tweet text", "tweet permalink", likes, &["retweets"]);
    let link = cols.link;
    let promoted = Col::new(table, &["promoted impressions"]);
    let mut promoted_tweets = 0;
    let rows = cells::each(table, ctx, |row, ctx| {
        if cells::is_total(cell(row, id)) {
            return Ok(None);
        }
        let post_id = super::post_id(cell(row, id), cell(row, link))
            .ok_or("the tweet id is empty or not a number")?;
        let raw_time = cell(row, time);
        // Always UTC (`+0000`); an Excel re-save that dropped the offset is still UTC.
        let (naive, _) = lenient::datetime(raw_time)
            .ok_or_else(|| format!("column `time`: `{}` is not a time", shorten(raw_time)))?;
        let at = stamps::from_utc(naive, ctx.tz);
        // `-` means the tweet was not promoted.
        let paid = match promoted.count(row)? {
            Some(v) if v > 0.0 => {
                promoted_tweets += 1;
                Some(true)
            }
            _ if promoted.given() => Some(false),
            _ => None,
        };
        cols.post(row, post_id, at, paid).map(Some)
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

pub const DAILY_ACTIVITY: Format = Format {
    name: "x/daily-tweet-activity",
    recognition:
        "header with `Date`, `Tweets published` and `impressions` (legacy daily tweet activity)",
    download: "analytics.twitter.com → Tweets → Export data → By day (legacy, before 2024)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["date", "tweets published", "impressions"]),
        read_daily_activity,
    ),
};

fn read_daily_activity(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let cols = DayCols::new(
        table,
        &[
            (&["impressions"], |r| &mut r.impressions),
            (&["follows"], |r| &mut r.follows),
        ],
    );
    let rows = cells::daily_counts(table, ctx, table.column("date"), &cols, Some)?;
    Ok(vec![Parsed::Daily(rows)])
}
