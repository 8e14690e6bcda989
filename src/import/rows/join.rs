//! A large file is read in parts on every core, each part by a builder of its own (`Part`); the
//! parts join here, in order, as if one builder had read every row: a day or a post id that an
//! earlier part read replaces that row in place, named in the warning one reader would have
//! given, and the warnings keep their line order and their caps.

use super::Builder;
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::report::{LoadReport, Warning};
use crate::model::{DailyRow, Post};
use std::collections::{BTreeSet, HashMap};
use std::hash::BuildHasher;

/// Where each day or post id read so far is: a repeated key replaces its row in place, so a
/// file of a million repeats holds one row, not a million.
#[derive(Default)]
pub(super) struct Keys {
    days: HashMap<chrono::NaiveDate, usize, Quick>,
    /// Post ids by their hash (no copy of the id is kept; a hash shared by two ids keeps both).
    ids: HashMap<u64, usize, Quick>,
    /// For each kept row, the line its key was first met on and (for a post) the id's hash.
    first: Vec<(u64, u64)>,
}

/// Keep a day's row; the warning when it replaces the row of that day read before.
pub(super) fn keep_day(
    rows: &mut Vec<(u64, DailyRow)>,
    keys: &mut Keys,
    row: (u64, DailyRow),
) -> Option<String> {
    let date = row.1.date;
    let before = place(
        rows,
        &mut keys.days,
        &mut keys.first,
        (date, 0),
        row,
        |_, _| true,
    )?;
    Some(repeats(&date.to_string(), before))
}

/// Keep a post's row (its id's hash, where a part has taken it already); the warning when it
/// replaces the row of that post id read before.
pub(super) fn keep_post(
    rows: &mut Vec<(u64, Post)>,
    keys: &mut Keys,
    row: (u64, Post),
    hash: Option<u64>,
) -> Option<String> {
    let hash = hash.unwrap_or_else(|| Quick::default().hash_one(row.1.id.as_bytes()));
    let same = |a: &Post, b: &Post| a.id == b.id;
    let before = place(
        rows,
        &mut keys.ids,
        &mut keys.first,
        (hash, hash),
        row,
        same,
    )?;
    let id = &rows[keys.ids[&hash]].1.id;
    Some(repeats(&format!("`{}`", shorten(id)), before))
}

fn repeats(key: &str, line: u64) -> String {
    format!("repeats {key} of line {line}; this later row is used")
}

/// Append a row under a new key, or put it in place of the row of the same key: then the line
/// of the row replaced.
fn place<K: std::hash::Hash + Eq, T>(
    rows: &mut Vec<(u64, T)>,
    at: &mut HashMap<K, usize, Quick>,
    first: &mut Vec<(u64, u64)>,
    (key, hash): (K, u64),
    row: (u64, T),
    same: impl Fn(&T, &T) -> bool,
) -> Option<u64> {
    match at.get(&key) {
        Some(&i) if same(&rows[i].1, &row.1) => Some(std::mem::replace(&mut rows[i], row).0),
        _ => {
            at.insert(key, rows.len());
            first.push((row.0, hash));
            rows.push(row);
            None
        }
    }
}

/// What a builder read of one part of a file, with the warnings it gave.
pub struct Part {
    out: Parsed,
    first: Vec<(u64, u64)>,
    unknown_countries: BTreeSet<String>,
    unknown_types: BTreeSet<String>,
    met: usize,
    report: LoadReport,
}

impl Part {
    /// The rows it holds, to make room for them at once (`Builder::reserve`).
    pub fn rows(&self) -> usize {
        self.out.len()
    }
}

impl Builder<'_> {
    /// The rows read, to join those of the parts before (`absorb`).
    pub fn into_part(self, report: LoadReport) -> Part {
        Part {
            out: self.out,
            first: self.keys.first,
            unknown_countries: self.unknown_countries,
            unknown_types: self.unknown_types,
            met: self.met,
            report,
        }
    }

    /// Room for `n` more rows.
    pub fn reserve(&mut self, n: usize) {
        match &mut self.out {
            Parsed::Daily(v) => {
                v.reserve(n);
                self.keys.days.reserve(n);
            }
            Parsed::Posts(v) => {
                v.reserve(n);
                self.keys.ids.reserve(n);
            }
            _ => {}
        }
        self.keys.first.reserve(n);
    }

    /// Take in a part's rows after this builder's, as if it had read them itself.
    pub fn absorb(&mut self, part: Part, report: &mut LoadReport) {
        self.met += part.met;
        self.unknown_countries.extend(part.unknown_countries);
        self.unknown_types.extend(part.unknown_types);
        let mut notes = Vec::new();
        let mut note = |line: u64, why: Option<String>| {
            if let Some(message) = why {
                let file = self.file.to_string();
                notes.push(Warning {
                    file,
                    line: Some(line),
                    message,
                });
            }
        };
        match (&mut self.out, part.out) {
            (Parsed::Daily(v), Parsed::Daily(w)) => {
                for (row, (first, _)) in w.into_iter().zip(part.first) {
                    note(first, keep_day(v, &mut self.keys, row));
                }
            }
            (Parsed::Posts(v), Parsed::Posts(w)) => {
                for (row, (first, hash)) in w.into_iter().zip(part.first) {
                    note(first, keep_post(v, &mut self.keys, row, Some(hash)));
                }
            }
            (Parsed::Audience(v), Parsed::Audience(w)) => v.extend(w),
            (Parsed::Traffic(v), Parsed::Traffic(w)) => v.extend(w),
            (Parsed::Spend(v), Parsed::Spend(w)) => v.extend(w),
            (Parsed::Messages(v), Parsed::Messages(w)) => v.extend(w),
            _ => unreachable!("every part of a file is of its kind"),
        }
        report.replay(part.report, notes);
    }
}

/// A quick hash for the keys of one file (FNV-1a): the keys come from the file being read, and
/// a collision only costs a comparison (no denial of service to fear from one's own exports).
#[derive(Default, Clone, Copy)]
pub(super) struct QuickHasher(u64);

impl std::hash::Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Quick = std::hash::BuildHasherDefault<QuickHasher>;
