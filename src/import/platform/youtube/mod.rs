//! YouTube Studio: Analytics → Advanced mode → Export current view gives a ZIP with
//! `Table data.csv`, `Chart data.csv` and `Totals.csv` (export-formats.md, section 5). The
//! headers follow the Studio's language (English and Russian here) and the user's choice of
//! metrics, so columns are found by name.

mod table_data;
mod totals;

use super::Format;
use crate::import::table::Table;

pub(super) const FORMATS: &[&Format] = &[
    &table_data::TABLE_DATA,
    &totals::CHART_DATA,
    &totals::TOTALS,
];

const CONTENT: &[&str] = &["content", "контент"];
const TITLE: &[&str] = &["video title", "название видео"];
const PUBLISHED: &[&str] = &["video publish time", "время публикации видео"];
const DATE: &[&str] = &["date", "дата"];
const VIEWS: &[&str] = &["views", "просмотры"];

/// Metric columns YouTube Studio writes (a file whose other columns are all of these, after a
/// first `Date` column, is a YouTube chart export).
const METRICS: &[&str] = &[
    "views",
    "watch time (hours)",
    "subscribers",
    "subscribers gained",
    "subscribers lost",
    "impressions",
    "average view duration",
    "unique viewers",
    "new viewers",
    "returning viewers",
    "casual viewers",
    "regular viewers",
    "average views per viewer",
    "engaged views",
    "likes",
    "dislikes",
    "comments",
    "comments added",
    "shares",
    "ad impressions",
    "transactions",
    "estimated monetized playbacks",
    "videos added",
    "videos published",
    "просмотры",
    "время просмотра (часы)",
    "подписчики",
    "показы",
    "уникальные зрители",
    "средняя продолжительность просмотра",
    "отметки \"нравится\"",
    "комментарии",
    "поделились",
];

/// A YouTube metric: a known name, a percent `(%)` or a money `(USD)` column.
fn is_metric(h: &str) -> bool {
    let currency = h
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .is_some_and(|(_, c)| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()));
    METRICS.contains(&h) || h.ends_with("(%)") || currency
}

/// A table whose first column is the time bucket (`Date`), as in `Chart data.csv` and
/// `Totals.csv`; not a file with a preamble (Meta's title line, Google Analytics' comments).
fn dated(table: &Table) -> bool {
    table
        .headers
        .first()
        .is_some_and(|h| DATE.contains(&h.as_str()))
        && table.headers.len() >= 2
        && table.title.is_none()
        && table.comments.is_empty()
}
