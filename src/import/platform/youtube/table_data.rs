//! `Table data.csv` with the `Content` dimension: one row a video, after a `Total` row.

use super::{CONTENT, PUBLISHED, TITLE, VIEWS};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell, Col, PostNumbers, Posted};
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::stamps;
use crate::import::table::Table;
use crate::import::ImportError;
use crate::model::PostType;
use chrono::NaiveDate;

/// Russian month abbreviations as the Studio writes dates (`27 сент. 2024 г.`).
const RU_SHORT: &[(&str, u32)] = &[
    ("янв", 1),
    ("февр", 2),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сент", 9),
    ("сен", 9),
    ("окт", 10),
    ("нояб", 11),
    ("ноя", 11),
    ("дек", 12),
];

/// `Sep 27, 2024`, ISO, or a day-month-year in words (`27 сент. 2024 г.`).
fn publish_date(s: &str) -> Option<NaiveDate> {
    lenient::date(s).or_else(|| {
        let words: Vec<&str> = s
            .split([' ', ','])
            .filter(|w| !w.is_empty() && !matches!(*w, "г." | "г"))
            .collect();
        let [d, m, y] = words.as_slice() else {
            return None;
        };
        let year: i32 = y.trim_end_matches('.').parse().ok()?;
        let (month, day) =
            crate::import::vocab::months::month_day(&format!("{d} {m}")).or_else(|| {
                let m = m.trim_end_matches('.').to_lowercase();
                let month = RU_SHORT.iter().find(|(n, _)| *n == m)?.1;
                Some((month, d.parse().ok()?))
            })?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

pub const TABLE_DATA: Format = Format {
    name: "youtube/table-data",
    recognition: "first column `Content`, with `Video title` or `Video publish time` and `Views` \
         (also in Russian)",
    download: "YouTube Studio → Analytics → Advanced mode → Content → Export current view → CSV \
         (Table data.csv)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table
                .headers
                .first()
                .is_some_and(|h| CONTENT.contains(&h.as_str()))
                && table.column_any(VIEWS).is_some()
                && (table.column_any(TITLE).is_some() || table.column_any(PUBLISHED).is_some())
        },
        read_table_data,
    ),
};

fn read_table_data(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let id = Some(0);
    let title = table.column_any(TITLE);
    let published = table.column_any(PUBLISHED);
    let numbers = PostNumbers {
        impressions: Col::new(table, VIEWS),
        reach: Col::new(table, &["unique viewers", "уникальные зрители"]),
        likes: Col::new(table, &["likes", "отметки \"нравится\""]),
        comments: Col::new(table, &["comments", "comments added", "комментарии"]),
        shares: Col::new(table, &["shares", "поделились"]),
        ..PostNumbers::none()
    };
    let rows = cells::each(table, ctx, |row, ctx| {
        // Ids starting with `-` come with a leading space (a guard against formulas).
        let video = cell(row, id).trim().trim_start_matches('\'');
        if cells::is_total(video) {
            return Ok(None);
        }
        if video.is_empty() {
            return Err("the video id (`Content`) is empty".into());
        }
        let raw = cell(row, published).trim();
        if raw.is_empty() {
            return Err(format!(
                "`{video}` has no publish time (an unlisted or unpublished video)"
            ));
        }
        let day = publish_date(raw).ok_or_else(|| {
            format!(
                "column `video publish time`: `{}` is not a date",
                shorten(raw)
            )
        })?;
        let posted = Posted {
            id: video.to_string(),
            at: stamps::from_wall(day.and_hms_opt(0, 0, 0).unwrap_or_default(), ctx.tz),
            kind: PostType::Video,
            caption: cell(row, title).to_string(),
            permalink: format!("https://www.youtube.com/watch?v={video}"),
            paid: None,
        };
        numbers.post(row, posted).map(Some)
    })?;
    Ok(vec![Parsed::Posts(rows)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn publish_dates() {
        let d = |s: &str| s.parse::<chrono::NaiveDate>().ok();
        assert_eq!(super::publish_date("Sep 27, 2024"), d("2024-09-27"));
        assert_eq!(super::publish_date("27 сент. 2024 г."), d("2024-09-27"));
        assert_eq!(super::publish_date("3 марта 2025 г."), d("2025-03-03"));
        assert_eq!(super::publish_date("soon"), None);
    }
}
