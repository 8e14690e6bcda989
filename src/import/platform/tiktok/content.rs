//! TikTok's `Content.csv`: the top videos with their lifetime numbers (classic: `Post time`
//! without a year; 2025+: `YYYY/MM/DD HH:MM:SS`).

use super::dates::{self, Day};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell, Col, PostNumbers, Posted};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::stamps;
use crate::import::table::Table;
use crate::import::ImportError;
use crate::model::PostType;
use chrono::NaiveDateTime;

/// The creation time a video id encodes: seconds since the epoch in its upper 32 bits.
fn id_time(id: &str) -> Option<NaiveDateTime> {
    stamps::epoch((id.parse::<u64>().ok()? >> 32) as i64)
}

pub const CONTENT: Format = Format {
    name: "tiktok/content",
    recognition: "header with `Video link`, `Post time` and `Total views`/`Video views` or likes \
         (one row a video)",
    download: "TikTok Studio → Analytics → Content → Download data (Content.csv in the ZIP)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["video link", "post time"])
                && table
                    .column_any(&["total views", "video views", "total likes", "likes"])
                    .is_some()
        },
        read_content,
    ),
};

fn read_content(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let link = table.column("video link");
    let title = table.column("video title");
    let time = table.column("post time");
    let numbers = PostNumbers {
        impressions: Col::new(table, &["total views", "video views"]),
        likes: Col::new(table, &["total likes", "likes"]),
        comments: Col::new(table, &["total comments", "comments"]),
        shares: Col::new(table, &["total shares", "shares"]),
        saves: Col::new(table, &["add to favorites", "total favorites", "favorites"]),
        ..PostNumbers::none()
    };
    // `Time` is the day of the export (the same on every row): the base for year-less days.
    let snapshot = table.column("time");
    let base = table
        .rows
        .first()
        .and_then(|r| dates::parse(cell(r, snapshot)))
        .and_then(|d| dates::resolve(&[Some(d)], ctx.export_date)[0])
        .unwrap_or(ctx.export_date);
    let rows = cells::each(table, ctx, |row, ctx| {
        let url = cell(row, link).trim();
        let id = stamps::numeric_tail(url).ok_or_else(|| {
            format!(
                "column `video link`: `{}` does not end in a video id",
                shorten(url)
            )
        })?;
        let raw = cell(row, time);
        let bad = || format!("column `post time`: `{}` is not a date", shorten(raw));
        let at_id = id_time(&id);
        let at = match lenient::datetime(raw).filter(|_| raw.contains(':')) {
            // A time of day: the id's instant when it agrees (the export's zone is not
            // stated), else wall time.
            Some((naive, _)) => match at_id.map(|t| stamps::from_utc(t, ctx.tz)) {
                Some(at) if (at.1 - naive.date()).num_days().abs() <= 1 => at,
                _ => stamps::from_wall(naive, ctx.tz),
            },
            None => {
                let day = match dates::parse(raw).ok_or_else(bad)? {
                    Day::Full(d) => d,
                    Day::Partial(m, d) => {
                        lenient::resolve_years(&[(m, d)], base)[0].ok_or_else(bad)?
                    }
                };
                stamps::day_with_id_time(day, at_id, ctx.tz)
            }
        };
        let kind = if url.contains("/photo/") {
            PostType::Carousel
        } else {
            PostType::Video
        };
        let posted = Posted {
            id,
            at,
            kind,
            caption: cell(row, title).to_string(),
            permalink: url.to_string(),
            paid: None,
        };
        numbers.post(row, posted).map(Some)
    })?;
    Ok(vec![Parsed::Posts(rows)])
}
