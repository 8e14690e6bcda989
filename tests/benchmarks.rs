//! Benchmarks that use the same formula: each published median is shown beside this account's
//! value computed with the source's own formula, never beside a KPI of another formula.

#[path = "support/run.rs"]
mod run;

use std::fmt::Write;

/// An Instagram account of 10,000 to 11,200 followers (+20 a day from 2026-09-01) with four
/// October posts of (reach, likes, comments, shares).
const POSTS: [[f64; 4]; 4] = [
    [2000.0, 100.0, 10.0, 5.0],
    [1500.0, 80.0, 8.0, 2.0],
    [2500.0, 150.0, 20.0, 10.0],
    [1000.0, 40.0, 5.0, 1.0],
];

fn followers(i: i64) -> f64 {
    10_000.0 + 20.0 * i as f64
}

fn account(extra_toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let mut daily = String::from("date,followers\n");
    for i in 0..61 {
        let _ = writeln!(
            daily,
            "{},{}",
            start + chrono::Days::new(i as u64),
            followers(i)
        );
    }
    let mut posts = String::from("post_id,published_at,type,reach,likes,comments,shares\n");
    for (n, p) in POSTS.iter().enumerate() {
        let day = 5 + 7 * n;
        let _ = writeln!(
            posts,
            "p{n},2026-10-{day:02}T12:00:00Z,photo,{},{},{},{}",
            p[0], p[1], p[2], p[3]
        );
    }
    let toml = format!(
        "[account]\nname = \"B\"\nplatform = \"instagram\"\ntimezone = \"UTC\"\n{extra_toml}"
    );
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    std::fs::write(dir.path().join("posts.csv"), posts).unwrap();
    std::fs::write(dir.path().join("audit.toml"), toml).unwrap();
    dir
}

fn report(dir: &tempfile::TempDir) -> std::process::Output {
    run::smm(&[
        "report",
        dir.path().to_str().unwrap(),
        "--month",
        "2026-10",
        "--format",
        "json",
    ])
}

/// The mean over the posts of `value / F * 100`, F the followers on the day of publication.
fn per_follower(value: impl Fn(&[f64; 4]) -> f64) -> f64 {
    let f = |n: usize| followers(30 + 4 + 7 * n as i64);
    POSTS
        .iter()
        .enumerate()
        .map(|(n, p)| value(p) / f(n) * 100.0)
        .sum::<f64>()
        / POSTS.len() as f64
}

#[test]
fn each_benchmark_stands_beside_the_value_by_its_own_formula() {
    let out = report(&account(""));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = j["benchmarks"].as_array().unwrap();
    assert!(
        rows.iter().all(|r| r["platform"] == "instagram"),
        "only the account's platform"
    );
    let find = |source: &str, formula: &str| {
        rows.iter()
            .find(|r| r["source"].as_str().unwrap().starts_with(source) && r["formula"] == formula)
            .unwrap_or_else(|| panic!("{source} {formula} in {rows:?}"))
    };
    let close = |v: &serde_json::Value, want: f64| (v.as_f64().unwrap() - want).abs() < 1e-9;
    // Rival IQ counts likes, comments and shares per follower: ER post itself.
    let rival = find("Rival IQ", "er_post");
    assert!(close(
        &rival["account_value_pct"],
        j["kpis"]["er_post_pct"].as_f64().unwrap()
    ));
    assert!(close(
        &rival["account_value_pct"],
        per_follower(|p| p[1] + p[2] + p[3])
    ));
    // HypeAuditor counts likes and comments only: the account's value is computed so, not ER post.
    let hype = find("HypeAuditor", "er_likes_comments");
    assert_eq!(
        hype["median_pct"], 0.54,
        "the 10K–50K tier for 11,200 followers"
    );
    assert!(close(
        &hype["account_value_pct"],
        per_follower(|p| p[1] + p[2])
    ));
    // Minter.io: a post's reach per follower.
    let minter = find("Minter.io", "post_reach_rate");
    assert!(close(&minter["account_value_pct"], per_follower(|p| p[0])));
    // No tier that does not hold 11,200 followers.
    assert!(!rows
        .iter()
        .any(|r| r["median_pct"] == 1.78 || r["median_pct"] == 22.9));
}

#[test]
fn an_own_row_replaces_the_shipped_one_and_a_wrong_formula_is_refused() {
    let own = "\n[[benchmarks]]\nplatform = \"instagram\"\nformula = \"er_post\"\nmedian_pct = 1.2\nsource = \"Our agency's other clients\"\nmin_followers = 5000\n";
    let out = report(&account(own));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let er: Vec<&serde_json::Value> = j["benchmarks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["formula"] == "er_post" && r["min_followers"] == 5000.0)
        .collect();
    assert_eq!(er.len(), 1);
    assert_eq!(er[0]["source"], "Our agency's other clients");
    let bad = "\n[[benchmarks]]\nplatform = \"instagram\"\nformula = \"er_by_vibes\"\nmedian_pct = 1\nsource = \"x\"\n";
    let out = report(&account(bad));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("er_by_vibes") && err.contains("er_likes_comments"),
        "{err}"
    );
}

/// Where the account has a platform but no benchmark can stand beside it, the report says why
/// instead of leaving the section out.
#[test]
fn a_platform_without_a_benchmark_is_told_why() {
    let json = |dir: &tempfile::TempDir| -> serde_json::Value {
        let out = report(dir);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let with = json(&account(""));
    assert!(with["benchmarks_absent"].is_null());

    let youtube = account("");
    let toml = youtube.path().join("audit.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("\"instagram\"", "\"youtube\"")).unwrap();
    let j = json(&youtube);
    assert_eq!(j["benchmarks"].as_array().unwrap().len(), 0);
    assert_eq!(
        j["benchmarks_absent"],
        "The table has no published benchmark for YouTube; one of your own can be added with \
         [[benchmarks]] in audit.toml."
    );
    let md = run::smm(&[
        "report",
        youtube.path().to_str().unwrap(),
        "--month",
        "2026-10",
    ]);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains(
            "## Against published benchmarks\n\nThe table has no published benchmark for YouTube"
        ),
        "{md}"
    );

    // Follows but no follower count: the benchmarks are by size.
    let no_count = account("");
    let daily = no_count.path().join("daily.csv");
    let text = std::fs::read_to_string(&daily).unwrap();
    let follows: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => "date,follows\n".to_string(),
            _ => format!("{},20\n", l.split(',').next().unwrap()),
        })
        .collect();
    std::fs::write(&daily, follows).unwrap();
    let j = json(&no_count);
    assert!(
        j["benchmarks_absent"]
            .as_str()
            .unwrap()
            .contains("no follower count at its end"),
        "{}",
        j["benchmarks_absent"]
    );
}
