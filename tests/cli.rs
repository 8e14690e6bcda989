//! The real binary on folders of files: exit codes, messages, reports.

use std::path::Path;
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_smm-audit"));
    // Never read the developer's own config.
    c.env("XDG_CONFIG_HOME", "/nonexistent-smm-audit-test")
        .env("HOME", "/nonexistent-smm-audit-test")
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().unwrap()
}

const DAILY: &str = "date,followers,follows,unfollows,reach\n2026-09-30,100,,,\n2026-10-01,110,12,2,50\n2026-10-02,120,11,1,70\n";

#[test]
fn json_report_has_every_kpi_key() {
    let dir = folder(&[("daily.csv", DAILY)]);
    let o = run(&[
        "report",
        path(&dir),
        "--month",
        "2026-10",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], "smm-audit/report/v1");
    assert_eq!(v["period"]["days"], 31);
    assert_eq!(v["previous_period"]["start"], "2026-09-01");
    let kpis = v["kpis"].as_object().unwrap();
    for key in smm_audit::report::json::kpi_keys() {
        assert!(kpis.contains_key(key), "kpis lacks {key}");
        assert!(v["previous"].as_object().unwrap().contains_key(key));
    }
    assert_eq!(v["kpis"]["followers_end"], 120);
    assert_eq!(v["kpis"]["net_growth"], 20);
    assert_eq!(v["kpis"]["growth_pct"], 20);
    assert_eq!(v["kpis"]["posts"], serde_json::Value::Null);
    assert_eq!(v["kpis"]["reach"], 120);
    for key in [
        "sources",
        "warnings",
        "plan",
        "claims",
        "top_posts",
        "findings",
    ] {
        assert!(v[key].is_array(), "{key}");
    }
    assert!(v["verdict"]["level"].is_string());
}

#[test]
fn bad_rows_are_skipped_with_file_and_line() {
    let daily = "date,followers\n2026-10-01,100\n2026-10-02,\n2026-10-03,abc\n2026-13-01,5\n2026-10-05,104\n";
    let dir = folder(&[("daily.csv", daily)]);
    let o = run(&["report", path(&dir), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let w = v["warnings"].as_array().unwrap();
    let lines: Vec<u64> = w.iter().map(|x| x["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, vec![3, 4, 5]);
    assert!(w.iter().all(|x| x["file"] == "daily.csv"));
    assert!(w[1]["message"].as_str().unwrap().contains("`abc`"));
    assert_eq!(v["sources"][0]["rows"], 2);
    let err = stderr(&o);
    assert!(err.contains("daily.csv line 4"), "{err}");
}

/// A file that is recognised but cannot be used is set aside with one sentence; the rest of
/// the folder loads (formats.md). Alone, it is the error.
#[test]
fn a_missing_required_column_sets_the_file_aside_naming_file_and_column() {
    let dir = folder(&[("posts.csv", "post_id,reach\n1,10\n"), ("daily.csv", DAILY)]);
    let o = run(&["report", path(&dir), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("set aside: posts.csv: the required column `published_at` is missing"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["skipped"][0]["file"], "posts.csv");
    assert_eq!(v["kpis"]["posts"], serde_json::Value::Null);
    let alone = folder(&[("posts.csv", "post_id,reach\n1,10\n")]);
    let o = run(&["report", path(&alone)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("posts.csv") && err.contains("`published_at`"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_folder_with_nothing_recognised_is_an_error() {
    let dir = folder(&[("notes.txt", "hello\n")]);
    let o = run(&["report", path(&dir)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no file in it is a recognised export"));
}

#[test]
fn a_missing_path_exits_1() {
    let o = run(&["report", "/nonexistent/account"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/account"));
}

#[cfg(unix)]
#[test]
fn t18_hostile_file_names_reach_stderr_inert() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // A folder with files whose names carry escapes, and a missing path that carries one.
    std::fs::write(
        dir.path()
            .join(std::ffi::OsStr::from_bytes(b"da\x1b]0;pwn\x07ly.csv")),
        "date,followers\n2026-10-01,5\nbad,1\n",
    )
    .unwrap();
    let o = run(&["check", path(&dir)]);
    let missing = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"nope\x1b[31m.csv"));
    let o2 = bin().arg("check").arg(&missing).output().unwrap();
    for out in [&o, &o2] {
        for bytes in [&out.stderr, &out.stdout] {
            assert!(!bytes.contains(&0x1b), "{}", String::from_utf8_lossy(bytes));
        }
    }
    assert!(
        stderr(&o).contains("da␛]0;pwn␇ly.csv line 3"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o2).contains("nope␛[31m.csv: no such file or folder"),
        "{}",
        stderr(&o2)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        run(&["report", "--month", "2026-10", "--from", "2026-10-01"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["--bogus"]).status.code(), Some(2));
}

#[test]
fn a_bad_month_is_one_sentence() {
    let dir = folder(&[("daily.csv", DAILY)]);
    let o = run(&["report", path(&dir), "--month", "2026-13"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`2026-13` is not a month of the form YYYY-MM"));
}

/// Every value an option does not take is a usage error: exit 2 and one sentence naming it.
#[test]
fn rejected_option_values_exit_2() {
    let dir = folder(&[("daily.csv", DAILY)]);
    for (args, says) in [
        (vec!["--month", "2025-13"], "`2025-13` is not a month"),
        (
            vec!["--from", "2025-03-02", "--to", "2025-03-01"],
            "--from 2025-03-02 is after --to 2025-03-01",
        ),
        (
            vec!["--from", "2025-02-29", "--to", "2025-03-01"],
            "`2025-02-29` is not a day",
        ),
        (
            vec!["--tz", "Mars/Olympus"],
            "`Mars/Olympus` is not an IANA time zone",
        ),
    ] {
        for command in ["report", "check"] {
            let mut all = vec![command, path(&dir)];
            all.extend(args.iter().copied());
            let o = run(&all);
            assert_eq!(o.status.code(), Some(2), "{all:?}: {}", stderr(&o));
            assert!(stderr(&o).contains(says), "{all:?}: {}", stderr(&o));
        }
    }
    // The interactive audit takes --tz too.
    let o = run(&["--tz", "Mars/Olympus", path(&dir)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn output_files_are_never_overwritten_without_force() {
    let dir = folder(&[("daily.csv", DAILY)]);
    let out = dir.path().join("report.md");
    let out_s = out.to_str().unwrap();
    let o = run(&["report", path(&dir), "-o", out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.starts_with("# "));
    let o = run(&["report", path(&dir), "--format", "json", "-o", out_s]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    let o = run(&[
        "report",
        path(&dir),
        "--format",
        "json",
        "-o",
        out_s,
        "--force",
    ]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
}

#[test]
fn input_files_are_not_modified() {
    let dir = folder(&[("daily.csv", DAILY)]);
    let before = std::fs::read(dir.path().join("daily.csv")).unwrap();
    run(&["report", path(&dir)]);
    run(&["check", path(&dir)]);
    assert_eq!(std::fs::read(dir.path().join("daily.csv")).unwrap(), before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn init_writes_a_template_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["init", path(&dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = dir.path().join("audit.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    assert!(text.contains("[portrait]"));
    std::fs::write(&toml, "# mine\n").unwrap();
    let o = run(&["init", path(&dir)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&toml).unwrap(), "# mine\n");
}

#[test]
fn init_fills_the_platform_from_the_exports_and_the_zone_from_the_computer() {
    let dir = tempfile::tempdir().unwrap();
    let overview = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-exports/tiktok/Overview.csv"
    );
    std::fs::copy(overview, dir.path().join("Overview.csv")).unwrap();
    let o = run(&["init", path(&dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("platform tiktok (from the exports)"),
        "{}",
        stdout(&o)
    );
    let text = std::fs::read_to_string(dir.path().join("audit.toml")).unwrap();
    assert!(
        text.contains("\nplatform = \"tiktok\"                 # instagram,"),
        "{text}"
    );
    // A zone is written only where the computer names one that exists.
    if let Some(line) = text.lines().find(|l| l.starts_with("timezone = ")) {
        let zone = line.split('"').nth(1).unwrap();
        assert!(zone.parse::<chrono_tz::Tz>().is_ok(), "{line}");
    }
    // The template still loads: the exports are read with it.
    let o = run(&["report", path(&dir), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn init_names_the_account_after_its_posts_links() {
    let dir = tempfile::tempdir().unwrap();
    let content = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-exports/tiktok/Content.csv"
    );
    std::fs::copy(content, dir.path().join("Content.csv")).unwrap();
    let o = run(&["init", path(&dir)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("name @haileytupy2.0 (from the posts' links)"),
        "{}",
        stdout(&o)
    );
    let text = std::fs::read_to_string(dir.path().join("audit.toml")).unwrap();
    assert!(text.contains("\nname = \"@haileytupy2.0\""), "{text}");
}

#[test]
fn posts_of_two_accounts_in_one_folder_are_named() {
    let mut posts = String::from("post_id,published_at,type,permalink,reach,likes\n");
    for (i, who) in ["shop"; 6].iter().chain(["rival"; 4].iter()).enumerate() {
        posts.push_str(&format!(
            "{i},2026-10-{:02} 10:00,photo,https://x.com/{who}/status/{i},100,5\n",
            i + 1
        ));
    }
    let dir = folder(&[("daily.csv", DAILY), ("posts.csv", &posts)]);
    let o = run(&["check", path(&dir)]);
    assert!(
        stderr(&o).contains(
            "the posts come from 2 accounts by their links: @shop (6 posts), @rival (4 posts); \
             the figures mix them"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_audit_toml_names_key_and_line() {
    let dir = folder(&[
        ("daily.csv", DAILY),
        (
            "audit.toml",
            "[account]\nname = \"x\"\n\n[contract]\nfees = 10\n",
        ),
    ]);
    let o = run(&["report", path(&dir)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("audit.toml line 5"), "{err}");
    assert!(err.contains("fees"), "{err}");
}

#[test]
fn formats_lists_the_canonical_files() {
    let o = run(&["formats"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for name in [
        "canonical/daily",
        "canonical/posts",
        "canonical/audience",
        "canonical/traffic",
        "canonical/spend",
        "canonical/messages",
    ] {
        assert!(out.contains(name), "{name}");
    }
}

#[test]
fn check_exits_3_on_a_finding_at_the_bar() {
    let posts = "post_id,published_at,reach,likes\n1,2026-10-01 10:00,10,50\n";
    let dir = folder(&[("daily.csv", DAILY), ("posts.csv", posts)]);
    let o = run(&["check", path(&dir), "--month", "2026-10"]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l.starts_with("high") && l.contains("likes-exceed-reach")),
        "{out}"
    );
    let o = run(&["check", path(&dir), "--month", "2026-09"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn the_demo_account_reports_without_a_path() {
    let o = run(&["report", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["account"]["name"], "Acme Coffee");
    assert!(v["kpis"]["followers_end"].as_f64().unwrap() > 0.0);
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/acme-coffee")
        .is_dir());
}

/// `smm-audit formats | head -1`: the reader has gone before the program writes (its end of the
/// pipe is closed at once); the program ends quietly, with no "internal error".
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .arg("formats")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("internal error"), "{stderr}");
}

#[test]
fn a_folder_with_nothing_dated_says_so_after_what_its_files_lack() {
    let dir = folder(&[("daily.csv", "date,followers\n2026-10-01,abc\n")]);
    for args in [vec!["check", path(&dir)], vec!["report", path(&dir)]] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        let warned = err.find("warning: daily.csv line 2: row skipped").unwrap();
        let said = err
            .find(
                "no file gives a dated daily row or post, so there is no month to audit (the \
                 warnings above say what the files lack)",
            )
            .unwrap_or_else(|| panic!("{err}"));
        assert!(warned < said, "{err}");
    }
}

#[test]
fn check_of_a_month_counts_its_notes_apart_from_its_findings() {
    let dir = folder(&[("daily.csv", DAILY)]);
    let o = run(&["check", path(&dir), "--month", "2026-10"]);
    let err = stderr(&o);
    assert!(err.contains(": 0 finding(s) and "), "{err}");
    assert!(
        err.contains("\"not evaluated\" note(s) in 2026-10;"),
        "{err}"
    );
}
