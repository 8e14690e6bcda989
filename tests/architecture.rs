//! The core knows nothing of the terminal: no core file mentions the terminal crates.

use std::path::{Path, PathBuf};

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn core_does_not_know_the_terminal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in [
        "model",
        "import",
        "metrics",
        "rules",
        "report",
        "config",
        "app",
        "audit",
        "portfolio",
    ] {
        let d = root.join(dir);
        if d.exists() {
            rs_files(&d, &mut files);
        }
    }
    files.push(root.join("format.rs"));
    assert!(files.len() > 20, "the core files were not found");
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        for banned in ["ratatui", "crossterm"] {
            assert!(
                !src.contains(banned),
                "{} mentions `{banned}`",
                path.display()
            );
        }
    }
}

#[test]
fn source_files_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&root, &mut files);
    for path in files {
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(
            lines <= 600,
            "{} has {lines} lines; split it",
            path.display()
        );
    }
}

/// The export formats under `src/import/platform/` (one folder or file each).
const FORMATS: &[&str] = &[
    "facebook_legacy",
    "ga4",
    "instagram_followers",
    "linkedin",
    "mapping",
    "meta",
    "metrica",
    "tiktok",
    "x",
    "youtube",
];

/// What a format may use: the shared steps of the pipeline (source, table, cell parsers,
/// vocabulary, row builders, checks), never another format's code.
const SHARED: &[&str] = &[
    "canonical",
    "cells",
    "lenient",
    "plausible",
    "report",
    "rows",
    "stamps",
    "table",
    "vocab",
    "workbook",
    "ImportError",
    "SourceFile",
    "Loaded",
    "platform",
];
const SHARED_IN_PLATFORM: &[&str] = &[
    "cells",
    "dates",
    "traffic",
    "test_support",
    "Ctx",
    "Format",
    "Reader",
];

/// The word after `prefix` at each place it occurs.
fn segments_after<'a>(src: &'a str, prefix: &str) -> Vec<&'a str> {
    src.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &src[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn a_format_uses_the_shared_steps_never_another_format() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import/platform");
    let mut checked = 0;
    for format in FORMATS {
        let mut files = Vec::new();
        let dir = root.join(format);
        if dir.is_dir() {
            rs_files(&dir, &mut files);
        } else {
            files.push(root.join(format!("{format}.rs")));
        }
        for path in files {
            let src = std::fs::read_to_string(&path).unwrap();
            checked += 1;
            for seg in segments_after(&src, "crate::import::") {
                assert!(
                    seg.is_empty() || SHARED.contains(&seg),
                    "{} uses `crate::import::{seg}`",
                    path.display()
                );
            }
            for seg in segments_after(&src, "crate::import::platform::") {
                assert!(
                    seg.is_empty() || seg == *format || SHARED_IN_PLATFORM.contains(&seg),
                    "{} uses another format's code: `platform::{seg}`",
                    path.display()
                );
            }
            for other in FORMATS.iter().filter(|o| *o != format) {
                for pattern in [
                    format!("super::{other}::"),
                    format!("super::super::{other}"),
                ] {
                    assert!(
                        !src.contains(&pattern),
                        "{} uses another format's code: `{pattern}`",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(checked > 25, "the format files were not found");
}

#[test]
fn the_rules_do_not_know_the_reports() {
    let mut files = Vec::new();
    rs_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
        &mut files,
    );
    for path in files {
        let src = std::fs::read_to_string(&path).unwrap();
        assert!(
            !src.contains("crate::report"),
            "{} uses the report",
            path.display()
        );
    }
}
