//! Errors that stop a load. Rows that can be skipped are warnings, not errors.

use std::path::PathBuf;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot be read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: the required column `{column}` is missing (a {kind} file needs {needs})")]
    MissingColumn {
        file: String,
        column: String,
        kind: &'static str,
        needs: String,
    },
    /// Shown after "cannot open FOLDER: ", which names the folder.
    #[error("no file in it is a recognised export ({detail})")]
    NothingRecognised { folder: String, detail: String },
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
}
