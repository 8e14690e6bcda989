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
        "model", "import", "metrics", "rules", "report", "config", "app",
    ] {
        let d = root.join(dir);
        if d.exists() {
            rs_files(&d, &mut files);
        }
    }
    files.push(root.join("audit.rs"));
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
