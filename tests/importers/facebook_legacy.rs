//! Legacy Facebook importers on the real post-level export and on hand-made page-level and
//! post-level variants (Excel re-saves in Windows-1252, semicolons, duplicate headers).

use crate::support::{self, d, real, warnings};
use smm_audit::import::Loaded;
use smm_audit::model::{Field, PostType, Segment};

fn load(name: &str, bytes: Vec<u8>) -> Loaded {
    support::load(name, bytes, chrono_tz::Europe::Stockholm, "2015-03-01")
}

#[test]
fn real_post_level_export() {
    let name = "Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv";
    let l = load(name, real(&format!("facebook/{name}")));
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.rows, src.encoding.as_str()),
        ("facebook-legacy/posts", 98, "UTF-8 with BOM")
    );
    assert!(l.report.warnings.is_empty(), "{:?}", warnings(&l));
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 98);
    let count = |k: PostType| posts.iter().filter(|p| p.kind == k).count();
    assert_eq!(
        [
            count(PostType::Photo),
            count(PostType::Link),
            count(PostType::Video),
            count(PostType::Text),
            count(PostType::Other)
        ],
        [41, 30, 17, 9, 1]
    );
    let first = &posts[0];
    assert_eq!(first.id, "518995791497187_867061720023924");
    assert_eq!(first.published_at.to_rfc3339(), "2014-11-15T09:50:37+01:00");
    let last = posts.last().unwrap();
    assert_eq!(last.id, "518995791497187_922831414446954");
    assert_eq!(last.published_at.to_rfc3339(), "2015-02-19T23:45:22+01:00");
    assert_eq!(
        (last.kind, last.reach, last.impressions),
        (PostType::Link, Some(371.0), Some(1116.0))
    );
    assert_eq!(
        (last.likes, last.comments, last.shares),
        (Field::Value(31.0), Field::Value(3.0), Field::Value(2.0))
    );
    assert_eq!(
        (last.clicks, last.paid, last.saves),
        (Some(24.0), Some(false), Field::NotGiven)
    );
    assert_eq!(
        last.permalink,
        "https://www.facebook.com/VisualizationStudio/posts/922831414446954"
    );
    assert!(last
        .caption
        .starts_with("We are at the top of the front page"));
    // Breakdown keys without a value are 0 where the post has other keys.
    let p = posts
        .iter()
        .find(|p| p.id == "518995791497187_922500554480040")
        .unwrap();
    assert_eq!(
        (p.likes, p.comments, p.shares, p.engagements()),
        (
            Field::Value(9.0),
            Field::Value(0.0),
            Field::Value(0.0),
            Some(9.0)
        )
    );
    assert_eq!((p.kind, p.clicks), (PostType::Photo, Some(0.0)));
    let p = posts
        .iter()
        .find(|p| p.id == "518995791497187_871657739564322")
        .unwrap();
    assert_eq!((p.kind, p.likes), (PostType::Other, Field::Value(4.0)));
    // A post with no value in the breakdown at all has no engagements.
    let p = posts
        .iter()
        .find(|p| p.id == "518995791497187_909437179119711")
        .unwrap();
    assert_eq!((p.likes, p.engagements()), (Field::Empty, None));
    assert_eq!(posts.iter().filter_map(|p| p.reach).sum::<f64>(), 54482.0);
}

/// A page-level export as Excel (US locale) re-saves it: Windows-1252, CRLF, `M/D/YYYY`.
const PAGE: &str = "Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes,Daily Page Engaged Users,Daily Total Reach,Daily Organic Reach,Daily Paid Reach,Daily Total Impressions,Daily Logged-in Page Views,Daily Logged-in Page Views,Lifetime Likes by Gender and Age - F.18-24,Lifetime Likes by Gender and Age - M.18-24,Lifetime Likes by Gender and Age - F.25-34,Lifetime Likes by Gender and Age - U.25-34,Lifetime Likes by Country - SE,Lifetime Likes by Country - KH,Lifetime Likes by Country - Atlantis,\"Lifetime Likes by City - Tyresö, Stockholm County, Sweden\"\r\n\
,Lifetime: The total number of people who have liked your Page. (Unique Users),Daily: The number of new people who have liked your Page. (Unique Users),,,,,,,Daily: Page views by logged-in users. (Unique Users),Daily: Page views by logged-in users. (Total Count),,,,,,,,\r\n\
8/24/2014,200,3,1,10,120,100,20,300,7,9,,,,,,,,\r\n\
8/25/2014,202,2,0,12,-,,,310,8,11,40,30,100,10,150,2,1,20\r\n\
8/26/2014,abc,1,0,5,90,90,0,200,3,4,,,,,,,,\r\n\
8/27/2014,203,1,0,5,90,90,0,200,3,4,,,,,,,,\r\n";

#[test]
fn page_level_resaved_in_windows_1252() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(PAGE);
    let l = load(
        "Facebook Insights Data Export - Visualization Studio VIC - 2014-08-24.csv",
        bytes.into_owned(),
    );
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str()),
        ("facebook-legacy/page", "Windows-1252")
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 3);
    let day = &daily[&d("2014-08-24")];
    assert_eq!(
        (day.followers, day.follows, day.unfollows),
        (Some(200.0), Some(3.0), Some(1.0))
    );
    assert_eq!(
        (
            day.reach,
            day.reach_organic,
            day.reach_paid,
            day.impressions
        ),
        (Some(120.0), Some(100.0), Some(20.0), Some(300.0))
    );
    // The repeated `Daily Logged-in Page Views`: the `(Total Count)` one.
    assert_eq!(day.profile_visits, Some(9.0));
    let day = &daily[&d("2014-08-25")];
    assert_eq!(
        (day.reach, day.reach_paid, day.impressions),
        (None, None, Some(310.0))
    );
    assert_eq!(daily[&d("2014-08-27")].followers, Some(203.0));
    let w = warnings(&l);
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w.iter()
            .any(|m| m.contains("line 5: row skipped") && m.contains("abc")),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|m| m.contains("unknown breakdowns skipped: `atlantis`")),
        "{w:?}"
    );
    // The audience of the last day with the breakdowns (8/25), as shares of the 202 likes.
    let a = &l.account.audience;
    assert!(a
        .iter()
        .all(|r| r.date == d("2014-08-25") && r.segment == Segment::Followers));
    let get = |dim: &str, v: &str| {
        a.iter()
            .find(|r| r.dimension == dim && r.value == v)
            .map(|r| (r.count, r.share_pct.map(|s| (s * 10.0).round() / 10.0)))
    };
    assert_eq!(get("age", "18-24"), Some((Some(70.0), Some(34.7))));
    assert_eq!(get("age", "25-34"), Some((Some(110.0), Some(54.5))));
    assert_eq!(get("gender", "female"), Some((Some(140.0), Some(69.3))));
    assert_eq!(get("gender", "male"), Some((Some(30.0), Some(14.9))));
    assert_eq!(get("gender", "other"), Some((Some(10.0), Some(5.0))));
    assert_eq!(get("country", "SE"), Some((Some(150.0), Some(74.3))));
    assert_eq!(get("country", "KH"), Some((Some(2.0), Some(1.0))));
    assert_eq!(
        get("city", "Tyresö, Stockholm County, Sweden"),
        Some((Some(20.0), Some(9.9)))
    );
}

#[test]
fn post_level_resaved_with_semicolons_and_iso_dates() {
    let text = "\u{feff}Post ID;Permalink;Post Message;Type;Posted;Lifetime Post Total Reach;Lifetime Post Total Impressions;Lifetime Post Paid Reach;Lifetime Post Stories by action type - like;Lifetime Post Stories by action type - comment\n\
        ;;;;;Lifetime: The total number of people your Page post was served to. (Unique Users);Lifetime: The number of impressions of your Page post. (Total Count);;;\n\
        1_2;https://fb.com/2;Hej;Status;2015-01-10 14:00:00;1 200;2 500;100;7;\n\
        Total;;;;;1200;2500;;;\n\
        1_3;https://fb.com/3;Då;Photo;not a date;10;20;0;;\n";
    let l = load(
        "Facebook Insights Data Export (Post Level) - X - 2015-01-01 - 2015-01-31.csv",
        text.as_bytes().to_vec(),
    );
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 1);
    let p = &posts[0];
    assert_eq!(
        (p.id.as_str(), p.kind, p.reach, p.impressions, p.paid),
        (
            "1_2",
            PostType::Text,
            Some(1200.0),
            Some(2500.0),
            Some(true)
        )
    );
    // No `Talking About This` columns: the `Post Stories` breakdown; `share` is not a column.
    assert_eq!(
        (p.likes, p.comments, p.shares, p.clicks),
        (
            Field::Value(7.0),
            Field::Value(0.0),
            Field::Value(0.0),
            None
        )
    );
    assert_eq!(p.published_at.to_rfc3339(), "2015-01-10T14:00:00+01:00");
    let w = warnings(&l);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("line 5: row skipped") && w[0].contains("not a date"),
        "{w:?}"
    );
}
