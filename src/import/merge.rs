//! Merging the rows of several files into one account.
//!
//! Each kind has a key (formats.md): `daily` by date, `posts` by post id, `audience` by
//! (date, segment, dimension, value), `traffic` by (date, source), `spend` by (date, campaign);
//! `messages` has none. Within a file the later row with the same key wins; across files the row
//! of the file whose name sorts last wins. Every replacement is a warning; nothing is counted twice.

use super::report::LoadReport;
use std::collections::BTreeMap;
use std::fmt::Display;

/// Rows of one kind keyed for merging, remembering where each came from.
pub struct Merger<K: Ord + Clone + Display, R> {
    /// key → (row, index of its file in `files`, line).
    rows: BTreeMap<K, (R, usize, u64)>,
    files: Vec<String>,
    /// (replaced file, replacing file) → keys replaced across files.
    across: BTreeMap<(String, String), Vec<K>>,
}

impl<K: Ord + Clone + Display, R> Default for Merger<K, R> {
    fn default() -> Self {
        Merger {
            rows: BTreeMap::new(),
            files: Vec::new(),
            across: BTreeMap::new(),
        }
    }
}

impl<K: Ord + Clone + Display, R> Merger<K, R> {
    /// Add the rows of one file. Files must be added in the order of their names.
    pub fn add_file(
        &mut self,
        file: &str,
        rows: Vec<(u64, R)>,
        key: impl Fn(&R) -> K,
        report: &mut LoadReport,
    ) {
        let index = match self.files.iter().position(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        };
        for (line, row) in rows {
            let k = key(&row);
            if let Some((_, old_index, old_line)) = self.rows.insert(k.clone(), (row, index, line))
            {
                if old_index == index {
                    report.warn(
                        file,
                        Some(line),
                        format!("repeats {k} of line {old_line}; this later row is used"),
                    );
                } else {
                    self.across
                        .entry((self.files[old_index].clone(), file.to_string()))
                        .or_default()
                        .push(k);
                }
            }
        }
    }

    /// The merged rows in key order, with one warning per pair of overlapping files.
    pub fn finish(self, report: &mut LoadReport) -> Vec<R> {
        for ((old, new), keys) in self.across {
            let first = keys.first().map(|k| k.to_string()).unwrap_or_default();
            let last = keys.last().map(|k| k.to_string()).unwrap_or_default();
            let range = if keys.len() == 1 {
                first
            } else {
                format!("{first} … {last}")
            };
            report.warn(
                &new,
                None,
                format!(
                    "{} rows ({range}) are also in {old}; the rows of {new} are used (the file whose name sorts last wins)",
                    keys.len()
                ),
            );
        }
        self.rows.into_values().map(|(row, _, _)| row).collect()
    }
}

/// A composite key shown in messages as its parts joined by " / ".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key(pub Vec<String>);

impl Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<&str> = self
            .0
            .iter()
            .map(|s| if s.is_empty() { "(none)" } else { s.as_str() })
            .collect();
        f.write_str(&parts.join(" / "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_rows_and_later_files_win_with_warnings() {
        let mut report = LoadReport::default();
        let mut m: Merger<u32, &str> = Merger::default();
        m.add_file(
            "a.csv",
            vec![(2, "a1"), (3, "a2"), (4, "a1-again")],
            |r| {
                if r.starts_with("a1") {
                    1
                } else {
                    2
                }
            },
            &mut report,
        );
        m.add_file("b.csv", vec![(2, "b2")], |_| 2, &mut report);
        let rows = m.finish(&mut report);
        assert_eq!(rows, vec!["a1-again", "b2"]);
        assert_eq!(report.warnings.len(), 2);
        assert_eq!(report.warnings[0].line, Some(4));
        assert!(report.warnings[1].message.contains("also in a.csv"));
    }
}
