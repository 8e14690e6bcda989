//! Claims decoded (kpis.md, "The agency's definitions"): for every candidate definition, a
//! claim equal to that definition's value, computed here by hand from the planted account, is
//! matched to it in the JSON report.

#[path = "support/run.rs"]
mod run;

use std::fmt::Write;

/// (reach, impressions, likes, comments, shares, saves, clicks) of the four October posts,
/// published on the 5th, 12th, 19th and 26th.
const POSTS: [[f64; 7]; 4] = [
    [2000.0, 3000.0, 100.0, 10.0, 5.0, 20.0, 4.0],
    [1500.0, 2500.0, 80.0, 8.0, 2.0, 10.0, 6.0],
    [2500.0, 4000.0, 150.0, 20.0, 10.0, 30.0, 10.0],
    [1000.0, 1200.0, 40.0, 5.0, 1.0, 5.0, 0.0],
];
const POST_DAYS: [u32; 4] = [5, 12, 19, 26];

/// Followers on day `i` counted from 2026-09-01: 10,000, then +20 a day (30 in, 10 out).
fn followers(i: i64) -> f64 {
    10_000.0 + 20.0 * i as f64
}

fn account(claims: &[(&str, f64)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let mut daily =
        String::from("date,followers,follows,unfollows,reach,reach_organic,impressions\n");
    for i in 0..61 {
        let d = start + chrono::Days::new(i as u64);
        let _ = writeln!(daily, "{d},{},30,10,1000,700,1500", followers(i));
    }
    let mut posts = String::from(
        "post_id,published_at,type,reach,impressions,likes,comments,shares,saves,clicks\n",
    );
    for (n, (p, day)) in POSTS.iter().zip(POST_DAYS).enumerate() {
        let _ = writeln!(
            posts,
            "p{n},2026-10-{day:02}T12:00:00Z,photo,{},{},{},{},{},{},{}",
            p[0], p[1], p[2], p[3], p[4], p[5], p[6]
        );
    }
    let mut toml = String::from("[account]\nname = \"Claims\"\ntimezone = \"UTC\"\n");
    for (kpi, value) in claims {
        let _ = write!(
            toml,
            "\n[[claims]]\nmonth = \"2026-10\"\nkpi = \"{kpi}\"\nvalue = {value}\n"
        );
    }
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    std::fs::write(dir.path().join("posts.csv"), posts).unwrap();
    std::fs::write(dir.path().join("audit.toml"), toml).unwrap();
    dir
}

fn report(dir: &tempfile::TempDir) -> serde_json::Value {
    run::json(&[
        "report",
        dir.path().to_str().unwrap(),
        "--month",
        "2026-10",
        "--format",
        "json",
    ])
}

/// Every definition of kpis.md, with its value on October computed by hand.
fn expected() -> Vec<(&'static str, &'static str, f64)> {
    let sum = |f: &dyn Fn(&[f64; 7]) -> f64| POSTS.iter().map(f).sum::<f64>();
    let e = |p: &[f64; 7]| p[2] + p[3] + p[4];
    let es = |p: &[f64; 7]| e(p) + p[5];
    // F(post): followers on the day of publication (day index from 2026-09-01).
    let f = |k: usize| followers(30 + i64::from(POST_DAYS[k]) - 1);
    let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
    let (start, end) = (followers(29), followers(60));
    let n = POSTS.len() as f64;
    vec![
        ("reach", "reach", 31.0 * 1000.0),
        ("reach", "post_reach", sum(&|p| p[0])),
        ("reach", "daily_impressions", 31.0 * 1500.0),
        ("reach", "post_impressions", sum(&|p| p[1])),
        ("reach", "organic_reach", 31.0 * 700.0),
        ("impressions", "impressions", 31.0 * 1500.0),
        ("impressions", "post_impressions", sum(&|p| p[1])),
        ("engagements", "engagements", sum(&e)),
        ("engagements", "with_saves", sum(&es)),
        ("engagements", "with_saves_clicks", sum(&|p| es(p) + p[6])),
        ("engagements", "likes_comments", sum(&|p| p[2] + p[3])),
        (
            "er_post_pct",
            "er_post_pct",
            mean((0..4).map(|k| e(&POSTS[k]) / f(k) * 100.0).collect()),
        ),
        (
            "er_post_pct",
            "with_saves",
            mean((0..4).map(|k| es(&POSTS[k]) / f(k) * 100.0).collect()),
        ),
        ("er_post_pct", "by_followers_end", sum(&e) / n / end * 100.0),
        ("er_post_pct", "by_reach", sum(&e) / sum(&|p| p[0]) * 100.0),
        (
            "er_post_pct",
            "by_reach_with_saves",
            sum(&es) / sum(&|p| p[0]) * 100.0,
        ),
        (
            "er_post_pct",
            "by_impressions",
            sum(&e) / sum(&|p| p[1]) * 100.0,
        ),
        ("err_pct", "err_pct", sum(&e) / sum(&|p| p[0]) * 100.0),
        ("err_pct", "with_saves", sum(&es) / sum(&|p| p[0]) * 100.0),
        (
            "err_pct",
            "mean_per_post",
            mean(POSTS.iter().map(|p| e(p) / p[0] * 100.0).collect()),
        ),
        ("net_growth", "net_growth", end - start),
        ("net_growth", "follows", 31.0 * 30.0),
        ("growth_pct", "growth_pct", (end - start) / start * 100.0),
        ("growth_pct", "gross", 31.0 * 30.0 / start * 100.0),
    ]
}

#[test]
fn a_claim_equal_to_each_definition_is_matched_to_it() {
    let cases = expected();
    let claims: Vec<(&str, f64)> = cases.iter().map(|(k, _, v)| (*k, *v)).collect();
    let dir = account(&claims);
    let json = report(&dir);
    let results = json["claims"].as_array().unwrap();
    assert_eq!(results.len(), cases.len());
    for ((kpi, id, value), c) in cases.iter().zip(results) {
        assert_eq!(c["kpi"], *kpi);
        let def = c["definitions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == *id)
            .unwrap_or_else(|| panic!("{kpi}: no definition {id} in {c}"));
        let got = def["value"].as_f64().unwrap();
        assert!(
            (got - value).abs() < 1e-9 * value.abs().max(1.0),
            "{kpi} {id}: {got} != {value}"
        );
        let matches: Vec<&str> = c["matches"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m.as_str())
            .collect();
        assert!(matches.contains(id), "{kpi} {id}: matches {matches:?}");
    }
}

/// A reach claim that equals the posts' reach summed: the finding and the report say so.
#[test]
fn the_report_names_the_definition_a_claim_matches() {
    let post_reach: f64 = POSTS.iter().map(|p| p[0]).sum();
    let dir = account(&[("reach", post_reach)]);
    let json = report(&dir);
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "claims-mismatch")
        .expect("7,000 against 31,000 is a mismatch");
    let detail = finding["detail"].as_str().unwrap();
    assert!(
        detail.contains("the posts' reach summed (7,000)"),
        "{detail}"
    );
    assert!(
        detail.contains("this audit counts daily reach summed, 31,000"),
        "{detail}"
    );
    assert_eq!(finding["evidence"]["matches"][0], "post_reach");
    let md = run::text(&["report", dir.path().to_str().unwrap(), "--month", "2026-10"]);
    assert!(md.contains("| the claim equals |"), "{md}");
    assert!(md.contains("the posts' reach summed (7,000)"), "{md}");
}

#[test]
fn a_claim_against_a_sum_of_days_that_lacks_days_says_which() {
    // October's reach is 31 × 1,000; the 20th and 21st are taken out of the export, so the
    // measured sum is 29,000 and an honest claim of 31,000 looks 6.9 % too high.
    let dir = account(&[("reach", 31_000.0)]);
    let path = dir.path().join("daily.csv");
    let daily = std::fs::read_to_string(&path).unwrap();
    let kept: String = daily
        .lines()
        .filter(|l| !l.starts_with("2026-10-20") && !l.starts_with("2026-10-21"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, kept).unwrap();
    let v = report(&dir);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "claims-mismatch")
        .unwrap();
    let detail = f["detail"].as_str().unwrap();
    assert!(
        detail.contains(
            "sums the 29 of the 31 days that have a daily row; the export you loaded has none for \
             2026-10-20, 2026-10-21"
        ),
        "{detail}"
    );
    assert_eq!(f["evidence"]["days_with_rows"], 29);
}
