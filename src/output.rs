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

/// The files a report must never be written over: the account's exports that were read (in
/// its folder, or the one file opened), the `audit.toml` beside them, and the user's config.
/// They are compared by device and inode, so a link or a `..` in the path does not get around
/// it. (A file the loader set aside, such as an earlier report, is not an input.)
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    #[cfg(unix)]
    ids: Vec<(u64, u64)>,
}

impl Inputs {
    /// The inputs of an account opened from `path` whose exports `read` (file names in the
    /// folder) were read; none for the built-in demo.
    pub fn of<'a>(
        path: Option<&Path>,
        read: impl IntoIterator<Item = &'a str>,
        user_config: Option<&Path>,
    ) -> Inputs {
        let mut files: Vec<PathBuf> = user_config.map(Path::to_path_buf).into_iter().collect();
        if let Some(p) = path {
            let dir = if p.is_dir() {
                p.to_path_buf()
            } else {
                files.push(p.to_path_buf());
                p.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf()
            };
            files.push(dir.join("audit.toml"));
            if p.is_dir() {
                files.extend(read.into_iter().map(|name| dir.join(name)));
            }
        }
        Inputs {
            #[cfg(unix)]
            ids: files.iter().filter_map(|f| id_of(f)).collect(),
        }
    }

    /// Why `path` may not be written, even with `--force`: it is one of the inputs, or it
    /// exists and is not a regular file (a device, a folder, a pipe).
    pub fn refuse(&self, path: &Path) -> Option<&'static str> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() {
            return Some("it exists and is not a regular file (a folder, a device or a pipe)");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            if self.ids.contains(&(meta.dev(), meta.ino())) {
                return Some("it is one of the account's own files; a report never replaces an export or a config");
            }
        }
        None
    }
}

#[cfg(unix)]
fn id_of(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| (meta.dev(), meta.ino()))
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

    #[cfg(unix)]
    #[test]
    fn inputs_and_special_files_are_refused_even_by_other_names() {
        let dir = tempfile::tempdir().unwrap();
        let daily = dir.path().join("daily.csv");
        std::fs::write(&daily, "date,followers\n").unwrap();
        let inputs = Inputs::of(Some(dir.path()), ["daily.csv"], None);
        assert!(inputs.refuse(&daily).is_some());
        // The same file through `..` and through a link.
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(inputs.refuse(&sub.join("../daily.csv")).is_some());
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&daily, &link).unwrap();
        assert!(inputs.refuse(&link).is_some());
        // A folder, a device: not regular files.
        assert!(inputs.refuse(&sub).is_some());
        assert!(inputs.refuse(Path::new("/dev/null")).is_some());
        // A new name, or an earlier report beside the exports, is fine.
        assert!(inputs.refuse(&dir.path().join("new.md")).is_none());
        let report = dir.path().join("report.md");
        std::fs::write(&report, "# an earlier report").unwrap();
        assert!(inputs.refuse(&report).is_none());
        let old = tempfile::NamedTempFile::new().unwrap();
        assert!(inputs.refuse(old.path()).is_none());
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
