//! Properties (reliability.md, section 9 "P"): the importers and the config parser never panic
//! on any input; the sanitiser leaves no forbidden code point; drawing never panics at any size
//! and never puts a forbidden code point in a cell; KPIs and rules are total on edge series.

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smm_audit::import::{load_files, LoadOptions, SourceFile};
use smm_audit::model::{AuditConfig, Period};
use smm_audit::text::{has_forbidden, one_line, sanitize};

fn opts() -> LoadOptions {
    LoadOptions::new(chrono_tz::Europe::Berlin, "2026-11-22".parse().unwrap())
}

const NAMES: [&str; 8] = [
    "daily.csv",
    "posts.csv",
    "audience.csv",
    "traffic.csv",
    "spend.csv",
    "messages.csv",
    "Follows.csv",
    "export.xlsx",
];

/// CSV-shaped documents: a known header and rows of cells drawn from a zoo of values.
fn csv_doc() -> impl Strategy<Value = String> {
    let header = prop::sample::select(vec![
        "date,followers,follows,unfollows,reach,impressions",
        "post_id,published_at,type,caption,reach,likes,comments,shares",
        "date,segment,dimension,value,share_pct,count",
        "date,source,sessions,users,bounce_rate_pct",
        "date,campaign,amount,impressions,leads",
        "received_at,answered_at,channel",
        "sep=,\n\"Facebook reach\"\n\"Date\",\"Primary\"",
        "Date,Impressions,New follows,Unfollows",
        "\"Date\",\"Followers\",\"Difference in followers from previous day\"",
    ]);
    let cell = prop::sample::select(vec![
        "",
        "0",
        "-1",
        "12.5",
        "1,234",
        "1e308",
        "NaN",
        "inf",
        "2026-10-01",
        "2026-10-31T23:30:00Z",
        "2026-03-29 02:30",
        "followers",
        "country",
        "DE",
        "\"q\"\"uote\"",
        "\u{1b}[2J",
        "undefined",
        "February 29",
        "Sun, Aug 24, 2025",
        "99999999999999999999",
        "true",
        "photo",
        "\u{202e}x",
    ]);
    (
        header,
        prop::collection::vec(prop::collection::vec(cell, 0..9), 0..12),
    )
        .prop_map(|(h, rows)| {
            let mut s = format!("{h}\n");
            for r in rows {
                s.push_str(&r.join(","));
                s.push('\n');
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn p01_any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2048), name in prop::sample::select(NAMES.to_vec())) {
        let _ = load_files(vec![SourceFile::new(name, bytes)], AuditConfig::default(), opts(), "t");
    }

    #[test]
    fn p01_csv_shaped_documents_load_or_fail_cleanly(doc in csv_doc(), name in prop::sample::select(NAMES.to_vec())) {
        if let Ok(l) = load_files(vec![SourceFile::new(name, doc.into_bytes())], AuditConfig::default(), opts(), "t") {
            for m in ["2026-10", "2026-11", "2025-02", "2026-03"] {
                let p = Period::parse_month(m).unwrap();
                let k = smm_audit::metrics::compute(&l.account, &p);
                prop_assert!(k.iter().all(|(_, v)| v.is_none_or(f64::is_finite)));
                let _ = smm_audit::rules::evaluate(&l.account, &p, &Default::default());
            }
        }
    }

    #[test]
    fn config_text_parses_or_fails_cleanly(text in "\\PC{0,300}") {
        let _ = smm_audit::config::parse_audit(&text, "audit.toml");
        let _ = smm_audit::config::UserConfig::parse(&text, "config.toml");
    }

    #[test]
    fn p02_sanitised_text_has_no_forbidden_code_point(s in "\\PC{0,80}|[\\x00-\\x20\\x7f-\\u{a0}\\u{200b}-\\u{206f}\\u{e0000}-\\u{e007f}a-z]{0,80}") {
        let once = sanitize(&s);
        // Line breaks stay (as `\n` only); a one-line cell shows them as `⏎`.
        prop_assert!(!has_forbidden(&once.replace('\n', "")));
        prop_assert!(!has_forbidden(&one_line(&s)));
        prop_assert_eq!(sanitize(&once), once.clone());
    }
}

#[test]
fn p03_hostile_captions_never_reach_a_cell_at_any_size() {
    let caption = "Verified✓\rFAKE admin\u{8}\u{8}guest\u{7f} A\u{1b}[2Jb \u{1b}]0;pwned\u{7} \u{202e}gnp.exe\u{202c} zero\u{200b}width \u{9b}31m 👨‍👩‍👧 全角 e\u{301}\u{301}\u{301}";
    let dir = tempfile::tempdir().unwrap();
    let mut daily = String::from("date,followers,reach\n");
    for d in 1..=31 {
        daily.push_str(&format!("2026-10-{d:02},{},{}\n", 1000 + d, 50 * d));
    }
    std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
    let posts = format!("post_id,published_at,caption,reach,likes\n\"id\u{1b}[31m\",2026-10-05 10:00,\"{caption}\",500,20\n");
    std::fs::write(dir.path().join("posts.csv"), posts).unwrap();
    std::fs::write(
        dir.path().join("audit.toml"),
        "[account]\nname = \"Evil \\u001b]0;x\\u0007 Corp\"\n",
    )
    .unwrap();
    let user = dir.path().join("config.toml");
    std::fs::write(&user, "").unwrap();
    let common = smm_audit::cli::args::Common {
        config: Some(user),
        ..Default::default()
    };
    let opened = smm_audit::cli::open::open(Some(dir.path()), &common).unwrap();
    let mut app = smm_audit::build_app(opened, false).unwrap();
    use smm_audit::app::Action::*;
    for action in [TopPosts, OpenPost(1), Back, Back, FocusFindings, Help] {
        app.update(action);
        for (w, h) in [(1, 1), (12, 4), (80, 24), (100, 30), (160, 45)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| {
                smm_audit::ui::render(&app, f);
            })
            .unwrap();
            for c in t.backend().buffer().content() {
                assert!(
                    !has_forbidden(c.symbol()),
                    "{:?} in a cell after {action:?} at {w}x{h}",
                    c.symbol()
                );
            }
        }
    }
    // T07, T08: what was hidden is shown, not obeyed.
    app.update(Back);
    app.update(TopPosts);
    let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
    t.draw(|f| {
        smm_audit::ui::render(&app, f);
    })
    .unwrap();
    let buffer = t.backend().buffer();
    let rows: Vec<String> = (0..45)
        .map(|y| (0..160).map(|x| buffer[(x, y)].symbol()).collect())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("Verified✓⏎FAKE admin␈␈guest␡ A␛[2Jb")),
        "{}",
        rows.join("\n")
    );
}

/// The sample account with its bought spike, loaded once for the config property.
fn bikes() -> &'static smm_audit::model::Account {
    static ACCOUNT: std::sync::OnceLock<smm_audit::model::Account> = std::sync::OnceLock::new();
    ACCOUNT.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nordic-bikes");
        smm_audit::import::load_path(&dir, AuditConfig::default(), opts())
            .unwrap()
            .account
    })
}

/// A number a user might type: ordinary, zero, negative, huge, or not a number at all.
fn typed_number() -> impl Strategy<Value = String> {
    let sensible = prop::sample::select(vec!["1", "0.5", "3.5", "20", "100", "0.002", "0.3"]);
    let odd = prop::sample::select(vec![
        "0", "-5", "1e300", "-1e300", "nan", "inf", "-inf", "250000",
    ]);
    prop_oneof![3 => sensible, 1 => odd].prop_map(str::to_string)
}

/// audit.toml texts mixing sense and nonsense: thresholds, a portrait, a plan, a claim.
fn audit_toml() -> impl Strategy<Value = String> {
    let thresholds = prop::collection::vec(
        (
            prop::sample::select(vec![
                "spike_z",
                "spike_min_abs",
                "spike_min_share",
                "engagement_follow_ratio",
                "mismatch_medium",
                "mismatch_high",
                "claims_medium_pct",
                "claims_high_pct",
                "min_coverage",
                "low_reach_pct",
                "post_min_engagements",
                "baseline_days",
            ]),
            typed_number(),
        ),
        0..5,
    );
    let country = prop::sample::select(vec!["SE", "NO", "DK", "de", "Sweden", "other", "XX"]);
    let portrait = prop_oneof![
        Just(Vec::new()),
        Just(vec![
            ("SE", "60".to_string()),
            ("NO", "30".to_string()),
            ("other", "10".to_string())
        ]),
        Just(vec![("SE", "100".to_string())]),
        prop::collection::vec((country, typed_number()), 1..4),
    ];
    (thresholds, portrait, typed_number(), typed_number()).prop_map(
        |(rules, portrait, target, claim)| {
            let mut t = String::from("[[plan]]\nkpi = \"net_growth\"\ntarget = ");
            t.push_str(&format!(
                "{target}\n\n[[claims]]\nkpi = \"reach\"\nvalue = {claim}\n\n"
            ));
            if !portrait.is_empty() {
                let mut seen = std::collections::BTreeSet::new();
                let pairs: Vec<String> = portrait
                    .iter()
                    .filter(|(k, _)| seen.insert(*k))
                    .map(|(k, v)| format!("{k} = {v}"))
                    .collect();
                t.push_str(&format!(
                    "[portrait]\ncountry = {{ {} }}\n\n",
                    pairs.join(", ")
                ));
            }
            if !rules.is_empty() {
                t.push_str("[rules]\n");
                let mut seen = std::collections::BTreeSet::new();
                for (k, v) in rules.iter().filter(|(k, _)| seen.insert(*k)) {
                    t.push_str(&format!("{k} = {v}\n"));
                }
            }
            t
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Any config that validates gives findings whose numbers are finite and whose words hold
    /// no "NaN" or "inf": what the user types cannot become a finding that is not true.
    #[test]
    fn a_config_that_validates_gives_only_finite_findings(text in audit_toml()) {
        let Ok(config) = smm_audit::config::parse_audit(&text, "audit.toml") else {
            return Ok(());
        };
        let thresholds = smm_audit::rules::Thresholds::default().with(&config.rules).unwrap();
        let mut account = bikes().clone();
        account.config = config;
        let october = Period::parse_month("2026-10").unwrap();
        let audit = smm_audit::audit::audit_period(&account, &thresholds, &october);
        for f in &audit.findings {
            for text in [&f.title, &f.detail] {
                prop_assert!(!text.contains("NaN") && !text.contains("inf "), "{}", text);
            }
            let json = serde_json::to_string(&f.evidence).unwrap();
            prop_assert!(!json.contains("NaN") && !json.contains("Infinity"), "{}", json);
            fn finite(v: &serde_json::Value) -> bool {
                match v {
                    serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
                    serde_json::Value::Array(a) => a.iter().all(finite),
                    serde_json::Value::Object(o) => o.values().all(finite),
                    _ => true,
                }
            }
            prop_assert!(finite(&serde_json::to_value(&f.evidence).unwrap()));
        }
        for p in &audit.summary.plan {
            prop_assert!(p.target.is_finite());
        }
    }
}
