//! Before and during the contract (kpis.md): an account that grew 30 a day for the three months
//! before the agency started on 2026-04-01 and 10 a day since, with less reach and fewer likes;
//! the table is checked against sums done here by hand, and `no-improvement` says so.

#[path = "support/run.rs"]
mod run;

use chrono::{Datelike, Days, NaiveDate};
use std::fmt::Write;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()
}

fn contract() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
}

/// Followers at the end of day `d`: 5,000 on 2025-11-30, +30 a day before the contract, +10
/// a day from its start.
fn followers(d: NaiveDate) -> f64 {
    let mut f = 5_000.0;
    let mut day = start();
    while day <= d {
        f += if day < contract() { 30.0 } else { 10.0 };
        day = day + Days::new(1);
    }
    f
}

fn reach(d: NaiveDate) -> f64 {
    if d < contract() {
        2000.0
    } else {
        1500.0
    }
}

fn likes(d: NaiveDate) -> f64 {
    if d < contract() {
        300.0
    } else {
        100.0
    }
}

/// A post every fifth day of a month (the 5th, 10th, …, 30th).
fn post_days() -> Vec<NaiveDate> {
    let end = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let mut out = Vec::new();
    let mut d = start();
    while d <= end {
        if d.day().is_multiple_of(5) {
            out.push(d);
        }
        d = d + Days::new(1);
    }
    out
}

fn account() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let end = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let mut daily = String::from("date,followers,reach\n");
    let mut d = start();
    while d <= end {
        let _ = writeln!(daily, "{d},{},{}", followers(d), reach(d));
        d = d + Days::new(1);
    }
    let mut posts = String::from("post_id,published_at,type,reach,likes,comments,shares\n");
    for (i, d) in post_days().iter().enumerate() {
        let _ = writeln!(posts, "p{i},{d}T12:00:00Z,photo,800,{},10,5", likes(*d));
    }
    let toml =
        "[account]\nname = \"Contract\"\ntimezone = \"UTC\"\n\n[contract]\nstart = 2026-04-01\n";
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    std::fs::write(dir.path().join("posts.csv"), posts).unwrap();
    std::fs::write(dir.path().join("audit.toml"), toml).unwrap();
    dir
}

fn month(y: i32, m: u32) -> (NaiveDate, NaiveDate) {
    let a = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let b = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1).unwrap()
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1).unwrap()
    } - Days::new(1);
    (a, b)
}

/// (net growth, reach, ER post) of a month, by hand.
fn by_hand(y: i32, m: u32) -> (f64, f64, f64) {
    let (a, b) = month(y, m);
    let net = followers(b) - followers(a - Days::new(1));
    let mut reach_sum = 0.0;
    let mut d = a;
    while d <= b {
        reach_sum += reach(d);
        d = d + Days::new(1);
    }
    let ers: Vec<f64> = post_days()
        .into_iter()
        .filter(|d| a <= *d && *d <= b)
        .map(|d| (likes(d) + 15.0) / followers(d) * 100.0)
        .collect();
    (net, reach_sum, ers.iter().sum::<f64>() / ers.len() as f64)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

#[test]
fn the_contract_table_is_the_months_before_against_the_months_since() {
    let dir = account();
    let path = dir.path().to_str().unwrap();
    let j = run::json(&["report", path, "--month", "2026-10", "--format", "json"]);
    let c = &j["contract"];
    assert_eq!(c["start"], "2026-04-01");
    assert!(c["end"].is_null());
    assert_eq!(
        c["months_before"],
        serde_json::json!(["2026-01", "2026-02", "2026-03"])
    );
    assert_eq!(c["months_during"].as_array().unwrap().len(), 7);
    let before: Vec<(f64, f64, f64)> = (1..=3).map(|m| by_hand(2026, m)).collect();
    let during: Vec<(f64, f64, f64)> = (4..=10).map(|m| by_hand(2026, m)).collect();
    let pick = |v: &[(f64, f64, f64)], i: usize| -> Vec<f64> {
        v.iter().map(|x| [x.0, x.1, x.2][i]).collect()
    };
    for (i, key) in ["net_growth", "reach", "er_post_pct"].iter().enumerate() {
        let (b, d) = (mean(&pick(&before, i)), mean(&pick(&during, i)));
        let row = &c["kpis"][key];
        let close = |x: &serde_json::Value, want: f64| {
            (x.as_f64().unwrap() - want).abs() < 1e-9 * want.abs().max(1.0)
        };
        assert!(
            close(&row["before"], b),
            "{key} before {} != {b}",
            row["before"]
        );
        assert!(
            close(&row["during"], d),
            "{key} during {} != {d}",
            row["during"]
        );
        let change = if *key == "er_post_pct" {
            d - b
        } else {
            (d - b) / b * 100.0
        };
        assert!(
            close(&row["change"], change),
            "{key} change {} != {change}",
            row["change"]
        );
        assert!(row["after"].is_null());
    }
    // Net growth by hand: 900 a month before (930, 840, 930), 2,140 / 7 since.
    assert!((c["kpis"]["net_growth"]["before"].as_f64().unwrap() - 900.0).abs() < 1e-9);
    assert!((c["kpis"]["net_growth"]["during"].as_f64().unwrap() - 2140.0 / 7.0).abs() < 1e-9);
    assert!(
        c["kpis"]["sessions"]["before"].is_null(),
        "no traffic file: no value"
    );
    // All three worse: the finding, low, outside the verdict.
    let f = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "no-improvement")
        .expect("no-improvement");
    assert_eq!(f["severity"], "low");
    assert!(f["title"]
        .as_str()
        .unwrap()
        .contains("grew faster before the contract than during it"));
    assert!(!j["verdict"]["because"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "no-improvement"));
    // The Markdown report has the table.
    let md = run::text(&["report", path, "--month", "2026-10"]);
    assert!(md.contains("## Before and during the contract"), "{md}");
    assert!(
        md.contains("| Net growth | 900 | 305.7 | — | -66.0 % |"),
        "{md}"
    );
}

#[test]
fn a_contract_that_ends_before_it_starts_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("audit.toml"),
        "[contract]\nstart = 2026-04-01\nend = 2026-03-01\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("daily.csv"),
        "date,followers\n2026-04-01,10\n",
    )
    .unwrap();
    let out = run::smm(&["report", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("audit.toml")
            && err.contains("the contract ends (2026-03-01) before it starts (2026-04-01)"),
        "{err}"
    );
}
