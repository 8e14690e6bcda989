//! `smm-audit portfolio ROOT`: one row per account folder, most at risk first, with a row and
//! its reason for an account that cannot be read; the exit status of --fail-on; md, json, csv.

use chrono::Days;
use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Output};

fn copy_sample(name: &str, to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name);
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

/// A flagged account, one with three days of data (not enough to judge), one whose
/// audit.toml is broken, a genuine one, and a folder of notes that is no account.
fn root() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    copy_sample("nordic-bikes", &root.path().join("a-bikes"));
    copy_sample("acme-coffee", &root.path().join("clients/d-coffee"));
    let thin = root.path().join("b-thin");
    std::fs::create_dir_all(&thin).unwrap();
    let today = chrono::Local::now().date_naive();
    let mut daily = String::from("date,followers\n");
    for i in (1..=3).rev() {
        let _ = writeln!(daily, "{},{}", today - Days::new(i), 1000 + i);
    }
    std::fs::write(thin.join("daily.csv"), daily).unwrap();
    let broken = root.path().join("clients/c-broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("audit.toml"), "[account]\nname = \"Broken\n").unwrap();
    std::fs::write(broken.join("daily.csv"), "date,followers\n2026-10-01,5\n").unwrap();
    let notes = root.path().join("notes/drafts");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("plan.md"), "call the agency\n").unwrap();
    root
}

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .arg("portfolio")
        .arg(root)
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap()
}

#[test]
fn rows_in_risk_order_with_the_unreadable_one_named() {
    let root = root();
    let out = run(root.path(), &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = j["accounts"].as_array().unwrap();
    let folders: Vec<&str> = rows.iter().map(|r| r["folder"].as_str().unwrap()).collect();
    assert_eq!(
        folders,
        ["a-bikes", "b-thin", "clients/c-broken", "clients/d-coffee"]
    );
    assert_eq!(rows[0]["verdict"], "likely-inflated");
    assert_eq!(rows[0]["name"], "Nordic Bikes");
    assert_eq!(rows[0]["followers_end"], 9624.0);
    assert_eq!(rows[0]["plan_missed"], 1);
    assert!(rows[0]["findings_medium_or_above"].as_u64().unwrap() >= 5);
    assert_eq!(rows[1]["verdict"], "insufficient-data");
    assert_eq!(
        rows[1]["name"], "b-thin",
        "an account without a name is known by its folder"
    );
    assert_eq!(rows[1]["stale"], false);
    assert!(rows[2]["verdict"].is_null());
    let why = rows[2]["error"].as_str().unwrap();
    assert!(why.contains("audit.toml") && why.contains("line"), "{why}");
    assert_eq!(rows[3]["verdict"], "genuine");
    // A finding at high: exit 3 with --fail-on high.
    assert_eq!(
        run(root.path(), &["--fail-on", "high"]).status.code(),
        Some(3)
    );
}

#[test]
fn an_account_without_a_dated_row_says_why_it_was_not_audited() {
    let root = tempfile::tempdir().unwrap();
    let shop = root.path().join("empty-shop");
    std::fs::create_dir_all(&shop).unwrap();
    std::fs::write(shop.join("daily.csv"), "date,followers\n2026-10-01,abc\n").unwrap();
    let out = run(root.path(), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &j["accounts"][0];
    assert!(row["verdict"].is_null());
    assert!(row["error"].is_null(), "it was read");
    assert_eq!(
        row["findings_medium_or_above"], 0,
        "no finding on what was not audited"
    );
    let why = row["not_audited"].as_str().unwrap();
    assert!(
        why.starts_with("nothing to audit: no dated row could be read")
            && why.contains("daily.csv line 2")
            && why.contains("`abc` is not a number"),
        "{why}"
    );
    let table = String::from_utf8(run(root.path(), &[]).stdout).unwrap();
    assert!(
        table.contains("not audited") && table.contains("nothing to audit"),
        "{table}"
    );
}

#[test]
fn markdown_csv_and_a_file_that_is_never_overwritten() {
    let root = root();
    let md = String::from_utf8(run(root.path(), &["--format", "md"]).stdout).unwrap();
    assert!(md.starts_with("# Portfolio: 4 accounts"), "{md}");
    let first_row = md
        .lines()
        .find(|l| l.starts_with("| Nordic Bikes |"))
        .unwrap();
    assert!(
        first_row.contains("| likely inflated |") && first_row.contains("| 9,624 |"),
        "{first_row}"
    );
    let csv = String::from_utf8(run(root.path(), &["--format", "csv"]).stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 4);
    assert_eq!(&records[0][0], "a-bikes");
    assert_eq!(&records[0][6], "9624", "machine values in the CSV");
    let file = root.path().join("portfolio.html");
    assert!(run(
        root.path(),
        &["--format", "html", "-o", file.to_str().unwrap()]
    )
    .status
    .success());
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("<tr class=\"likely-inflated\">") && !html.contains("<script"));
    let again = run(
        root.path(),
        &["--format", "html", "-o", file.to_str().unwrap()],
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "never overwritten without --force"
    );
}
