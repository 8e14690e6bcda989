//! Changes in how the platforms count: a YouTube account's April 2025 compared with March
//! straddles 2025-03-31, when YouTube began counting every start of a Short as a view.

#[path = "support/run.rs"]
mod run;

use std::fmt::Write;

fn account(platform: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap();
    let mut daily = String::from("date,followers,reach,impressions\n");
    for i in 0..120 {
        let d = start + chrono::Days::new(i);
        let _ = writeln!(daily, "{d},{},900,{}", 5000 + i * 3, 1200 + i * 10);
    }
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    std::fs::write(
        dir.path().join("audit.toml"),
        format!("[account]\nname = \"Tube\"\nplatform = \"{platform}\"\ntimezone = \"UTC\"\n\n[[plan]]\nkpi = \"impressions\"\ntarget = 1\n"),
    )
    .unwrap();
    dir
}

fn report(dir: &tempfile::TempDir, month: &str, format: &str) -> String {
    run::text(&[
        "report",
        dir.path().to_str().unwrap(),
        "--month",
        month,
        "--format",
        format,
    ])
}

#[test]
fn a_comparison_across_the_shorts_view_change_is_marked() {
    let dir = account("youtube");
    let j: serde_json::Value = serde_json::from_str(&report(&dir, "2025-04", "json")).unwrap();
    let changes = j["metric_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0]["date"], "2025-03-31");
    assert!(changes[0]["kpis"]
        .as_array()
        .unwrap()
        .iter()
        .any(|k| k == "impressions"));
    let md = report(&dir, "2025-04", "md");
    assert!(md.contains("| Impressions † | `impressions` |"), "{md}");
    assert!(
        md.contains("† 2025-03-31: YouTube counts every start or replay of a Short"),
        "{md}"
    );
    // The plan of the month is marked too.
    assert!(md.matches("Impressions †").count() >= 2, "{md}");
    // May against April straddles nothing.
    let j: serde_json::Value = serde_json::from_str(&report(&dir, "2025-05", "json")).unwrap();
    assert!(j["metric_changes"].as_array().unwrap().is_empty());
    let md = report(&dir, "2025-05", "md");
    assert!(!md.contains('†'), "{md}");
}

#[test]
fn another_platform_is_not_marked_by_youtube_s_change() {
    let dir = account("facebook");
    let j: serde_json::Value = serde_json::from_str(&report(&dir, "2025-04", "json")).unwrap();
    assert!(j["metric_changes"].as_array().unwrap().is_empty());
}
