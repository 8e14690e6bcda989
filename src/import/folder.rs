//! Reading a folder's files (or one file) into memory, with the guards of a file system that
//! holds anything: folders, devices, unreadable and oversized files are skipped and named.

use super::error::ImportError;
use super::report::LoadReport;
use super::table::MAX_FILE_BYTES;
use super::SourceFile;
use std::path::Path;

/// Files of an account folder that are settings, not exports, and are not listed as skipped.
const CONFIG_FILES: [&str; 2] = ["audit.toml", "config.toml"];

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_file(path: &Path) -> Result<SourceFile, ImportError> {
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
    let bytes = std::fs::read(path).map_err(io)?;
    Ok(SourceFile {
        name: file_name(path),
        bytes,
        modified: meta.modified().ok(),
    })
}

/// A folder's regular files (not its subfolders), or the one file a path names.
pub fn read_path(path: &Path, report: &mut LoadReport) -> Result<Vec<SourceFile>, ImportError> {
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
        return Ok(vec![read_file(path)?]);
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
        match read_file(&p) {
            Ok(f) => files.push(f),
            Err(ImportError::Unreadable { message, .. }) => report.skip(&name, message),
            Err(ImportError::Io { source, .. }) => {
                report.skip(&name, format!("cannot be read: {source}"))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(files)
}
