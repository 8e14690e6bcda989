use crate::support::{self, d, load, utf16le};
use smm_audit::model::{Field, PostType};

fn real(name: &str) -> Vec<u8> {
    support::real(&format!("x/{name}"))
}

#[test]
fn real_legacy_tweet_activity() {
    let name = "tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv";
    let l = load(name, real(name), chrono_tz::Europe::Berlin, "2019-02-01");
    assert_eq!(l.report.sources[0].format, "x/tweet-activity");
    assert_eq!(l.report.sources[0].encoding, "UTF-8");
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 31);
    // The newest tweet: 23:32 UTC is 00:32 the next day in Berlin.
    let p = posts
        .iter()
        .find(|p| p.id == "1091117122825084928")
        .unwrap();
    assert_eq!(p.published_at.to_rfc3339(), "2019-02-01T00:32:00+01:00");
    assert_eq!(p.date, d("2019-02-01"));
    assert_eq!(p.impressions, Some(2633.0));
    assert_eq!(
        (p.likes, p.comments, p.shares),
        (Field::Value(7.0), Field::Value(0.0), Field::Value(5.0))
    );
    assert_eq!(
        (p.clicks, p.saves, p.reach, p.paid),
        (Some(16.0), Field::NotGiven, None, Some(false))
    );
    assert_eq!(p.kind, PostType::Text);
    assert!(p
        .caption
        .starts_with("2 rOpenSci peer reviewed packages in Nov 2018"));
    assert!(p.caption.contains("#restez to query GenBank locally"));
    assert_eq!(
        p.permalink,
        "https://twitter.com/rOpenSci/status/1091117122825084928"
    );
    // The oldest, last in the file.
    let first = &posts[0];
    assert_eq!(first.id, "1082688093205876736");
    assert_eq!(first.published_at.to_rfc3339(), "2019-01-08T18:18:00+01:00");
    assert_eq!(first.impressions, Some(5218.0));
    assert_eq!(
        (first.likes, first.shares, first.clicks),
        (Field::Value(10.0), Field::Value(6.0), Some(25.0))
    );
    assert_eq!(
        posts.iter().filter(|p| p.date == d("2019-01-08")).count(),
        6
    );
}

#[test]
fn real_account_overview() {
    let name = "account_overview_analytics.csv";
    let l = load(name, real(name), chrono_tz::UTC, "2025-08-25");
    assert_eq!(l.report.sources[0].format, "x/account-overview");
    assert!(
        support::other_warnings(&l).is_empty(),
        "{:?}",
        l.report.warnings
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 6);
    assert_eq!(daily.keys().next(), Some(&d("2025-08-19")));
    assert_eq!(daily.keys().last(), Some(&d("2025-08-24")));
    let last = &daily[&d("2025-08-24")];
    assert_eq!(
        (last.impressions, last.profile_visits),
        (Some(5866.0), Some(35.0))
    );
    assert_eq!(
        (last.follows, last.unfollows, last.followers),
        (Some(0.0), Some(0.0), None)
    );
    let aug23 = &daily[&d("2025-08-23")];
    assert_eq!(
        (aug23.impressions, aug23.follows, aug23.unfollows),
        (Some(48.0), Some(2.0), Some(1.0))
    );
    let aug20 = &daily[&d("2025-08-20")];
    assert_eq!(
        (aug20.impressions, aug20.follows, aug20.profile_visits),
        (Some(468.0), Some(3.0), Some(4.0))
    );
    assert_eq!(aug20.reach, None);
}

const LEGACY_HEAD: &str = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"favorites\",\"user profile clicks\",\"url clicks\",\"promoted impressions\",\"promoted likes\"";

#[test]
fn legacy_excel_resave_in_windows_1252_with_semicolons_and_decimal_commas() {
    let text = "Tweet id;Tweet permalink;Tweet text;time;impressions;engagements;engagement rate;retweets;replies;likes;url clicks;promoted impressions\r\n\
        1,09112E+18;https://twitter.com/a/status/1091117122825084928;Café ouvert;31.01.2019 23:32;2633,0;41,0;0,0155;5,0;0,0;7,0;16,0;-\r\n\
        1082688093205876736;https://twitter.com/a/status/1082688093205876736;Zweiter;08.01.2019 17:18;1.234,0;1,0;0,001;1,0;-;2,0;0,0;150,0\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let l = load(
        "tweets.csv",
        bytes.into_owned(),
        chrono_tz::UTC,
        "2019-02-01",
    );
    assert_eq!(l.report.sources[0].encoding, "Windows-1252");
    let p = l
        .account
        .posts
        .iter()
        .find(|p| p.id == "1091117122825084928")
        .unwrap();
    assert_eq!(p.caption, "Café ouvert");
    assert_eq!(p.published_at.to_rfc3339(), "2019-01-31T23:32:00+00:00");
    assert_eq!(
        (p.impressions, p.likes, p.clicks, p.paid),
        (Some(2633.0), Field::Value(7.0), Some(16.0), Some(false))
    );
    let q = l
        .account
        .posts
        .iter()
        .find(|p| p.id == "1082688093205876736")
        .unwrap();
    assert_eq!(
        (q.impressions, q.comments, q.paid),
        (Some(1234.0), Field::Empty, Some(true))
    );
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("1 promoted tweets"));
}

#[test]
fn legacy_favorites_variant_ragged_bad_and_null_rows() {
    let text = format!(
        "{LEGACY_HEAD}\n\
         \"11\",\"https://twitter.com/a/status/11\",\"short row\",\"2019-01-02 10:00 +0000\",\"10.0\"\n\
         \"12\",\"\",\"bad time\",\"yesterday\",\"5.0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"-\",\"-\"\n\
         \"13\",\"\",\"nulls\",\"2019-01-03 10:00 +0000\",\"-\",\"0\",\"0\",\"1.0\",\"\",\"3.0\",\"0\",\"2.0\",\"-\",\"-\"\n"
    );
    let l = load("t.csv", text, chrono_tz::UTC, "2019-02-01");
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 2);
    // A ragged row: the missing cells are "no value".
    assert_eq!(
        (posts[0].id.as_str(), posts[0].impressions, posts[0].likes),
        ("11", Some(10.0), Field::Empty)
    );
    assert_eq!(
        (posts[1].impressions, posts[1].likes, posts[1].comments),
        (None, Field::Value(3.0), Field::Empty)
    );
    assert_eq!(posts[1].shares, Field::Value(1.0));
    assert_eq!(l.report.warnings.len(), 1);
    assert_eq!(l.report.warnings[0].line, Some(3));
    assert!(l.report.warnings[0]
        .message
        .starts_with("row skipped: column `time`"));
}

#[test]
fn legacy_daily_export() {
    let text = "\"Date\",\"Tweets published\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\",\"follows\",\"promoted impressions\"\n\
        \"2019-01-01\",\"2\",\"1500.0\",\"30.0\",\"0.02\",\"1.0\",\"0.0\",\"5.0\",\"3.0\",\"2.0\",\"4\",\"-\"\n\
        \"2019-01-02\",\"0\",\"\",\"0.0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"-\",\"-\"\n";
    let l = load(
        "daily_tweet_activity_metrics_a_20190101_20190201_en.csv",
        text,
        chrono_tz::UTC,
        "2019-02-01",
    );
    assert_eq!(l.report.sources[0].format, "x/daily-tweet-activity");
    let jan1 = &l.account.daily[&d("2019-01-01")];
    assert_eq!(
        (jan1.impressions, jan1.follows, jan1.unfollows),
        (Some(1500.0), Some(4.0), None)
    );
    let jan2 = &l.account.daily[&d("2019-01-02")];
    assert_eq!((jan2.impressions, jan2.follows), (None, None));
}

#[test]
fn overview_in_utf16_with_a_totals_row_and_single_digit_days() {
    let text = "Date,Impressions,Likes,Engagements,New follows,Unfollows,Profile visits\n\
        \"Sat, Sep 6, 2025\",100,1,2,3,1,7\n\
        \"Fri, Sep 5, 2025\",-,1,2,0,0,\n\
        Total,100,2,4,3,1,7\n";
    let l = load(
        "account_overview_analytics.csv",
        utf16le(text),
        chrono_tz::UTC,
        "2025-09-07",
    );
    assert_eq!(l.report.sources[0].encoding, "UTF-16LE");
    assert_eq!(l.account.daily.len(), 2);
    let sep6 = &l.account.daily[&d("2025-09-06")];
    assert_eq!(
        (
            sep6.impressions,
            sep6.follows,
            sep6.unfollows,
            sep6.profile_visits
        ),
        (Some(100.0), Some(3.0), Some(1.0), Some(7.0))
    );
    let sep5 = &l.account.daily[&d("2025-09-05")];
    assert_eq!(
        (sep5.impressions, sep5.profile_visits, sep5.follows),
        (None, None, Some(0.0))
    );
    assert!(support::other_warnings(&l).is_empty());
}

#[test]
fn content_export_skips_placeholders_and_takes_the_time_from_the_id() {
    let text = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks\n\
        1987315260559167965,\"Sun, Nov 9, 2025\",\"WATCH: news\",https://x.com/n/status/1987315260559167965,1351,5,41,1,0,0,1,2,2,29,0,0,0\n\
        ,,,https://x.com/n/status/undefined,0,0,0,0,0,0,0,0,0,0,0,0,0\n\
        abc,\"Sun, Nov 9, 2025\",x,https://x.com/n/status/,1,1,1,1,1,1,1,1,1,1,1,1,1\n";
    let l = load(
        "account_analytics_content_2025-11-02_2025-11-09.csv",
        text,
        chrono_tz::America::New_York,
        "2025-11-10",
    );
    assert_eq!(l.report.sources[0].format, "x/content");
    assert_eq!(l.account.posts.len(), 1);
    let p = &l.account.posts[0];
    assert_eq!(p.id, "1987315260559167965");
    // 00:24 UTC on Nov 9 is the evening of Nov 8 in New York.
    assert_eq!(p.published_at.to_rfc3339(), "2025-11-08T19:24:15-05:00");
    assert_eq!(p.date, d("2025-11-08"));
    assert_eq!(
        (p.impressions, p.likes, p.comments, p.shares, p.saves),
        (
            Some(1351.0),
            Field::Value(5.0),
            Field::Value(1.0),
            Field::Value(2.0),
            Field::Value(1.0)
        )
    );
    assert_eq!(p.clicks, Some(0.0));
    assert_eq!(l.report.warnings.len(), 1);
    assert_eq!(l.report.warnings[0].line, Some(4));
}
