//! LinkedIn's workbooks end to end: built here cell by cell, loaded as the program loads them.

mod build;
mod guard;

use crate::support::{by_day, d, try_load};
use build::C;
use smm_audit::import::{ImportError, Loaded};
use smm_audit::model::Field;

fn load(name: &str, bytes: Vec<u8>) -> Result<Loaded, ImportError> {
    try_load(name, bytes, chrono_tz::Europe::Berlin, "2025-04-01")
}

fn followers_book() -> Vec<u8> {
    build::xlsx(
        &[
            (
                "New followers",
                vec![
                    vec![
                        C::T("Date"),
                        C::T("Sponsored followers"),
                        C::T("Organic followers"),
                        C::T("Auto-invited followers"),
                        C::T("Total followers"),
                    ],
                    vec![
                        C::T("03/01/2025"),
                        C::N(0.0),
                        C::N(7.0),
                        C::N(0.0),
                        C::N(7.0),
                    ],
                    vec![
                        C::T("03/02/2025"),
                        C::N(1.0),
                        C::N(2.0),
                        C::N(1.0),
                        C::N(4.0),
                    ],
                ],
            ),
            (
                "Location",
                vec![
                    vec![C::T("Location"), C::T("Total followers")],
                    vec![C::T("Berlin, Germany"), C::N(120.0)],
                ],
            ),
        ],
        Vec::new(),
    )
}

#[test]
fn an_xlsx_followers_workbook_end_to_end() {
    let bytes = followers_book();
    assert!(crate::support::format("linkedin/page-analytics").claims_bytes(&bytes, "whatever.xlsx"));
    let l = load("acme_followers_1712345678901.xlsx", bytes).unwrap();
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str(), src.rows),
        ("linkedin/page-analytics", "binary", 2)
    );
    assert_eq!(
        by_day(&l, |r| r.follows),
        [(d("2025-03-01"), Some(7.0)), (d("2025-03-02"), Some(4.0))]
    );
}

#[test]
fn an_xls_content_workbook_end_to_end() {
    let rows = vec![
        vec![C::T("Update engagement")],
        vec![
            C::T("Update title"),
            C::T("Update link"),
            C::T("Update type"),
            C::T("Created date"),
            C::T("Impressions"),
            C::T("Clicks"),
            C::T("Likes"),
            C::T("Comments"),
            C::T("Shares"),
        ],
        vec![
            C::T("Hello"),
            C::T("https://www.linkedin.com/feed/update/urn:li:activity:6900000000000000001"),
            C::T("Organic"),
            C::T("02/14/2022"),
            C::N(800.0),
            C::N(12.0),
            C::N(30.0),
            C::N(4.0),
            C::N(2.0),
        ],
    ];
    let bytes = build::ole(&build::biff("Update engagement", &rows, None), None);
    assert!(crate::support::format("linkedin/page-analytics").claims_bytes(&bytes, "x.xls"));
    let l = load("acme_updates_1712345678901.xls", bytes).unwrap();
    let p = &l.account.posts[0];
    assert_eq!(
        (p.id.as_str(), p.date, p.impressions, p.likes, p.shares),
        (
            "6900000000000000001",
            d("2022-02-14"),
            Some(800.0),
            Field::Value(30.0),
            Field::Value(2.0)
        )
    );
}
