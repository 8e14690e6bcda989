use crate::support::{self, d};
use smm_audit::import::canonical::Parsed;
use smm_audit::import::platform::{Ctx, Format, Reader};
use smm_audit::import::{decode, table, LoadReport, Loaded};
use smm_audit::model::{AudienceRow, AuditConfig, DailyRow, Field, PostType, Segment};

/// A file loaded in UTC on `today`.
pub(super) fn load(name: &str, bytes: impl Into<Vec<u8>>, today: &str) -> Loaded {
    support::load(name, bytes, chrono_tz::UTC, today)
}

fn real(name: &str) -> Vec<u8> {
    support::real(&format!("tiktok/{name}"))
}

/// Through one importer directly (for a file the canonical `daily` detection takes first).
pub(super) fn direct(imp: &Format, bytes: &[u8], today: &str) -> (Vec<DailyRow>, LoadReport) {
    let table = table::parse_text(&decode::decode(bytes).text).unwrap();
    let config = AuditConfig::default();
    assert!(imp.claims_table(&table, "f.csv", &config));
    let mut report = LoadReport::default();
    let mut ctx = Ctx {
        file: "f.csv",
        tz: chrono_tz::UTC,
        export_date: d(today),
        today: d(today),
        folder_platform: None,
        config: &config,
        report: &mut report,
    };
    let Reader::Table(_, read) = imp.reader else {
        panic!("{} does not read tables", imp.name)
    };
    let parts = read(&table, &mut ctx).unwrap();
    let rows = match parts.into_iter().next() {
        Some(Parsed::Daily(rows)) => rows.into_iter().map(|(_, r)| r).collect(),
        _ => Vec::new(),
    };
    (rows, report)
}

pub(super) fn share(rows: &[AudienceRow], value: &str) -> f64 {
    rows.iter()
        .find(|r| r.value == value)
        .unwrap()
        .share_pct
        .unwrap()
}

#[test]
fn real_overview() {
    let l = load("Overview.csv", real("Overview.csv"), "2026-03-01");
    assert_eq!(l.report.sources[0].format, "tiktok/overview");
    assert_eq!(l.report.sources[0].encoding, "UTF-8 with BOM");
    // Its daily likes, comments and shares are not the audit's engagement: the one note says so.
    let notes: Vec<&str> = l
        .report
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("`likes`, `comments`, `shares` count what all the account's posts")
            && notes[0].contains("not used"),
        "{notes:?}"
    );
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 365);
    assert_eq!(daily.keys().next(), Some(&d("2025-02-28")));
    assert_eq!(daily.keys().last(), Some(&d("2026-02-27")));
    let r = &daily[&d("2025-12-31")];
    assert_eq!(
        (r.impressions, r.profile_visits, r.follows, r.followers),
        (Some(9768.0), Some(12.0), None, None)
    );
    let r = &daily[&d("2026-01-01")];
    assert_eq!(
        (r.impressions, r.profile_visits),
        (Some(28710.0), Some(23.0))
    );
    let r = &daily[&d("2025-09-05")];
    assert_eq!(
        (r.impressions, r.profile_visits),
        (Some(110581.0), Some(164.0))
    );
    assert_eq!(daily[&d("2025-03-15")].impressions, Some(0.0));
}

#[test]
fn real_content() {
    let l = support::load(
        "Content.csv",
        real("Content.csv"),
        chrono_tz::America::New_York,
        "2026-03-01",
    );
    assert_eq!(l.report.sources[0].format, "tiktok/content");
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 13);
    let p = posts
        .iter()
        .find(|p| p.id == "7527623000473079054")
        .unwrap();
    // `July 16` without a year; the id gives 2025-07-16 10:21:48 UTC.
    assert_eq!(p.published_at.to_rfc3339(), "2025-07-16T06:21:48-04:00");
    assert_eq!(p.date, d("2025-07-16"));
    assert_eq!(
        (p.impressions, p.likes, p.comments, p.shares),
        (
            Some(191265.0),
            Field::Value(533.0),
            Field::Value(32.0),
            Field::Value(16.0)
        )
    );
    assert_eq!(
        (p.kind, p.saves, p.reach),
        (PostType::Video, Field::NotGiven, None)
    );
    assert!(p.caption.starts_with("@Unbrush #unbrush"));
    assert_eq!(
        p.permalink,
        "https://www.tiktok.com/@haileytupy2.0/video/7527623000473079054"
    );
    // Across new year: `December 31` is 2025, `February 1` is 2026.
    let dec31 = posts
        .iter()
        .find(|p| p.id == "7590117423970258206")
        .unwrap();
    assert_eq!(dec31.published_at.to_rfc3339(), "2025-12-31T15:12:05-05:00");
    assert_eq!(
        (dec31.impressions, dec31.likes),
        (Some(17266.0), Field::Value(3.0))
    );
    let feb1 = posts
        .iter()
        .find(|p| p.id == "7602008805399940407")
        .unwrap();
    assert_eq!(feb1.date, d("2026-02-01"));
    assert_eq!(posts[0].id, "7491033674700328235");
    assert_eq!(posts[0].date, d("2025-04-08"));
}

#[test]
fn real_follower_history() {
    let (rows, report) = direct(
        crate::support::format("tiktok/follower-history"),
        &real("FollowerHistory.csv"),
        "2026-03-01",
    );
    // 25 `undefined` days before tracking started give no row, and the load report says so.
    let w: Vec<&str> = report.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        w,
        ["25 days have `undefined` followers (TikTok had not counted them yet): they give no follower count"]
    );
    assert_eq!(rows.len(), 340);
    assert_eq!(
        (rows[0].date, rows[0].followers),
        (d("2025-03-25"), Some(37.0))
    );
    let at = |s: &str| rows.iter().find(|r| r.date == d(s)).unwrap();
    assert_eq!(at("2025-12-31").followers, Some(4996.0));
    assert_eq!(at("2026-01-01").followers, Some(4993.0));
    assert_eq!(at("2026-02-27").followers, Some(5013.0));
    // The difference column is net: no gross follows or unfollows.
    assert!(rows
        .iter()
        .all(|r| r.follows.is_none() && r.unfollows.is_none()));
}

#[test]
fn real_follower_gender() {
    let l = load(
        "FollowerGender.csv",
        real("FollowerGender.csv"),
        "2026-03-01",
    );
    assert_eq!(l.report.sources[0].format, "tiktok/follower-gender");
    let a = &l.account.audience;
    assert_eq!(a.len(), 3);
    assert!(a.iter().all(|r| r.dimension == "gender"
        && r.segment == Segment::Followers
        && r.date == d("2026-03-01")));
    assert!((share(a, "female") - 59.0).abs() < 1e-9);
    assert!((share(a, "male") - 41.0).abs() < 1e-9);
    assert_eq!(share(a, "other"), 0.0);
}

#[test]
fn real_follower_territories() {
    let l = load(
        "FollowerTopTerritories.csv",
        real("FollowerTopTerritories.csv"),
        "2026-03-01",
    );
    assert_eq!(l.report.sources[0].format, "tiktok/follower-territories");
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
    let a = &l.account.audience;
    // `Others` (21.1 %) is left out: it counts as "other".
    assert_eq!(a.len(), 10);
    assert!(a.iter().all(|r| r.dimension == "country"));
    assert!((share(a, "US") - 46.2).abs() < 1e-9);
    assert!((share(a, "EG") - 21.9).abs() < 1e-9);
    assert!((share(a, "GB") - 0.9).abs() < 1e-9);
    assert!((share(a, "RO") - 0.1).abs() < 1e-9);
    let total: f64 = a.iter().filter_map(|r| r.share_pct).sum();
    assert!((total - 78.9).abs() < 1e-6);
}
