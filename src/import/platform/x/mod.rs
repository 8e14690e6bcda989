//! X (Twitter) analytics: the legacy tweet activity and daily exports of analytics.twitter.com
//! and the 2024+ account overview and content exports (export-formats.md, section 1).

mod current;
mod legacy;

use super::cells::{cell, Col, PostNumbers, Posted};
use super::Format;
use crate::import::stamps;
use crate::import::table::{Row, Table};
use crate::model::{Post, PostType};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

pub(super) const FORMATS: &[&Format] = &[
    &legacy::TWEET_ACTIVITY,
    &legacy::DAILY_ACTIVITY,
    &current::ACCOUNT_OVERVIEW,
    &current::CONTENT,
];

/// The creation time a post id (a snowflake) encodes, to the second: milliseconds since X's
/// epoch in the bits above the 22 low ones.
fn snowflake_time(id: &str) -> Option<NaiveDateTime> {
    let ms = (id.parse::<u64>().ok()? >> 22) as i64 + 1_288_834_974_657;
    stamps::epoch(ms / 1000)
}

/// A post's id: the id cell when it is all digits, else the number at the end of the link
/// (Excel turns long ids into `1.09112E+18`).
fn post_id(id: &str, link: &str) -> Option<String> {
    stamps::digits(id).or_else(|| stamps::numeric_tail(link))
}

/// The columns of a post that both post exports give (the legacy `Tweet …` one and the 2024+
/// `Post …` one), under their names in either.
struct PostCols {
    text: Option<usize>,
    link: Option<usize>,
    numbers: PostNumbers,
}

impl PostCols {
    fn new(table: &Table, text: &str, link: &str, likes: &[&str], shares: &[&str]) -> PostCols {
        PostCols {
            text: table.column(text),
            link: table.column(link),
            numbers: PostNumbers {
                impressions: Col::new(table, &["impressions"]),
                likes: Col::new(table, likes),
                comments: Col::new(table, &["replies"]),
                shares: Col::new(table, shares),
                clicks: Col::new(table, &["url clicks"]),
                ..PostNumbers::none()
            },
        }
    }

    /// With a saves column (the 2024+ `Bookmarks`).
    fn saves(mut self, table: &Table, names: &[&str]) -> PostCols {
        self.numbers.saves = Col::new(table, names);
        self
    }

    /// A row's post, given its id, its time and date, and whether it was promoted.
    fn post(
        &self,
        row: &Row,
        id: String,
        at: (DateTime<FixedOffset>, NaiveDate),
        paid: Option<bool>,
    ) -> Result<Post, String> {
        let posted = Posted {
            id,
            at,
            kind: PostType::Text,
            caption: cell(row, self.text).to_string(),
            permalink: cell(row, self.link).trim().to_string(),
            paid,
        };
        self.numbers.post(row, posted)
    }
}
