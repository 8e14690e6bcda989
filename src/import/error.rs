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
    /// Shown after "cannot open FOLDER: ", which names the folder: no file in it is a
    /// recognised export, or none could be used, and each file's reason.
    #[error("{detail}")]
    NothingRecognised { folder: String, detail: String },
    #[error("{file}: {message}")]
    Unreadable { file: String, message: String },
}

impl ImportError {
    /// The sentence without the file's name, for the file's line among those set aside.
    pub fn reason(&self) -> String {
        match self {
            ImportError::MissingColumn {
                column,
                kind,
                needs,
                ..
            } => format!("the required column `{column}` is missing (a {kind} file needs {needs})"),
            ImportError::Unreadable { message, .. } => message.clone(),
            ImportError::Io { source, .. } => format!("cannot be read: {source}"),
            other => other.to_string(),
        }
    }
}
