//! Hand-made variants of TikTok's files: re-saves, encodings, languages, the 2025+ layout.

use crate::support::{self, d, utf16le};
use crate::tiktok::{direct, load, share};
use smm_audit::model::Field;

#[test]
fn overview_2025_with_null_tokens_and_a_trailing_space_header() {
    let text = "\u{feff}Date,Video views,Reached audience,Profile views,Likes,Shares,Comments,Phone number clicks ,Leads submission,Net growth,New followers,Lost followers\n\
        2025/10/31,715,NAN,25,26,4,7,0,0,10,10,0\n\
        2025/11/04,2359,2306,51,86,16,17,0,0,5,6,1\n\
        2025/12/23,2224,1906,16,26,8,3,0,0,0,2,2\n\
        2025/12/24,--,--,--,--,--,--,--,--,--,--,--";
    let l = load("TIKTOK_RAW.csv", text, "2026-01-02");
    assert_eq!(l.report.sources[0].format, "tiktok/overview-2025");
    assert!(
        support::other_warnings(&l).is_empty(),
        "{:?}",
        l.report.warnings
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 3);
    let r = &daily[&d("2025-10-31")];
    assert_eq!(
        (
            r.impressions,
            r.reach,
            r.profile_visits,
            r.follows,
            r.unfollows
        ),
        (Some(715.0), None, Some(25.0), Some(10.0), Some(0.0))
    );
    let r = &daily[&d("2025-11-04")];
    assert_eq!(
        (r.reach, r.follows, r.unfollows),
        (Some(2306.0), Some(6.0), Some(1.0))
    );
}

#[test]
fn audience_2025_and_a_net_growth_that_disagrees() {
    let text = "Date,New followers,Total followers,Reached audience,Engaged audience,Net growth,Lost followers\n\
        2025/10/31,10,--,NAN,NAN,10,0\n\
        2025/11/01,100,1200,75134,1801,90,0\n";
    let l = load("TIKTOK_AUDIENCE_RAW.csv", text, "2025-11-03");
    assert_eq!(l.report.sources[0].format, "tiktok/overview-2025");
    let r = &l.account.daily[&d("2025-11-01")];
    assert_eq!(
        (r.follows, r.followers, r.reach),
        (Some(100.0), Some(1200.0), Some(75134.0))
    );
    assert_eq!(l.account.daily[&d("2025-10-31")].followers, None);
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("on 1 days"));
}

#[test]
fn overview_in_windows_1251_with_russian_dates_across_new_year() {
    let text = "Date;Video Views;Profile Views;Likes;Comments;Shares\r\n\
        30 декабря;100;1;0;0;0\r\n31 декабря;200;2;0;-1;0\r\n1 января;300;3;0;0;0\r\n2 января;undefined;4;0;0;0\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let l = load("Overview.csv", bytes.into_owned(), "2026-01-04");
    assert_eq!(l.report.sources[0].encoding, "Windows-1251");
    let daily = &l.account.daily;
    assert_eq!(daily.keys().next(), Some(&d("2025-12-30")));
    assert_eq!(daily[&d("2025-12-31")].impressions, Some(200.0));
    assert_eq!(daily[&d("2026-01-01")].impressions, Some(300.0));
    assert_eq!(
        (
            daily[&d("2026-01-02")].impressions,
            daily[&d("2026-01-02")].profile_visits
        ),
        (None, Some(4.0))
    );
}

#[test]
fn overview_in_vietnamese_and_greek_with_a_bad_and_a_totals_row() {
    let text = "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\
        \"17 tháng Sáu\",\"5\",\"1\",\"0\",\"0\",\"0\"\n\"18 tháng Sáu\",\"6\",\"1\",\"0\",\"0\",\"0\"\n\
        \"someday\",\"7\",\"1\",\"0\",\"0\",\"0\"\n\"Total\",\"18\",\"3\",\"0\",\"0\",\"0\"";
    let l = load("Overview.csv", text, "2025-06-20");
    assert_eq!(l.account.daily.len(), 2);
    assert_eq!(l.account.daily[&d("2025-06-18")].impressions, Some(6.0));
    let warnings = support::other_warnings(&l);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, Some(4));
    let greek = "Date,Video Views,Profile Views\n15 Ιανουαρίου,9,2\n";
    let l = load("Overview.csv", greek, "2025-06-20");
    assert_eq!(l.account.daily[&d("2025-01-15")].impressions, Some(9.0));
}

#[test]
fn gender_resaved_with_semicolons_and_decimal_commas() {
    let l = load(
        "FollowerGender.csv",
        "Gender;Distribution\r\nFemale;0,59\r\nMale;0,4\r\nOther;0,01\r\nAlien;0\r\n",
        "2026-03-01",
    );
    let a = &l.account.audience;
    assert_eq!(a.len(), 3);
    assert!((share(a, "female") - 59.0).abs() < 1e-9);
    assert!((share(a, "other") - 1.0).abs() < 1e-9);
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("`Alien`"));
}

#[test]
fn territories_in_utf16_with_percent_values_and_an_unknown_name() {
    let text = "\"Top Territories\",\"Distribution\"\n\"Germany\",\"60%\"\n\"JM\",\"10%\"\n\"Atlantis\",\"5%\"\n\"Others\",\"25%\"\n";
    let l = load(
        "FollowerTopTerritories (1).csv",
        utf16le(text),
        "2026-03-01",
    );
    assert_eq!(l.report.sources[0].encoding, "UTF-16LE");
    let a = &l.account.audience;
    assert_eq!(a.len(), 2);
    assert_eq!(share(a, "DE"), 60.0);
    assert_eq!(share(a, "JM"), 10.0);
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("`Atlantis`"));
}

#[test]
fn follower_history_whose_difference_column_is_shifted() {
    // The difference of the next day (D+1 − D), as another project found.
    let text = "\"Date\",\"Followers\",\"Difference in followers from previous day\"\n\
        \"March 1\",\"10\",\"2\"\n\"March 2\",\"12\",\"-1\"\n\"March 3\",\"11\",\"0\"\n\"March 4\",\"undefined\",\"0\"";
    let (rows, report) = direct(
        crate::support::format("tiktok/follower-history"),
        text.as_bytes(),
        "2025-03-05",
    );
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[2].date, rows[2].followers),
        (d("2025-03-03"), Some(11.0))
    );
    assert_eq!(report.warnings.len(), 2);
    assert!(report.warnings[0].message.contains("on 2 of 2 days"));
    assert!(report.warnings[1]
        .message
        .starts_with("1 day has `undefined` followers"));
}

#[test]
fn viewers_and_follower_activity() {
    let text = "\"Date\",\"Total Viewers\",\"New Viewers\",\"Returning Viewers\"\n\"February 26\",\"812\",\"700\",\"112\"\n\"February 27\",\"undefined\",\"0\",\"0\"";
    let l = load("Viewers.csv", text, "2026-03-01");
    assert_eq!(l.report.sources[0].format, "tiktok/viewers");
    assert_eq!(l.account.daily.len(), 1);
    assert_eq!(l.account.daily[&d("2026-02-26")].reach, Some(812.0));
    let text = "\"Date\",\"Hour\",\"Active followers\"\n\"February 21\",\"0\",\"120\"";
    let l = load("FollowerActivity.csv", text, "2026-03-01");
    assert_eq!(l.report.sources[0].format, "tiktok/follower-activity");
    assert_eq!((l.account.daily.len(), l.report.warnings.len()), (0, 1));
}

#[test]
fn content_2025_ragged_and_bad_rows() {
    let text = "Video title,Video link,Post time,Video views,Likes,Comments,Shares,Add to Favorites\n\
        Нормален следобед,https://www.tiktok.com/@v/video/7567452112981069079,2025/10/31 18:19:10,172353,1774,42,413,180\n\
        Short,https://www.tiktok.com/@v/photo/7590060843279060246?lang=en,2025/12/31 16:32:37,3382\n\
        No id,https://www.tiktok.com/@v,2025/12/30 17:57:47,1,1,1,1,1\n";
    let tz = chrono_tz::Europe::Sofia;
    let l = support::load("TIKTOK_VIDEO_RAW.csv", text, tz, "2026-01-02");
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 2);
    // The id's instant (18:19:06 UTC) is the publication time, in the account's zone.
    assert_eq!(
        posts[0].published_at.to_rfc3339(),
        "2025-10-31T20:19:06+02:00"
    );
    assert_eq!(
        (posts[0].impressions, posts[0].saves, posts[0].shares),
        (Some(172353.0), Field::Value(180.0), Field::Value(413.0))
    );
    assert_eq!(posts[0].caption, "Нормален следобед");
    assert_eq!(
        (posts[1].id.as_str(), posts[1].kind),
        ("7590060843279060246", smm_audit::model::PostType::Carousel)
    );
    assert_eq!(
        (posts[1].impressions, posts[1].likes),
        (Some(3382.0), Field::Empty)
    );
    let warnings = support::other_warnings(&l);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, Some(4));
}
