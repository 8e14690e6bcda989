//! Reading a folder's files (or one file) into memory, with the guards of a file system that
//! holds anything: folders, devices, unreadable and oversized files are skipped and named.

use super::error::ImportError;
use super::report::LoadReport;
use super::table::MAX_FILE_BYTES;
use super::SourceFile;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Files of an account folder that are settings, not exports, and are not listed as skipped.
const CONFIG_FILES: [&str; 2] = ["audit.toml", "config.toml"];

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A file of a folder to load: in memory already, or listed and checked, its bytes read when
/// it is parsed (so a large file is read while the others are parsed).
pub enum Input {
    Held(SourceFile),
    Listed(Listed),
}

/// A regular file of the folder within the size limit, not read yet.
pub struct Listed {
    path: PathBuf,
    name: String,
    modified: Option<SystemTime>,
}

/// How much of a file's beginning says which platform it is from (`folder_platform`).
pub const HEAD_BYTES: usize = 4096;

impl Input {
    pub fn name(&self) -> &str {
        match self {
            Input::Held(f) => &f.name,
            Input::Listed(l) => &l.name,
        }
    }

    /// The file's first [`HEAD_BYTES`] bytes (none where it cannot be read: `read` says why).
    pub fn head(&self) -> Vec<u8> {
        match self {
            Input::Held(f) => f.bytes[..f.bytes.len().min(HEAD_BYTES)].to_vec(),
            Input::Listed(l) => {
                let mut head = Vec::with_capacity(HEAD_BYTES);
                if let Ok(file) = std::fs::File::open(&l.path) {
                    let _ = file.take(HEAD_BYTES as u64).read_to_end(&mut head);
                }
                head
            }
        }
    }

    /// The file with its bytes; why it cannot be read, for the list of skipped files.
    pub fn read(self) -> Result<SourceFile, String> {
        match self {
            Input::Held(f) => Ok(f),
            Input::Listed(l) => match std::fs::read(&l.path) {
                Ok(bytes) => Ok(SourceFile {
                    name: l.name,
                    bytes,
                    modified: l.modified,
                }),
                Err(e) => Err(format!("cannot be read: {e}")),
            },
        }
    }
}

/// A regular file within the size limit, with its modification time; why not, as `read_file`
/// says it.
fn check(path: &Path) -> Result<Option<SystemTime>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::Unreadable {
            file: path.display().to_string(),
            message: "is not a regular file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ImportError::Unreadable {
            file: path.display().to_string(),
            message: format!(
                "is {} MiB, more than the {} MiB an export can be",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    Ok(meta.modified().ok())
}

fn read_file(path: &Path) -> Result<SourceFile, ImportError> {
    let modified = check(path)?;
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(SourceFile {
        name: file_name(path),
        bytes,
        modified,
    })
}

/// A folder's regular files (not its subfolders), listed and checked, or the one file a path
/// names, read.
pub fn list_path(path: &Path, report: &mut LoadReport) -> Result<Vec<Input>, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    if !meta.is_dir() {
        return Ok(vec![Input::Held(read_file(path)?)]);
    }
    let entries = std::fs::read_dir(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut files = Vec::new();
    for p in paths {
        let name = file_name(&p);
        if CONFIG_FILES.contains(&name.as_str()) {
            continue;
        }
        if p.is_dir() {
            report.skip(&name, "a folder (subfolders are not read)");
            continue;
        }
        match check(&p) {
            Ok(modified) => files.push(Input::Listed(Listed {
                path: p,
                name,
                modified,
            })),
            Err(ImportError::Unreadable { message, .. }) => report.skip(&name, message),
            Err(ImportError::Io { source, .. }) => {
                report.skip(&name, format!("cannot be read: {source}"))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_between_listing_and_reading_is_skipped_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let daily = "date,followers\n2026-10-01,100\n2026-10-02,101\n";
        std::fs::write(dir.path().join("daily.csv"), daily).unwrap();
        std::fs::write(dir.path().join("posts.csv"), "post_id,published_at\n").unwrap();
        let mut report = LoadReport::default();
        let files = list_path(dir.path(), &mut report).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(
            files[0].head(),
            b"date,followers\n2026-10-01,100\n2026-10-02,101\n"
        );
        std::fs::remove_file(dir.path().join("posts.csv")).unwrap();
        let opts = crate::import::LoadOptions::new(
            chrono_tz::UTC,
            chrono::NaiveDate::from_ymd_opt(2026, 10, 3).unwrap(),
        );
        let loaded =
            crate::import::load_with_report(files, Default::default(), opts, "t", report).unwrap();
        assert_eq!(loaded.account.daily.len(), 2);
        let skipped = &loaded.report.skipped;
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert_eq!(skipped[0].file, "posts.csv");
        assert!(
            skipped[0].reason.starts_with("cannot be read: "),
            "{skipped:?}"
        );
    }
}
