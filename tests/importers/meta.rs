//! Meta importers on the real files of tests/fixtures/real-exports and on hand-made variants
//! (Excel re-saves, other encodings, ragged rows, totals rows, null tokens).

use crate::support::{d, real, try_load, try_load_all, utf16le as utf16, warnings};
use chrono_tz::Tz;
use smm_audit::import::Loaded;
use smm_audit::model::{AuditConfig, Field, PostType, Segment};

const SA: Tz = chrono_tz::Africa::Johannesburg;
const TODAY: &str = "2025-04-20";

fn load_with(files: Vec<(&str, Vec<u8>)>, config: AuditConfig) -> Loaded {
    try_load_all(files, config, SA, TODAY).unwrap()
}

fn load(name: &str, bytes: Vec<u8>) -> Loaded {
    load_with(vec![(name, bytes)], AuditConfig::default())
}

fn share(l: &Loaded, dim: &str, value: &str) -> Option<f64> {
    let r = l
        .account
        .audience
        .iter()
        .find(|r| r.dimension == dim && r.value == value)?;
    r.share_pct.map(|v| (v * 100.0).round() / 100.0)
}

#[test]
fn real_follows_csv() {
    let l = load("Follows.csv", real("meta/Follows.csv"));
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.rows, src.encoding.as_str()),
        ("meta/insights-daily", 105, "UTF-16LE")
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 105);
    assert_eq!(daily.keys().next(), Some(&d("2025-01-01")));
    assert_eq!(daily.keys().last(), Some(&d("2025-04-15")));
    assert_eq!(daily[&d("2025-01-11")].follows, Some(5.0));
    assert_eq!(daily[&d("2025-02-05")].follows, Some(10.0));
    // The day the stamps flip from T01:00 to T00:00 (US DST) is still one day.
    assert_eq!(daily[&d("2025-03-09")].follows, Some(1.0));
    assert_eq!(daily[&d("2025-03-10")].follows, Some(0.0));
    assert_eq!(daily.values().filter_map(|r| r.follows).sum::<f64>(), 66.0);
    assert!(daily
        .values()
        .all(|r| r.reach.is_none() && r.followers.is_none()));
    assert!(l.report.warnings.is_empty(), "{:?}", warnings(&l));
}

#[test]
fn real_reach_csv_and_follows_merge_by_field() {
    let l = load_with(
        vec![
            ("Reach.csv", real("meta/Reach.csv")),
            ("Follows.csv", real("meta/Follows.csv")),
        ],
        AuditConfig::default(),
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 105);
    assert_eq!(daily[&d("2025-01-01")].reach, Some(5.0));
    assert_eq!(daily[&d("2025-01-05")].reach, Some(155.0));
    assert_eq!(daily[&d("2025-01-05")].follows, Some(1.0));
    assert_eq!(daily[&d("2025-02-07")].reach, Some(961.0));
    assert_eq!(daily[&d("2025-04-15")].reach, Some(43.0));
    assert_eq!(daily.values().filter_map(|r| r.reach).sum::<f64>(), 10734.0);
    assert!(l
        .report
        .sources
        .iter()
        .all(|s| s.format == "meta/insights-daily"));
}

#[test]
fn real_audience_csv() {
    let l = load("Audience.csv", real("meta/Audience.csv"));
    assert_eq!(l.report.sources[0].format, "meta/audience");
    let a = &l.account.audience;
    assert!(a
        .iter()
        .all(|r| r.date == d("2025-04-20") && r.segment == Segment::Followers));
    assert_eq!(a.iter().filter(|r| r.dimension == "age").count(), 6);
    assert_eq!(share(&l, "age", "18-24"), Some(17.1));
    assert_eq!(share(&l, "age", "25-34"), Some(45.3));
    assert_eq!(share(&l, "age", "65+"), Some(5.0));
    assert_eq!(share(&l, "gender", "female"), Some(57.3));
    assert_eq!(share(&l, "gender", "male"), Some(42.7));
    assert_eq!(share(&l, "country", "ZA"), Some(75.1));
    assert_eq!(share(&l, "country", "NG"), Some(5.9));
    assert_eq!(share(&l, "country", "US"), Some(2.1));
    assert_eq!(share(&l, "country", "GB"), Some(1.1));
    assert_eq!(share(&l, "country", "PK"), Some(0.7));
    assert_eq!(a.iter().filter(|r| r.dimension == "city").count(), 10);
    assert_eq!(share(&l, "city", "Cape Town, South Africa"), Some(13.7));
    assert_eq!(share(&l, "city", "Maputo, Mozambique"), Some(1.4));
    // Ghana, Mozambique, Botswana and Zambia: mapped if the country table knows them, else
    // named in one warning.
    let w = warnings(&l);
    for (name, code, pct) in [
        ("Ghana", "GH", 1.5),
        ("Mozambique", "MZ", 1.5),
        ("Botswana", "BW", 1.2),
        ("Zambia", "ZM", 1.1),
    ] {
        let named = w
            .iter()
            .filter(|m| m.contains("unknown countries") && m.contains(name))
            .count();
        assert!(
            share(&l, "country", code) == Some(pct) || named == 1,
            "{name}: {w:?}"
        );
    }
    assert!(w.len() <= 1, "{w:?}");
}

#[test]
fn real_facebook_content_export() {
    let l = load(
        "Mar-18-2025_Apr-14-2025_553302954456165.csv",
        real("facebook/Mar-18-2025_Apr-14-2025_553302954456165.csv"),
    );
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.rows, src.encoding.as_str()),
        ("meta/content", 48, "UTF-8 with BOM")
    );
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 48);
    assert!(posts
        .iter()
        .all(|p| p.kind == PostType::Photo && p.saves == Field::NotGiven));
    let first = &posts[0];
    assert_eq!(first.id, "960221266197866");
    assert_eq!(first.published_at.to_rfc3339(), "2025-03-18T12:59:00+02:00");
    assert_eq!(
        first.permalink,
        "https://www.facebook.com/OigetitSouthAfricaFacebook/posts/960221266197866"
    );
    assert!(first
        .caption
        .starts_with("Convicted rapist and murderer Thabo Bester"));
    assert_eq!(
        (first.reach, first.likes, first.comments, first.shares),
        (
            Some(37.0),
            Field::Value(2.0),
            Field::Value(0.0),
            Field::Value(0.0)
        )
    );
    assert_eq!(first.engagements(), Some(2.0));
    // `Views` is 0 on every post although reach is not: impressions are left empty.
    assert!(posts.iter().all(|p| p.impressions.is_none()));
    assert_eq!((first.clicks, first.paid), (None, Some(false)));
    let p = posts.iter().find(|p| p.id == "965417722344887").unwrap();
    assert_eq!((p.reach, p.clicks), (Some(28.0), Some(1.0)));
    let p = posts.iter().find(|p| p.id == "964018985818094").unwrap();
    assert_eq!(
        (p.comments, p.engagements()),
        (Field::Value(1.0), Some(1.0))
    );
    let last = posts.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.date, last.reach),
        ("980488800837779", d("2025-04-14"), Some(48.0))
    );
    let w = warnings(&l);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("`views` is 0 on 48 posts"), "{w:?}");
}

const IG_POSTS: &str = "\u{feff}Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Comments,Saves,Follows
18355151116178767,17841400000000000,acme,Acme,\"Autumn,
menu\",0,04/01/2025 09:30,https://www.instagram.com/p/A1/,IG carousel,,Lifetime,1200,800,45,3,7,12,
18055151116178768,17841400000000000,acme,Acme,Reel,15,04/02/2025 18:05,https://www.instagram.com/reel/B2/,IG reel,,Lifetime,5000,3100,210,40,18,30,2
18055151116178769,17841400000000000,acme,Acme,Short,0,04/03/2025 10:00,https://www.instagram.com/p/C3/,IG image,,Lifetime,900,600,,1
Total,,,,,,,,,,,,,,,,,
,17841400000000000,acme,Acme,No id,0,04/03/2025 11:00,,IG image,,Lifetime,1,1,1,1,1,1,
";

#[test]
fn instagram_posts_ragged_rows_totals_and_big_ids() {
    let l = load(
        "Mar-18-2025_Apr-14-2025_1019826952924933.csv",
        IG_POSTS.as_bytes().to_vec(),
    );
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 3);
    let p = &posts[0];
    assert_eq!(
        (p.id.as_str(), p.kind),
        ("18355151116178767", PostType::Carousel)
    );
    assert!(
        p.caption.starts_with("Autumn,") && p.caption.ends_with("menu"),
        "{:?}",
        p.caption
    );
    assert_eq!(
        (p.impressions, p.reach, p.likes, p.saves),
        (
            Some(1200.0),
            Some(800.0),
            Field::Value(45.0),
            Field::Value(12.0)
        )
    );
    assert_eq!(p.engagements(), Some(55.0));
    assert_eq!(posts[1].kind, PostType::Reel);
    // A ragged row: the missing trailing cells are empty, not 0.
    assert_eq!(
        (
            posts[2].likes,
            posts[2].shares,
            posts[2].comments,
            posts[2].saves
        ),
        (Field::Empty, Field::Value(1.0), Field::Empty, Field::Empty)
    );
    let w = warnings(&l);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(
        w[0].contains("line 7") && w[0].contains("post id is empty"),
        "{w:?}"
    );
}

#[test]
fn instagram_stories_and_a_late_2023_facebook_vintage() {
    let stories = "Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,Post type,Data comment,Date,Views,Reach,Likes,Shares,Profile visits,Replies,Sticker taps,Navigation,Link clicks\n\
        18000000000000001,1,acme,Acme,,0,04/05/2025 20:00,https://instagram.com/s/1,IG story,,Lifetime,300,250,4,0,6,1,0,280,9\n";
    let l = load("Apr-01-2025_Apr-14-2025_1.csv", stories.as_bytes().to_vec());
    let p = &l.account.posts[0];
    assert_eq!(
        (p.kind, p.impressions, p.reach, p.clicks, p.comments),
        (
            PostType::Story,
            Some(300.0),
            Some(250.0),
            Some(9.0),
            Field::NotGiven
        )
    );
    let fb2023 = "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,Caption type,Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,Funded content status,Data comment,Date,IMPRESSION:UNIQUE_USERS,Reach,Impressions,\"Reactions, Comments and Shares\",Reactions,Comments,Shares,Total clicks,Matched Audience Targeting Consumption (Photo Click),Other Clicks,Link Clicks,Negative feedback from users: Hide all\n\
        1032418178499222_1,1032418178499222,Page,,Status text,0,12/12/2023 08:15,N/A,https://facebook.com/1,0,0,Text,,,,,Lifetime,90,90,130,6,4,1,1,12,,3,9,0\n";
    let l = load(
        "Dec-12-2023_Mar-06-2024_1032418178499222.csv",
        fb2023.as_bytes().to_vec(),
    );
    let p = &l.account.posts[0];
    assert_eq!(
        (p.kind, p.caption.as_str(), p.reach, p.impressions, p.clicks),
        (
            PostType::Text,
            "Status text",
            Some(90.0),
            Some(130.0),
            Some(9.0)
        )
    );
    assert_eq!(p.engagements(), Some(6.0));
}

#[test]
fn content_export_resaved_by_excel_in_windows_1252_with_semicolons_and_day_first_dates() {
    let text = "Post ID;Page ID;Page name;Title;Description;Publish time;Permalink;Post type;Date;Views;Reach;Reactions;Comments;Shares;Link Clicks\r\n\
        111;9;Café;Crème brûlée;;18/03/2025 12:59;https://fb.com/111;Videos;Lifetime;1234;1000;12;N/A;2;3,0\r\n\
        222;9;Café;;Second;01/04/2025 08:00;https://fb.com/222;Links;Lifetime;500;400;1;0;0;abc\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let l = load("export.csv", bytes.into_owned());
    assert_eq!(l.report.sources[0].encoding, "Windows-1252");
    let p = &l.account.posts[0];
    assert_eq!(
        (p.caption.as_str(), p.kind, p.date),
        ("Crème brûlée", PostType::Video, d("2025-03-18"))
    );
    assert_eq!(
        (p.impressions, p.reach, p.clicks, p.comments),
        (Some(1234.0), Some(1000.0), Some(3.0), Field::Empty)
    );
    assert_eq!(l.account.posts.len(), 1);
    assert!(warnings(&l)
        .iter()
        .any(|w| w.contains("line 3: row skipped") && w.contains("abc")));
}

#[test]
fn daily_series_resaved_by_excel_and_titled_in_other_ways() {
    // European Excel: UTF-8, `;`, no `sep=` line, no quotes; null tokens and a totals row.
    let text = "Instagram profile visits\nDate;Primary\n2025-01-01T00:00:00;3\n2025-01-02T00:00:00;\n2025-01-03T00:00:00;-\n2025-01-04T00:00:00;1 204\n2025-01-05T00:00:00;x\nTotal;1207\n";
    let l = load("Visits (1).csv", text.as_bytes().to_vec());
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 2);
    assert_eq!(daily[&d("2025-01-01")].profile_visits, Some(3.0));
    assert_eq!(daily[&d("2025-01-04")].profile_visits, Some(1204.0));
    let w = warnings(&l);
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("line 7: row skipped"), "{w:?}");
    // Excel "Unicode text": UTF-16, tabs, CRLF, `sep=\t`; Excel dates.
    let text = "Facebook link clicks\r\nDate\tPrimary\r\n1/5/2025 1:00\t4\r\n1/6/2025 1:00\t0\r\n";
    let l = load("Link clicks.csv", utf16(text));
    assert_eq!(l.account.daily[&d("2025-01-05")].website_clicks, Some(4.0));
    assert_eq!(l.account.daily[&d("2025-01-06")].website_clicks, Some(0.0));
    // No title line: the file name says which metric.
    let l = load("IG_REACH (2).csv", b"Date,Primary\n2025-02-01,7\n".to_vec());
    assert_eq!(l.account.daily[&d("2025-02-01")].reach, Some(7.0));
    let l = load(
        "Views.csv",
        utf16("sep=,\n\"Views\"\n\"Date\",\"Primary\"\n\"2025-02-01T00:00:00\",\"70\"\n"),
    );
    assert_eq!(l.account.daily[&d("2025-02-01")].impressions, Some(70.0));
}

#[test]
fn viewers_and_interactions_are_read_but_not_used() {
    for (name, title) in [
        ("Viewers.csv", "Viewers"),
        ("Interactions (1).csv", "Content interactions"),
    ] {
        let text = format!("sep=,\n\"{title}\"\n\"Date\",\"Primary\"\n\"2025-01-01T01:00:00\",\"5\"\n\"2025-01-02T01:00:00\",\"-3\"\n");
        let l = load(name, utf16(&text));
        assert!(l.account.daily.is_empty());
        assert_eq!(l.report.sources[0].rows, 0);
        let w = warnings(&l);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w.iter()
                .any(|m| m.contains("line 5: row skipped") && m.contains("negative")),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|m| m.contains("no daily field") && m.contains("not used")),
            "{w:?}"
        );
    }
}

#[test]
fn a_series_of_an_unknown_metric_is_an_error() {
    let text =
        utf16("sep=,\n\"Something new\"\n\"Date\",\"Primary\"\n\"2025-01-01T01:00:00\",\"5\"\n");
    let err = try_load("Export.csv", text, SA, TODAY).unwrap_err();
    assert!(err.to_string().contains("Something new"), "{err}");
}

#[test]
fn audience_resaved_with_semicolons_percent_signs_and_decimal_commas() {
    let text = "Top countries\nGermany;Austria;Atlantis\n\"62,5%\";\"20%\";\"1,5%\"\n\nAge & gender\n;Women;Men\n18-24;\"10,6%\";\"6,5%\"\n25-34;\"20%\";-\nUnknown;1;1\n\nTop pages\nSome page;Other\n120;80\n\nTop cities\nBerlin, Germany\n\"30,5%\"\n";
    let l = load("Audience.csv", text.as_bytes().to_vec());
    assert_eq!(share(&l, "country", "DE"), Some(62.5));
    assert_eq!(share(&l, "country", "AT"), Some(20.0));
    assert_eq!(share(&l, "age", "18-24"), Some(17.1));
    assert_eq!(share(&l, "age", "25-34"), Some(20.0));
    assert_eq!(share(&l, "gender", "female"), Some(30.6));
    assert_eq!(share(&l, "gender", "male"), Some(6.5));
    assert_eq!(share(&l, "city", "Berlin, Germany"), Some(30.5));
    let w = warnings(&l);
    assert_eq!(w.len(), 3, "{w:?}");
    assert!(w
        .iter()
        .any(|m| m.contains("unknown countries skipped: `Atlantis`")));
    assert!(w.iter().any(|m| m.contains("blocks not used: `Top pages`")));
    assert!(w
        .iter()
        .any(|m| m.contains("line 9: row skipped") && m.contains("Unknown")));
}

#[test]
fn older_audience_layout_in_utf16_tabs_with_two_platforms_and_a_daily_block() {
    let text = "Facebook followers\r\nFB_PAGE FOLLOW UNIQUE_USERS\r\n30222\r\n\r\n\
        Facebook followers by gender and age\r\nAge\tWomen\tMen\r\n25-34\t2.5%\t1.5%\r\n\r\n\
        Facebook followers by top countries\r\nTop countries\tValue\r\nUkraine\t80%\r\nPoland\t5.5%\r\n\r\n\
        Instagram followers by top countries\r\nTop countries\tValue\r\nUkraine\t60%\r\n\r\n\
        Follows\r\nDate\tPrimary\r\n2024-01-01T00:00:00\t3\r\n";
    let mut config = AuditConfig::default();
    config.account.platform = Some("facebook".into());
    let l = load_with(vec![("Audience.csv", utf16(text))], config);
    assert_eq!(share(&l, "country", "UA"), Some(80.0));
    assert_eq!(share(&l, "country", "PL"), Some(5.5));
    assert_eq!(share(&l, "age", "25-34"), Some(4.0));
    assert_eq!(share(&l, "gender", "female"), Some(2.5));
    assert_eq!(l.account.daily[&d("2024-01-01")].follows, Some(3.0));
    let w = warnings(&l);
    assert!(
        w.iter().any(|m| m.contains("only the facebook blocks")),
        "{w:?}"
    );
}
