//! The load report: which files were read as what, which were skipped, and every warning.

use serde::Serialize;
use std::collections::HashMap;

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
    /// Warnings of one file and one kind beyond the first [`WARNINGS_OF_A_KIND`]: counted, not
    /// kept (a file of two million repeated rows must not become two million sentences).
    #[serde(skip)]
    kinds: HashMap<(String, String), usize>,
}

/// How many warnings of one kind a file keeps; the rest are counted.
pub const WARNINGS_OF_A_KIND: usize = 20;

/// A warning's kind: its words, without the numbers and the quoted values that vary.
fn kind_of(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => {
                quoted = !quoted;
                if quoted {
                    out.push('`');
                }
            }
            _ if quoted => {}
            c if c.is_ascii_digit() => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out
}

impl LoadReport {
    pub fn warn(&mut self, file: &str, line: Option<u64>, message: impl Into<String>) {
        let message = message.into();
        let seen = self
            .kinds
            .entry((file.to_string(), kind_of(&message)))
            .or_default();
        *seen += 1;
        if *seen > WARNINGS_OF_A_KIND {
            return;
        }
        self.warnings.push(Warning {
            file: file.to_string(),
            line,
            message,
        });
    }

    /// After the last warning (and the warnings in their order): for each kind that had more
    /// than it kept, one line after the last it kept, saying how many more there were.
    pub fn count_the_rest(&mut self) {
        let more: Vec<((String, String), usize)> = self
            .kinds
            .drain()
            .filter(|(_, n)| *n > WARNINGS_OF_A_KIND)
            .collect();
        let mut inserts: Vec<(usize, Warning)> = more
            .into_iter()
            .filter_map(|((file, kind), n)| {
                let last = self
                    .warnings
                    .iter()
                    .rposition(|w| w.file == file && kind_of(&w.message) == kind)?;
                let example = &self.warnings[last].message;
                let message = format!(
                    "and {} more like the {WARNINGS_OF_A_KIND} above (“{example}”)",
                    super::records::thousands(n - WARNINGS_OF_A_KIND)
                );
                Some((
                    last + 1,
                    Warning {
                        file,
                        line: None,
                        message,
                    },
                ))
            })
            .collect();
        inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, w) in inserts {
            self.warnings.insert(at, w);
        }
    }

    /// Take in the warnings of the second half of a file read on another core (`part`) and
    /// those the joining of the halves gave (`more`), in line order, as if each had been given
    /// here as it was met; the part's warnings beyond its caps are counted.
    pub fn replay(&mut self, part: LoadReport, more: Vec<Warning>) {
        let mut kept: HashMap<(String, String), usize> = HashMap::new();
        for w in &part.warnings {
            *kept
                .entry((w.file.clone(), kind_of(&w.message)))
                .or_default() += 1;
        }
        let mut all = part.warnings;
        all.extend(more);
        all.sort_by_key(|w| w.line);
        for w in all {
            self.warn(&w.file, w.line, w.message);
        }
        for (key, n) in part.kinds {
            let dropped = n - kept.get(&key).copied().unwrap_or(0);
            *self.kinds.entry(key).or_default() += dropped;
        }
    }

    /// Take in the report of one file read on its own.
    pub fn absorb(&mut self, other: LoadReport) {
        self.sources.extend(other.sources);
        self.skipped.extend(other.skipped);
        self.warnings.extend(other.warnings);
        for (key, n) in other.kinds {
            *self.kinds.entry(key).or_default() += n;
        }
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
