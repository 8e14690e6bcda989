use super::sheets::{self, Mapped, Sheet, SheetKind};
use crate::model::{Field, PostType};
use calamine::{Cell, Data, ExcelDateTime, ExcelDateTimeType, Range};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A calamine range from rows of cells, as a workbook would give it.
fn range(rows: Vec<Vec<Data>>) -> Range<Data> {
    let mut cells = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        for (c, v) in row.into_iter().enumerate() {
            if v != Data::Empty {
                cells.push(Cell::new((r as u32, c as u32), v));
            }
        }
    }
    Range::from_sparse(cells)
}

fn s(t: &str) -> Data {
    Data::String(t.into())
}

fn n(v: f64) -> Data {
    Data::Float(v)
}

fn map(sheets: &[(&str, Range<Data>)]) -> Mapped {
    let mut out = Mapped::default();
    for (name, r) in sheets {
        let sheet = Sheet::find(name, r).expect("a LinkedIn sheet");
        sheets::map_sheet(&sheet, chrono_tz::Europe::Berlin, &mut out);
    }
    out
}

#[test]
fn new_followers_are_daily_follows() {
    let r = range(vec![
        vec![
            s("Date"),
            s("Sponsored followers"),
            s("Organic followers"),
            s("Auto-invited followers"),
            s("Total followers"),
        ],
        vec![s("03/01/2025"), n(0.0), n(5.0), n(1.0), n(6.0)],
        vec![s("03/02/2025"), n(2.0), n(3.0), n(0.0), n(5.0)],
        vec![s("soon"), n(1.0), n(1.0), n(1.0), n(3.0)],
    ]);
    let m = map(&[("New followers", r)]);
    let days: Vec<(NaiveDate, Option<f64>, Option<f64>)> = m
        .daily
        .values()
        .map(|(_, r)| (r.date, r.follows, r.followers))
        .collect();
    assert_eq!(
        days,
        [
            (d("2025-03-01"), Some(6.0), None),
            (d("2025-03-02"), Some(5.0), None)
        ]
    );
    assert_eq!(
        m.warnings,
        [(
            Some(4),
            "sheet `New followers`: row skipped: `soon` is not a date".to_string()
        )]
    );
}

#[test]
fn a_running_total_is_read_as_followers() {
    let r = range(vec![
        vec![s("Date"), s("Organic followers"), s("Total followers")],
        vec![s("2025-03-01"), n(5.0), n(1000.0)],
        vec![s("2025-03-02"), n(3.0), n(1003.0)],
    ]);
    let m = map(&[("Followers", r)]);
    let r = &m.daily[&d("2025-03-02")].1;
    assert_eq!((r.followers, r.follows), (Some(1003.0), Some(3.0)));
}

#[test]
fn visitors_and_content_metrics_after_a_title_row() {
    let visitors = range(vec![
        vec![
            s("Date"),
            s("Overview page views (total)"),
            s("Total page views (total)"),
            s("Total unique visitors (total)"),
        ],
        vec![s("03/01/2025"), n(40.0), n(55.0), n(21.0)],
    ]);
    let excel_day = |serial: f64| {
        Data::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        ))
    };
    let metrics = range(vec![
        vec![s("Aggregated metrics for your page's updates, by day")],
        vec![],
        vec![
            s("Date"),
            s("Impressions (organic)"),
            s("Impressions (sponsored)"),
            s("Impressions (total)"),
            s("Unique impressions (organic)"),
        ],
        vec![
            excel_day(45717.0),
            n(900.0),
            n(100.0),
            n(1000.0),
            s("1,234"),
        ],
        vec![n(45718.0), n(10.0), n(0.0), n(10.0), Data::Empty],
    ]);
    let m = map(&[("Visitor metrics", visitors), ("Metrics", metrics)]);
    let first = &m.daily[&d("2025-03-01")].1;
    assert_eq!(
        (first.profile_visits, first.impressions, first.reach_organic),
        (Some(21.0), Some(1000.0), Some(1234.0))
    );
    let second = &m.daily[&d("2025-03-02")];
    assert_eq!(
        (second.0, second.1.impressions, second.1.reach_organic),
        (5, Some(10.0), None)
    );
}

#[test]
fn posts_of_the_content_export() {
    let r = range(vec![
        vec![s("All posts: the posts of your page in the period")],
        vec![
            s("Post title"),
            s("Post link"),
            s("Post type"),
            s("Campaign name"),
            s("Posted by"),
            s("Created date"),
            s("Impressions"),
            s("Views"),
            s("Clicks"),
            s("Likes"),
            s("Comments"),
            s("Reposts"),
            s("Follows"),
            s("Engagement rate"),
            s("Content Type"),
        ],
        vec![
            s("We are hiring!\nJoin us"),
            s("https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456"),
            s("Organic"),
            Data::Empty,
            s("Anna K"),
            s("03/05/2025"),
            n(1520.0),
            Data::Empty,
            n(33.0),
            n(41.0),
            n(2.0),
            n(3.0),
            n(1.0),
            n(0.05),
            s("Image"),
        ],
        vec![
            s("Spring offer"),
            s("https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7301234567890999999/"),
            s("Sponsored"),
            s("Spring"),
            s("Anna K"),
            s("2025-03-06 14:30"),
            n(5000.0),
            Data::Empty,
            n(80.0),
            Data::Empty,
            n(0.0),
            n(1.0),
            n(4.0),
            n(0.02),
            s("Video"),
        ],
        vec![
            s("No link"),
            Data::Empty,
            s("Organic"),
            Data::Empty,
            Data::Empty,
            s("03/07/2025"),
            n(1.0),
        ],
    ]);
    let m = map(&[("All posts", r)]);
    assert_eq!(m.posts.len(), 2);
    let (line, p) = &m.posts[0];
    assert_eq!(
        (*line, p.id.as_str(), p.caption.as_str()),
        (3, "7301234567890123456", "We are hiring!\nJoin us")
    );
    assert_eq!(
        (p.kind, p.paid, p.impressions, p.clicks),
        (PostType::Photo, Some(false), Some(1520.0), Some(33.0))
    );
    assert_eq!(
        (p.likes, p.comments, p.shares, p.saves),
        (
            Field::Value(41.0),
            Field::Value(2.0),
            Field::Value(3.0),
            Field::NotGiven
        )
    );
    assert_eq!(p.published_at.to_rfc3339(), "2025-03-05T00:00:00+01:00");
    let p = &m.posts[1].1;
    assert_eq!(
        (p.id.as_str(), p.kind, p.paid, p.likes),
        (
            "7301234567890999999",
            PostType::Video,
            Some(true),
            Field::Empty
        )
    );
    assert_eq!(p.published_at.to_rfc3339(), "2025-03-06T14:30:00+01:00");
    assert_eq!(
        m.warnings,
        [(
            Some(5),
            "sheet `All posts`: row skipped: the post link is empty".to_string()
        )]
    );
}

#[test]
fn older_update_sheets_and_what_is_not_linkedin() {
    let header = |names: &[&str]| {
        names
            .iter()
            .map(|n| n.trim().to_lowercase())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sheets::classify(&header(&[
            "Update title",
            "Update link",
            "Created date",
            "Reactions",
            "Shares"
        ])),
        Some(SheetKind::Posts)
    );
    assert_eq!(
        sheets::classify(&header(&["Date", "Impressions (total)", "Shares (total)"])),
        Some(SheetKind::Metrics)
    );
    assert_eq!(
        sheets::classify(&header(&["Location", "Total followers"])),
        None
    );
    assert_eq!(sheets::classify(&header(&["Date", "Followers"])), None);
    assert_eq!(
        super::posts::post_id(
            "https://www.linkedin.com/posts/acme_hiring-activity-7301234567890123456-AbCd"
        ),
        Some("7301234567890123456".into())
    );
}
