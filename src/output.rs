//! Writing files: atomically, and never over an existing file unless asked.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write `contents` to `path` atomically: a temporary file in the same folder, flushed to disk,
/// then moved into place. Without `force`, an existing file is an error and is left untouched.
pub fn write_new(path: &Path, contents: &[u8], force: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    if !force && path.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the file exists (use --force to replace it)",
        ));
    }
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let open = || {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&tmp)
        };
        // A temporary file of this name is left by a killed earlier run that had the same
        // process id (no live process has it): it is ours to replace.
        let mut f = match open() {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                std::fs::remove_file(&tmp)?;
                open()?
            }
            r => r?,
        };
        f.write_all(contents)?;
        f.sync_all()?;
        drop(f);
        if force {
            std::fs::rename(&tmp, path)
        } else {
            // A hard link fails if the target appeared meanwhile: no overwrite, even in a race.
            std::fs::hard_link(&tmp, path)
                .map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        std::io::Error::new(
                            std::io::ErrorKind::AlreadyExists,
                            "the file exists (use --force to replace it)",
                        )
                    } else {
                        e
                    }
                })
                .and_then(|_| std::fs::remove_file(&tmp))
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A file name in `dir` that does not exist yet: `stem.ext`, else `stem-2.ext`, `stem-3.ext` …
pub fn fresh_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let first = dir.join(format!("{safe}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|i| dir.join(format!("{safe}-{i}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_overwrites_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.md");
        write_new(&p, b"one", false).unwrap();
        let e = write_new(&p, b"two", false).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        write_new(&p, b"three", true).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn a_stale_temporary_file_of_a_killed_run_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        let stale = dir.path().join(format!(".r.md.{}.tmp", std::process::id()));
        std::fs::write(&stale, "half a rep").unwrap();
        write_new(&path, b"whole report", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"whole report");
        assert!(!stale.exists());
    }

    #[test]
    fn fresh_names_do_not_collide() {
        let dir = tempfile::tempdir().unwrap();
        let a = fresh_name(dir.path(), "acme 2026/10", "md");
        assert!(a.ends_with("acme-2026-10.md"));
        std::fs::write(&a, "x").unwrap();
        assert!(fresh_name(dir.path(), "acme 2026/10", "md").ends_with("acme-2026-10-2.md"));
    }
}
