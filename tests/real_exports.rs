//! The real exports (copies under tests/fixtures/real-exports) through the real binary: every
//! file is read by its importer, and a folder that mixes platforms and canonical files opens as
//! one account.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-exports")
}

fn report(path: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .arg("report")
        .arg(path)
        .args(["--format", "json"])
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn formats(v: &Value) -> Vec<(String, String)> {
    v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["file"].as_str().unwrap().to_string(),
                s["format"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_real_file_is_read_by_its_importer() {
    let cases = [
        ("x", vec![("account_overview_analytics.csv", "x/account-overview"), ("tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv", "x/tweet-activity")]),
        ("tiktok", vec![("Content.csv", "tiktok/content"), ("FollowerGender.csv", "tiktok/follower-gender"), ("FollowerHistory.csv", "tiktok/follower-history"), ("FollowerTopTerritories.csv", "tiktok/follower-territories"), ("Overview.csv", "tiktok/overview")]),
        ("youtube", vec![("Table data.csv", "youtube/table-data"), ("Totals.csv", "youtube/totals")]),
        ("meta", vec![("Audience.csv", "meta/audience"), ("Follows.csv", "meta/insights-daily"), ("Reach.csv", "meta/insights-daily")]),
        ("facebook", vec![("Facebook Insights Data Export (Post Level) - Visualization Studio VIC - 2014-08-24 - 2015-02-19.csv", "facebook-legacy/posts"), ("Mar-18-2025_Apr-14-2025_553302954456165.csv", "meta/content")]),
    ];
    for (folder, expected) in cases {
        let v = report(&fixtures().join(folder), &[]);
        let got = formats(&v);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(f, k)| (f.to_string(), k.to_string()))
            .collect();
        assert_eq!(got, want, "{folder}");
    }
}

#[test]
fn meta_daily_series_give_reach_and_follows_by_day() {
    let v = report(
        &fixtures().join("meta"),
        &["--from", "2025-01-01", "--to", "2025-01-05"],
    );
    // Reach.csv: 5, 14, 21, 11, 155; Follows.csv: 0, 0, 0, 0, 1.
    assert_eq!(v["kpis"]["reach"], 206);
    assert_eq!(v["kpis"]["follows"], 1);
    assert_eq!(
        v["kpis"]["followers_end"],
        Value::Null,
        "Meta gives no follower count"
    );
}

#[test]
fn x_overview_and_tweets() {
    let v = report(
        &fixtures().join("x"),
        &["--from", "2025-08-19", "--to", "2025-08-24"],
    );
    assert_eq!(v["kpis"]["impressions"], 5866 + 48 + 43 + 58 + 468 + 21);
    assert_eq!(v["kpis"]["follows"], 6);
    assert_eq!(v["kpis"]["unfollows"], 2);
    let v = report(
        &fixtures().join("x"),
        &["--month", "2019-01", "--tz", "UTC"],
    );
    assert!(v["kpis"]["posts"].as_f64().unwrap() >= 30.0);
    // X gives impressions, not reach: the posts are ranked by views (interface.md).
    assert_eq!(v["top_posts_by"], "views");
    assert_eq!(v["top_posts"].as_array().unwrap().len(), 5);
    assert!(v["kpis"]["er_view_pct"].is_number());
}

#[test]
fn a_folder_mixing_platforms_and_canonical_files_is_one_account() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["Follows.csv", "Reach.csv", "Audience.csv"] {
        std::fs::copy(fixtures().join("meta").join(f), dir.path().join(f)).unwrap();
    }
    std::fs::copy(
        fixtures().join("facebook/Mar-18-2025_Apr-14-2025_553302954456165.csv"),
        dir.path().join("content.csv"),
    )
    .unwrap();
    let mut daily = String::from("date,followers\n");
    for d in 1..=31 {
        daily.push_str(&format!("2025-03-{d:02},{}\n", 500 + d));
    }
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    std::fs::write(
        dir.path().join("traffic.csv"),
        "date,source,sessions\n2025-03-10,facebook,40\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("audit.toml"), "[account]\nname = \"Mixed\"\nplatform = \"facebook\"\ntimezone = \"Africa/Johannesburg\"\n").unwrap();
    let v = report(dir.path(), &["--month", "2025-03"]);
    let kinds: Vec<String> = formats(&v).into_iter().map(|(_, k)| k).collect();
    for k in [
        "meta/audience",
        "meta/content",
        "canonical/daily",
        "meta/insights-daily",
        "canonical/traffic",
    ] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }
    assert_eq!(v["kpis"]["followers_end"], 531);
    assert_eq!(v["kpis"]["sessions"], 40);
    assert!(v["kpis"]["reach"].as_f64().unwrap() > 0.0);
    assert!(v["kpis"]["follows"].as_f64().is_some());
    assert!(v["kpis"]["posts"].as_f64().unwrap() > 0.0);
    assert!(
        v["kpis"]["er_post_pct"].as_f64().is_some(),
        "posts meet the canonical follower counts"
    );
}

/// X gives views, not reach: the top 5 are ranked by views, and say so (interface.md).
#[test]
fn the_top_posts_of_a_views_platform_are_ranked_by_views() {
    let v = report(&fixtures().join("x"), &["--month", "2019-01"]);
    assert_eq!(v["top_posts_by"], "views");
    let views: Vec<f64> = v["top_posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["impressions"].as_f64().unwrap())
        .collect();
    assert_eq!(views.len(), 5);
    assert!(views.windows(2).all(|w| w[0] >= w[1]), "{views:?}");
    // A platform with reach keeps reach.
    let v = report(&fixtures().join("facebook"), &["--month", "2025-04"]);
    assert_eq!(v["top_posts_by"], "reach");
}
