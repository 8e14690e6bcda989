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

/// A file of the folder that no importer recognised, or that was recognised but could not be
/// used (set aside).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
    /// Recognised as an export but not usable: its values are missing from the audit.
    pub set_aside: bool,
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
            set_aside: false,
        });
    }

    /// A recognised file that cannot be used: listed with the skipped ones, and said on stderr
    /// and in the screen's header.
    pub fn set_aside(&mut self, file: &str, reason: impl Into<String>) {
        self.skipped.push(Skipped {
            file: file.to_string(),
            reason: reason.into(),
            set_aside: true,
        });
    }

    /// How many files were set aside.
    pub fn set_aside_count(&self) -> usize {
        self.skipped.iter().filter(|s| s.set_aside).count()
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
