//! Merging the rows of several files into one account.
//!
//! Each kind has a key (formats.md): `daily` by date, `posts` by post id, `audience` by
//! (date, segment, dimension, value), `traffic` by (date, source), `spend` by (date, campaign);
//! `messages` has none. Within a file the later row with the same key wins; across files the row
//! of the file whose name sorts last wins (for platform exports, the newer export; a canonical
//! file over an export). Every replacement is a warning; nothing is counted twice.
//!
//! Rows stay where they were read; one sort of their indices by (key, order read) puts the rows
//! of a key side by side, and the last of each run is kept (no map keyed by copied strings).

use super::report::LoadReport;
use crate::model::{AudienceRow, DailyRow, Post, SpendRow, TrafficRow};
use chrono::NaiveDate;
use rayon::slice::ParallelSliceMut;
use std::collections::BTreeMap;

/// A row with a merge key.
pub trait Keyed: Sync {
    type Key<'a>: Ord
    where
        Self: 'a;
    fn key(&self) -> Self::Key<'_>;
    /// The key as messages show it.
    fn describe(&self) -> String;
}

/// Parts of a composite key joined by " / ", an empty part shown as "(none)".
fn parts(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|s| if s.is_empty() { "(none)" } else { s })
        .collect::<Vec<_>>()
        .join(" / ")
}

impl Keyed for DailyRow {
    type Key<'a> = NaiveDate;
    fn key(&self) -> NaiveDate {
        self.date
    }
    fn describe(&self) -> String {
        self.date.to_string()
    }
}

impl Keyed for Post {
    type Key<'a> = &'a str;
    fn key(&self) -> &str {
        &self.id
    }
    fn describe(&self) -> String {
        self.id.clone()
    }
}

impl Keyed for AudienceRow {
    type Key<'a> = (NaiveDate, crate::model::Segment, &'a str, &'a str);
    fn key(&self) -> Self::Key<'_> {
        (self.date, self.segment, &self.dimension, &self.value)
    }
    fn describe(&self) -> String {
        parts(&[
            &self.date.to_string(),
            self.segment.as_str(),
            &self.dimension,
            &self.value,
        ])
    }
}

impl Keyed for TrafficRow {
    type Key<'a> = (NaiveDate, &'a str);
    fn key(&self) -> Self::Key<'_> {
        (self.date, &self.source)
    }
    fn describe(&self) -> String {
        parts(&[&self.date.to_string(), &self.source])
    }
}

impl Keyed for SpendRow {
    type Key<'a> = (NaiveDate, &'a str);
    fn key(&self) -> Self::Key<'_> {
        (self.date, &self.campaign)
    }
    fn describe(&self) -> String {
        parts(&[&self.date.to_string(), &self.campaign])
    }
}

/// Rows of one kind from several files, remembering where each came from.
pub struct Merger<R> {
    rows: Vec<R>,
    /// For each row: the index of its file in `files`, and its line.
    from: Vec<(u32, u64)>,
    files: Vec<String>,
    /// Per file: a platform export (ordered by modification time), else a canonical file
    /// (ordered by name). The warnings say which rule put a file after another.
    exports: Vec<bool>,
}

impl<R> Default for Merger<R> {
    fn default() -> Self {
        Merger {
            rows: Vec::new(),
            from: Vec::new(),
            files: Vec::new(),
            exports: Vec::new(),
        }
    }
}

/// Why a later file's rows replace an earlier one's (formats.md, "Duplicates").
fn why_later_wins(old_is_export: bool, new_is_export: bool) -> &'static str {
    match (old_is_export, new_is_export) {
        (true, true) => "the newer export wins",
        (true, false) => "a canonical file wins over a platform export",
        (false, true) => "the later file wins",
        (false, false) => "the file whose name sorts last wins",
    }
}

impl<R: Keyed> Merger<R> {
    /// Add the rows of one canonical file. Files must be added in the order of their names.
    pub fn add_file(&mut self, file: &str, rows: Vec<(u64, R)>) {
        self.add(file, rows, false);
    }

    /// Add the rows of one platform export. Exports are added oldest first (modification
    /// time, then name), before the canonical files.
    pub fn add_export(&mut self, file: &str, rows: Vec<(u64, R)>) {
        self.add(file, rows, true);
    }

    fn add(&mut self, file: &str, rows: Vec<(u64, R)>, export: bool) {
        let index = match self.files.iter().position(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.exports.push(export);
                self.files.len() - 1
            }
        } as u32;
        self.from
            .extend(rows.iter().map(|(line, _)| (index, *line)));
        if self.rows.is_empty() {
            // The usual case, one file of a kind: its vector is kept, not copied.
            self.rows = rows.into_iter().map(|(_, row)| row).collect();
        } else {
            self.rows.extend(rows.into_iter().map(|(_, row)| row));
        }
    }

    /// The merged rows in key order, with a warning for each row replaced within a file and
    /// one per pair of overlapping files.
    pub fn finish(self, report: &mut LoadReport) -> Vec<R> {
        self.finish_in(report, true)
    }

    /// `finish` for posts, left in the order they were read (they are sorted again anyway); one
    /// canonical file's posts come back as read, its reader having kept one row per id.
    pub fn finish_unordered(self, report: &mut LoadReport) -> Vec<R> {
        self.finish_in(report, false)
    }

    fn finish_in(self, report: &mut LoadReport, key_order: bool) -> Vec<R> {
        let Merger {
            rows,
            from,
            files,
            exports,
        } = self;
        if !key_order && files.len() == 1 && !exports[0] {
            return rows;
        }
        let mut order: Vec<u32> = (0..rows.len() as u32).collect();
        // Index order breaks ties: within a key, rows stay in the order they were read.
        let by_key = |a: &u32, b: &u32| {
            rows[*a as usize]
                .key()
                .cmp(&rows[*b as usize].key())
                .then(a.cmp(b))
        };
        // Rows already in key order (one file, written in order) need no sort.
        if !order.is_sorted_by(|a, b| by_key(a, b).is_le()) {
            order.par_sort_unstable_by(by_key);
        }
        let mut keep = vec![true; rows.len()];
        // (replaced file, replacing file) → descriptions of the first and last key, and count.
        let mut across: BTreeMap<(u32, u32), (String, String, usize)> = BTreeMap::new();
        for pair in order.windows(2) {
            let (old, new) = (pair[0] as usize, pair[1] as usize);
            if rows[old].key() != rows[new].key() {
                continue;
            }
            keep[old] = false;
            let ((old_file, old_line), (new_file, new_line)) = (from[old], from[new]);
            if old_file == new_file {
                report.warn(
                    &files[new_file as usize],
                    Some(new_line),
                    format!(
                        "repeats {} of line {old_line}; this later row is used",
                        rows[new].describe()
                    ),
                );
            } else {
                let entry = across
                    .entry((old_file, new_file))
                    .or_insert_with(|| (rows[new].describe(), String::new(), 0));
                entry.1 = rows[new].describe();
                entry.2 += 1;
            }
        }
        for ((old, new), (first, last, n)) in across {
            let range = if n == 1 {
                first
            } else {
                format!("{first} … {last}")
            };
            let why = why_later_wins(exports[old as usize], exports[new as usize]);
            let (old, new) = (&files[old as usize], &files[new as usize]);
            report.warn(
                new,
                None,
                format!("{n} rows ({range}) are also in {old}; the rows of {new} are used ({why})"),
            );
        }
        if !key_order {
            let mut rows = rows;
            let mut kept = keep.iter();
            rows.retain(|_| kept.next().copied().unwrap_or(true));
            return rows;
        }
        let mut slots: Vec<Option<R>> = rows.into_iter().map(Some).collect();
        order
            .into_iter()
            .filter(|i| keep[*i as usize])
            .filter_map(|i| slots[i as usize].take())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(id: &str, reach: f64) -> Post {
        Post {
            reach: Some(reach),
            ..Post::blank(id, "2026-10-01T10:00:00+02:00")
        }
    }

    #[test]
    fn the_warning_names_the_rule_that_was_applied() {
        // Two exports, the newer one first by name (added last: it is newer), then a canonical
        // file over both.
        let mut report = LoadReport::default();
        let mut m: Merger<Post> = Merger::default();
        m.add_export("z-old.csv", vec![(2, post("1", 1.0))]);
        m.add_export("a-new.csv", vec![(2, post("1", 2.0))]);
        m.add_file("posts.csv", vec![(2, post("1", 3.0))]);
        let rows = m.finish(&mut report);
        assert_eq!(rows[0].reach, Some(3.0));
        let w: Vec<&str> = report.warnings.iter().map(|w| w.message.as_str()).collect();
        assert!(
            w.iter().any(|m| m.contains(
                "are also in z-old.csv; the rows of a-new.csv are used (the newer export wins)"
            )),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|m| m.contains("(a canonical file wins over a platform export)")),
            "{w:?}"
        );
        assert!(!w.iter().any(|m| m.contains("sorts last")), "{w:?}");
    }

    #[test]
    fn later_rows_and_later_files_win_with_warnings() {
        let mut report = LoadReport::default();
        let mut m: Merger<Post> = Merger::default();
        m.add_file(
            "a.csv",
            vec![
                (2, post("1", 1.0)),
                (3, post("2", 2.0)),
                (4, post("1", 3.0)),
            ],
        );
        m.add_file("b.csv", vec![(2, post("2", 4.0))]);
        let rows = m.finish(&mut report);
        let got: Vec<(&str, Option<f64>)> = rows.iter().map(|p| (p.id.as_str(), p.reach)).collect();
        assert_eq!(got, vec![("1", Some(3.0)), ("2", Some(4.0))]);
        assert_eq!(report.warnings.len(), 2);
        assert_eq!(report.warnings[0].line, Some(4));
        assert!(report.warnings[0].message.contains("repeats 1 of line 2"));
        assert!(report.warnings[1]
            .message
            .contains("1 rows (2) are also in a.csv"));
    }

    #[test]
    fn overlaps_name_the_first_and_last_key() {
        let mut report = LoadReport::default();
        let mut m: Merger<Post> = Merger::default();
        m.add_file(
            "a.csv",
            (1..=5).map(|i| (i, post(&i.to_string(), 0.0))).collect(),
        );
        m.add_file(
            "b.csv",
            (3..=5).map(|i| (i, post(&i.to_string(), 1.0))).collect(),
        );
        let rows = m.finish_unordered(&mut report);
        let ids: Vec<&str> = rows.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, vec!["1", "2", "3", "4", "5"]);
        assert_eq!(rows[4].reach, Some(1.0));
        assert_eq!(report.warnings.len(), 1);
        assert!(
            report.warnings[0]
                .message
                .starts_with("3 rows (3 … 5) are also in a.csv"),
            "{}",
            report.warnings[0].message
        );
    }
}
