//! The load report: which files were read as what, which were skipped, and every warning.

use serde::Serialize;

/// A file that was read, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub file: String,
    /// The importer that read it, e.g. `canonical/daily`.
    pub format: String,
    /// Rows taken from it (after skipping bad rows).
    pub rows: usize,
    /// The encoding it was read in.
    pub encoding: String,
    /// What it supplied to the account (e.g. "daily follows, reach").
    pub supplies: String,
}

/// Something that was not right but could be skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub file: String,
    /// 1-based line of the file, where the warning is about one row.
    pub line: Option<u64>,
    pub message: String,
}

/// A file of the folder that no importer recognised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LoadReport {
    pub sources: Vec<Source>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
}

impl LoadReport {
    pub fn warn(&mut self, file: &str, line: Option<u64>, message: impl Into<String>) {
        self.warnings.push(Warning {
            file: file.to_string(),
            line,
            message: message.into(),
        });
    }

    pub fn skip(&mut self, file: &str, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            file: file.to_string(),
            reason: reason.into(),
        });
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
