//! X (Twitter) analytics: the legacy tweet activity and daily exports of analytics.twitter.com
//! and the 2024+ account overview and content exports (export-formats.md, section 1).

pub(super) mod cols;
mod current;
mod legacy;
#[cfg(test)]
mod tests;

use super::PlatformImporter;
use chrono::NaiveDateTime;

pub fn importers() -> Vec<&'static dyn PlatformImporter> {
    vec![
        &legacy::TweetActivity,
        &legacy::DailyActivity,
        &current::AccountOverview,
        &current::Content,
    ]
}

/// The creation time a post id (a snowflake) encodes, to the second: milliseconds since X's
/// epoch in the bits above the 22 low ones.
fn snowflake_time(id: &str) -> Option<NaiveDateTime> {
    let ms = (id.parse::<u64>().ok()? >> 22) as i64 + 1_288_834_974_657;
    cols::epoch(ms / 1000)
}

/// A post's id: the id cell when it is all digits, else the number at the end of the link
/// (Excel turns long ids into `1.09112E+18`).
fn post_id(id: &str, link: &str) -> Option<String> {
    cols::digits(id).or_else(|| cols::numeric_tail(link))
}
