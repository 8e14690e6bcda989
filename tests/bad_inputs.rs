//! The bad-input checklist (reliability.md, section 9 "I"): every case gives a clear sentence
//! naming the file and line, or a warning and a skip; never a panic, never a silent 0.

use smm_audit::import::{load_files, LoadOptions, Loaded, SourceFile};
use smm_audit::metrics::{compute, Kpi};
use smm_audit::model::{AuditConfig, Period};

fn opts() -> LoadOptions {
    LoadOptions::new(chrono_tz::UTC, "2026-11-22".parse().unwrap())
}

fn load(files: &[(&str, &[u8])]) -> Result<Loaded, String> {
    let files = files
        .iter()
        .map(|(n, b)| SourceFile::new(*n, b.to_vec()))
        .collect();
    load_files(files, AuditConfig::default(), opts(), "t").map_err(|e| e.to_string())
}

fn october() -> Period {
    Period::parse_month("2026-10").unwrap()
}

fn warnings(l: &Loaded) -> Vec<String> {
    l.report.warnings.iter().map(|w| w.to_string()).collect()
}

#[test]
fn i01_an_empty_file_is_skipped_and_an_empty_folder_is_an_error() {
    let e = load(&[("daily.csv", b"")]).unwrap_err();
    assert!(e.contains("daily.csv: is empty"), "{e}");
    let l = load(&[
        ("daily.csv", b""),
        ("posts.csv", b"post_id,published_at\n1,2026-10-01 10:00\n"),
    ])
    .unwrap();
    assert_eq!(l.report.skipped[0].file, "daily.csv");
}

#[test]
fn i02_a_header_only_file_gives_zero_rows_and_no_values() {
    let l = load(&[
        ("daily.csv", b"date,followers\n"),
        ("posts.csv", b"post_id,published_at,likes\n"),
    ])
    .unwrap();
    let k = compute(&l.account, &october());
    assert_eq!(k.get(Kpi::Posts), Some(0.0));
    assert_eq!(k.get(Kpi::FollowersEnd), None);
    assert_eq!(k.get(Kpi::ErPostPct), None);
    assert!(k.iter().all(|(_, v)| v.is_none_or(f64::is_finite)));
}

#[test]
fn i03_i04_i05_i06_encodings() {
    let text = "date\tfollowers\n2026-10-01\t100\n";
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let l = load(&[("d.csv", &utf16)]).unwrap();
    assert_eq!(l.report.sources[0].encoding, "UTF-16LE");
    assert_eq!(l.account.daily.len(), 1);
    let no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let l = load(&[("d.csv", &no_bom)]).unwrap();
    assert_eq!(l.report.sources[0].encoding, "UTF-16BE");
    let bom = b"\xEF\xBB\xBFdate,followers\n2026-10-01,100\n";
    assert_eq!(
        load(&[("d.csv", bom)]).unwrap().report.sources[0].encoding,
        "UTF-8 with BOM"
    );
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("post_id,published_at,caption\n1,2026-10-01 10:00,Привет, мир\n");
    let l = load(&[("p.csv", &cp1251)]).unwrap();
    assert_eq!(l.report.sources[0].encoding, "Windows-1251");
}

#[test]
fn i07_one_bad_byte_keeps_the_row_and_warns() {
    let l = load(&[(
        "p.csv",
        b"post_id,published_at,caption\n1,2026-10-01 10:00,caf\xE9 ok\n2,2026-10-02 10:00,fine\n",
    )])
    .unwrap();
    assert_eq!(l.account.posts.len(), 2);
    // Not valid UTF-8: read as Windows-1252, so the byte is the letter it stands for.
    assert_eq!(l.report.sources[0].encoding, "Windows-1252");
    assert!(l.account.posts.iter().any(|p| p.caption == "café ok"));
}

#[test]
fn i08_i09_semicolons_tabs_and_sep_lines() {
    let l = load(&[("d.csv", b"sep=;\ndate;followers;reach\n2026-10-01;100;5\n")]).unwrap();
    assert_eq!(l.account.daily.len(), 1);
    assert!(l.report.skipped.is_empty());
    let l = load(&[(
        "d.csv",
        b"date\tfollowers\n2026-10-01\t100\n2026-10-02\t101\n",
    )])
    .unwrap();
    assert_eq!(l.account.daily.len(), 2);
}

#[test]
fn i10_multiline_quoted_captions_are_one_record() {
    let l = load(&[("p.csv", b"post_id,published_at,caption\r\n1,2026-10-01 10:00,\"line one\r\nline \"\"two\"\", with comma\"\r\n2,2026-10-02 10:00,x\r\n")]).unwrap();
    assert_eq!(l.account.posts.len(), 2);
    assert!(l.account.posts[0]
        .caption
        .contains("line \"two\", with comma"));
}

#[test]
fn i11_an_unclosed_quote_is_named() {
    let mut body =
        String::from("post_id,published_at,caption\n1,2026-10-01 10:00,\"never closed\n");
    for i in 0..300 {
        body.push_str(&format!("{i},2026-10-02 10:00,x\n"));
    }
    let l = load(&[("p.csv", body.as_bytes())]).unwrap();
    let w = warnings(&l);
    assert!(
        w.iter()
            .any(|m| m.starts_with("p.csv line 2:") && m.contains("never closed")),
        "{w:?}"
    );
}

#[test]
fn i12_ragged_rows_are_skipped_with_their_line() {
    let l = load(&[(
        "d.csv",
        b"date,followers,reach\n2026-10-01,100\n2026-10-02,101,5,extra\n2026-10-03,102,7\n",
    )])
    .unwrap();
    assert_eq!(l.account.daily.len(), 1);
    let w = warnings(&l);
    assert!(
        w[0].starts_with("d.csv line 2:") && w[1].starts_with("d.csv line 3:"),
        "{w:?}"
    );
}

#[test]
fn i13_i14_duplicate_headers_are_renamed_and_the_first_is_used() {
    let l = load(&[(
        "d.csv",
        b"date,followers,reach,Reach,\n2026-10-01,100,5,9,x\n",
    )])
    .unwrap();
    assert_eq!(l.account.daily.values().next().unwrap().reach, Some(5.0));
    let w = warnings(&l);
    assert!(
        w.contains(&"d.csv line 1: the column `reach` appears 2 times; the first is used, the others are named `reach (2)` and on".to_string()),
        "{w:?}"
    );
    assert!(
        w.contains(&"d.csv line 1: unknown columns ignored: `reach (2)`, `column_5`".to_string()),
        "{w:?}"
    );
}

#[test]
fn i18_bad_numbers_skip_the_row_never_a_silent_zero() {
    for bad in ["abc", "1.2K", "inf", "NaN", "(5)", "<100"] {
        let text = format!("date,followers\n2026-10-01,{bad}\n2026-10-02,100\n");
        let l = load(&[("d.csv", text.as_bytes())]).unwrap();
        assert_eq!(l.account.daily.len(), 1, "{bad}");
        assert!(
            warnings(&l)[0].starts_with("d.csv line 2: row skipped"),
            "{bad}"
        );
    }
}

#[test]
fn i19_bad_dates_skip_the_row() {
    for bad in ["2026-02-30", "10/03/2026", "yesterday", "45361"] {
        let text = format!("date,followers\n{bad},100\n2026-10-02,100\n");
        let l = load(&[("d.csv", text.as_bytes())]).unwrap();
        assert_eq!(l.account.daily.len(), 1, "{bad}");
    }
}

#[test]
fn i22_bomb_like_files_stop_at_a_limit_with_a_message() {
    let commas = ",".repeat(5_000_000);
    let mut field = String::from("post_id,published_at,caption\n1,2026-10-01 10:00,\"");
    field.push_str(&"x".repeat(20 * 1024 * 1024));
    let l = load(&[
        ("bomb.csv", commas.as_bytes()),
        ("d.csv", b"date,followers\n2026-10-01,1\n"),
        ("field.csv", field.as_bytes()),
    ])
    .unwrap();
    let skipped: Vec<(String, String)> = l
        .report
        .skipped
        .iter()
        .map(|s| (s.file.clone(), s.reason.clone()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                "bomb.csv".to_string(),
                "has more than 20,000 fields on line 1; it is not read".to_string()
            ),
            (
                "field.csv".to_string(),
                "has a row longer than 16 MiB starting on line 2 (a quote that is never closed, or not a table); it is not read".to_string()
            ),
        ]
    );
    assert_eq!(l.account.daily.len(), 1);
}

#[test]
fn t16_a_10_mb_caption_is_cut_with_a_warning() {
    let mut text = String::from("post_id,published_at,caption\n7,2026-10-01 10:00,\"");
    text.push_str(&"word ".repeat(2 * 1024 * 1024));
    text.push_str("\"\n");
    let l = load(&[("p.csv", text.as_bytes())]).unwrap();
    let caption = &l.account.posts[0].caption;
    assert_eq!(caption.len(), 64 * 1024 + '…'.len_utf8());
    assert!(caption.ends_with('…'));
    assert!(
        warnings(&l)
            .contains(&"t: a caption longer than 64 KiB cut there: 7 (10485760 bytes)".to_string()),
        "{:?}",
        warnings(&l)
    );
}

#[test]
fn i24_nul_bytes_in_a_field_are_kept_and_a_binary_file_is_not_text() {
    let l = load(&[
        ("img.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ("d.csv", b"date,followers\n2026-10-01,1\n"),
        (
            "p.csv",
            b"post_id,published_at,caption\n1,2026-10-01 10:00,\"before\0after\"\n",
        ),
    ])
    .unwrap();
    assert_eq!(l.report.skipped.len(), 1);
    assert_eq!(l.report.skipped[0].file, "img.png");
    assert_eq!(l.report.skipped[0].reason, "not a text file");
    assert_eq!(l.account.posts[0].caption, "before␀after");
}

#[test]
fn random_bytes_under_an_export_name_are_not_text() {
    // Compressed or encrypted data: every byte value equally likely.
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..3000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        })
        .collect();
    let l = load(&[
        ("daily.csv", &noise),
        ("posts.csv", b"post_id,published_at\n1,2026-10-01 10:00\n"),
    ])
    .unwrap();
    assert_eq!(l.report.skipped.len(), 1);
    assert_eq!(
        (
            l.report.skipped[0].file.as_str(),
            l.report.skipped[0].reason.as_str()
        ),
        ("daily.csv", "not a text file")
    );
}

#[test]
fn i31_a_zip_or_html_named_csv_is_not_an_export() {
    let l = load(&[
        ("x.csv", b"<!DOCTYPE html><html><body>Sign in</body></html>"),
        ("d.csv", b"date,followers\n2026-10-01,1\n"),
    ])
    .unwrap();
    assert!(l.report.skipped.iter().any(|s| s.file == "x.csv"));
}

#[cfg(unix)]
#[test]
fn i32_folders_and_fifos_are_skipped_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("daily.csv"),
        "date,followers\n2026-10-01,1\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("old")).unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let opts = opts();
    let l = smm_audit::import::load_path(dir.path(), AuditConfig::default(), opts).unwrap();
    assert!(l.report.skipped.iter().any(|s| s.file == "old"));
    if made.is_ok_and(|s| s.success()) {
        let s = l
            .report
            .skipped
            .iter()
            .find(|s| s.file == "pipe.csv")
            .unwrap();
        assert_eq!(s.reason, "is not a regular file");
    }
}

#[test]
fn i33_overlapping_files_are_not_double_counted() {
    let a = b"date,followers,follows\n2026-10-01,100,5\n2026-10-02,105,5\n";
    let b = b"date,followers,follows\n2026-10-02,106,6\n2026-10-03,110,4\n";
    let l = load(&[("a.csv", a), ("b.csv", b)]).unwrap();
    let k = compute(&l.account, &october());
    assert_eq!(k.get(Kpi::Follows), Some(15.0));
    assert!(warnings(&l).iter().any(|m| m.contains("also in a.csv")));
}

#[test]
fn i34_constant_single_and_zero_series_are_total() {
    for daily in [
        "date,followers\n2026-10-01,0\n",
        "date,followers,follows,unfollows,reach\n2026-10-01,0,0,0,0\n2026-10-02,0,0,0,0\n",
        "date,followers\n2026-10-01,1000000000000\n2026-10-31,0\n",
    ] {
        let l = load(&[
            ("d.csv", daily.as_bytes()),
            (
                "p.csv",
                b"post_id,published_at,reach,likes\n1,2026-10-01 10:00,0,0\n",
            ),
        ])
        .unwrap();
        let k = compute(&l.account, &october());
        assert!(k.iter().all(|(_, v)| v.is_none_or(f64::is_finite)));
        let f = smm_audit::rules::evaluate(&l.account, &october(), &Default::default());
        assert!(f
            .iter()
            .all(|x| x.severity != smm_audit::rules::Severity::High
                || x.rule == "likes-exceed-reach"));
    }
}

#[test]
fn hostile_text_never_reaches_the_model() {
    let caption = "A\x1b[2Jb \x1b]0;pwned\x07 \x1b]52;c;ZWNobyBoaQ==\x07 \u{202e}evil\u{202c} z\u{200b}w \u{9b}31m tag\u{e0041}";
    let text = format!("post_id,published_at,caption\n1,2026-10-01 10:00,\"{caption}\"\n");
    let l = load(&[("p.csv", text.as_bytes())]).unwrap();
    let c = &l.account.posts[0].caption;
    assert!(!smm_audit::text::has_forbidden(c), "{c:?}");
    assert!(c.starts_with("A␛[2Jb ␛]0;pwned␇ "), "{c:?}");
    assert!(c.contains(" evil z w \u{fffd}31m tag"), "{c:?}");
    // T11: the text-direction override is counted against the post.
    assert!(warnings(&l).contains(&"t: a post has text-direction controls in its caption, which can make text read other than it is written (removed before showing): 1 (2)".to_string()), "{:?}", warnings(&l));
}

// Nothing the user types becomes a false accusation or a lost file.

fn config_error(text: &str) -> String {
    smm_audit::config::parse_audit(text, "audit.toml")
        .map(|_| String::new())
        .unwrap_or_else(|e| e.to_string())
}

#[test]
fn d10_portrait_shares_must_be_shares_that_add_up() {
    for (text, says) in [
        (
            "[portrait]\ncountry = { DE = 0, AT = 0 }\n",
            "audit.toml line 2: `[portrait] country`: the shares sum to 0, not 100 (add `other = 100` for the rest)",
        ),
        (
            "[portrait]\ncountry = { DE = nan, AT = 20 }\n",
            "audit.toml line 2: `[portrait] country`: `DE = NaN` is not a share; write a percent from 0 to 100",
        ),
        (
            "[portrait]\nage = { \"18-24\" = 150 }\n",
            "`18-24 = 150` is not a share",
        ),
        (
            "[portrait]\ngender = { female = 60, male = 60 }\n",
            "`[portrait] gender`: the shares sum to 120, not 100",
        ),
    ] {
        let e = config_error(text);
        assert!(e.contains(says), "{text}: {e}");
    }
    // 100 ± 1, with `other` for the rest.
    assert_eq!(
        config_error("[portrait]\ncountry = { DE = 80, other = 20.5 }\n"),
        ""
    );
}

#[test]
fn d11_portrait_keys_are_the_codes_the_spec_names() {
    for (key, says) in [
        ("de", "`de` is not a country code; write `DE`"),
        ("Germany", "`Germany` is not a country code; write `DE`"),
        ("\"🇩🇪\"", "write `DE`"),
        ("\"ДЕ\"", "write ISO 3166-1 alpha-2 codes in upper case"),
        ("XX", "`XX` is not an ISO 3166-1 alpha-2 country code"),
    ] {
        let e = config_error(&format!("[portrait]\ncountry = {{ {key} = 100 }}\n"));
        assert!(e.contains(says), "{key}: {e}");
        assert!(e.starts_with("audit.toml line 2:"), "{e}");
    }
    let e = config_error("[portrait]\nage = { \"18-25\" = 100 }\n");
    assert!(e.contains("`18-25` is not an age bucket"), "{e}");
    let e = config_error("[portrait]\ngender = { women = 100 }\n");
    assert!(e.contains("`women` is not female, male or other"), "{e}");
}

#[test]
fn d12_thresholds_targets_and_claims_must_mean_something() {
    for (text, says) in [
        (
            "[rules]\nclaims_high_pct = -5\n",
            "audit.toml line 2: [rules]: `claims_high_pct` is -5; it must be above 0",
        ),
        (
            "[rules]\nmin_coverage = 7\n",
            "`min_coverage` is 7; it must be above 0, at most 1",
        ),
        (
            "[rules]\nspike_zz = 3\n",
            "`spike_zz` is not a rule threshold",
        ),
        (
            "[[plan]]\nkpi = \"reach\"\ntarget = nan\n",
            "audit.toml line 3: `target`: `NaN` is not a number",
        ),
        (
            "[[claims]]\nkpi = \"reach\"\nvalue = inf\n",
            "audit.toml line 3: `value`: `inf` is not a number",
        ),
        (
            "[[mapping]]\nfile = \"nothing-matches-*.csv\"\nkind = \"dialy\"\ncolumns = {}\n",
            "names the unknown kind `dialy`",
        ),
        (
            "[[mapping]]\nfile = \"vk.csv\"\nkind = \"daily\"\ncolumns = { Subs = \"folowers\" }\n",
            "maps `Subs` to `folowers`, which is not a column of a daily file",
        ),
    ] {
        let e = config_error(text);
        assert!(e.contains(says), "{text}: {e}");
    }
    // Pairs out of order, and the second plan's target named at its own line.
    let e = config_error("[rules]\nmismatch_medium = 0.5\n");
    assert!(
        e.contains("`mismatch_medium` (0.5) is above `mismatch_high` (0.4)"),
        "{e}"
    );
    let e = config_error("[rules]\nbaseline_days = 5\n");
    assert!(
        e.contains("`min_baseline_values` (7) is above `baseline_days` (5)"),
        "{e}"
    );
    let e = config_error(
        "[[plan]]\nkpi = \"reach\"\ntarget = 5\n\n[[plan]]\nkpi = \"posts\"\ntarget = nan\n",
    );
    assert!(e.starts_with("audit.toml line 7: `target`"), "{e}");
    let e = config_error("[rules]\nspike_z = 3\nspike_z = 4\n");
    assert_eq!(
        e,
        "audit.toml line 3: `spike_z` is set twice in the same table"
    );
    // The user's config is held to the same ranges.
    let e = smm_audit::config::UserConfig::parse("[rules]\nspike_z = 0\n", "config.toml")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("config.toml line 2: [rules]: `spike_z` is 0; it must be above 0"),
        "{e}"
    );
}

fn bin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent-smm-audit-test")
        .env("HOME", "/nonexistent-smm-audit-test")
        .output()
        .unwrap()
}

#[test]
fn w10_a_report_never_replaces_an_input_file_or_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let daily = dir.path().join("daily.csv");
    let text = "date,followers\n2026-10-01,100\n2026-10-02,110\n";
    std::fs::write(&daily, text).unwrap();
    std::fs::write(dir.path().join("audit.toml"), "[account]\nname = \"A\"\n").unwrap();
    let account = dir.path().to_str().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&daily, dir.path().join("link.csv")).unwrap();
    let targets = [
        dir.path().join("daily.csv"),
        dir.path().join("sub/../daily.csv"),
        dir.path().join("audit.toml"),
        dir.path().join("sub"),
        std::path::PathBuf::from("/dev/null"),
        #[cfg(unix)]
        dir.path().join("link.csv"),
    ];
    for target in &targets {
        let t = target.to_str().unwrap();
        let o = bin(&["report", account, "-o", t, "--force"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{t}: {err}");
        assert!(err.contains("not written"), "{t}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&daily).unwrap(), text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let null = std::path::Path::new("/dev/null").metadata().unwrap();
        assert!(null.file_type().is_char_device(), "/dev/null was replaced");
    }
    // Nor over the export of another account, or beside a single file opened alone.
    let other = tempfile::tempdir().unwrap();
    let foreign = other.path().join("Follows.csv");
    let meta = "sep=,\n\"Follows\"\n\"Date\",\"Primary\"\n\"2025-01-01T01:00:00\",\"3\"\n";
    std::fs::write(&foreign, meta).unwrap();
    let posts = dir.path().join("posts.csv");
    std::fs::write(&posts, "post_id,published_at\n1,2026-10-01 10:00\n").unwrap();
    for (opened, target) in [
        (account.to_string(), foreign.clone()),
        (daily.to_str().unwrap().to_string(), posts.clone()),
    ] {
        let o = bin(&["report", &opened, "-o", target.to_str().unwrap(), "--force"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains("it is an analytics export"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), meta);
    // An earlier report beside the exports may be replaced when asked.
    let report = dir.path().join("report.md");
    std::fs::write(&report, "old").unwrap();
    let o = bin(&["report", account, "-o", report.to_str().unwrap(), "--force"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&report).unwrap().starts_with("# A"));
}

#[test]
fn d13_every_mistake_of_a_file_is_told_at_once_in_line_order() {
    let e = config_error(
        "[portrait]\ncountry = { Sweden = 60, NO = 25, DK = 15 }\nage = { \"18-24\" = 30, \"25-34\" = 40, \"35-44\" = 40 }\n\n[[plan]]\nkpi = \"net_grwoth\"\ntarget = 300\n\n[rules]\nspike_zz = 4\nclaims_high_pct = -5\n",
    );
    let lines: Vec<&str> = [
        "line 2:",
        "also line 3:",
        "also line 6:",
        "also line 10:",
        "also line 11:",
    ]
    .to_vec();
    let mut at = 0;
    for l in lines {
        let found = e[at..]
            .find(l)
            .unwrap_or_else(|| panic!("no `{l}` after {at} in {e}"));
        at += found + l.len();
    }
    assert!(
        e.contains("write `SE`") && e.contains("sum to 110") && e.contains("`spike_zz`"),
        "{e}"
    );
}

#[test]
fn d14_a_cost_planned_without_a_direction_is_named_in_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("daily.csv"),
        "date,followers\n2026-10-01,100\n2026-10-02,110\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("audit.toml"),
        "[[plan]]\nkpi = \"cpl\"\ntarget = 500\n\n[[plan]]\nkpi = \"reach\"\ntarget = 5\n",
    )
    .unwrap();
    let o = bin(&["check", dir.path().to_str().unwrap(), "--month", "2026-10"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the [[plan]] for `cpl` has no `direction` and is read as at least 500"),
        "{err}"
    );
    assert!(!err.contains("for `reach`"), "{err}");
}
