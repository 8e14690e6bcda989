//! The canonical columns of one file (`Columns`): where each is, its name in the file, and how
//! its cells write numbers and dates, decided from its cells. Canonical files and `[[mapping]]`
//! files both come here; the only differences are the dialect's (`Dialect`).

use crate::import::canonical::Kind;
use crate::import::lenient::{self, DayMonth, Evidence, NumberStyle};
use crate::import::records::Records;
use crate::import::table::Table;
use chrono_tz::Tz;
use std::cell::Cell;

/// Why a row is skipped.
pub type Skip = String;

/// What sets a canonical file apart from a mapped one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialect {
    /// A canonical file: `followers` is required in a daily file; rates are in percent.
    Canonical,
    /// A `[[mapping]]` file: only the date is required in a daily file; a rate column is a
    /// fraction or a percent as its cells say; dates may follow the entry's `date_format`.
    Mapped { date_format: Option<String> },
}

/// Rates and shares, in percent in a canonical file.
const RATES: &[&str] = &["share_pct", "bounce_rate_pct"];

/// Columns of words, stamps and names: never read as numbers, so their cells say nothing of how
/// the file writes numbers (a caption's `1.000 thanks` is not a thousands mark).
const WORDS: &[&str] = &[
    "date",
    "post_id",
    "published_at",
    "type",
    "caption",
    "permalink",
    "paid",
    "segment",
    "dimension",
    "value",
    "source",
    "campaign",
    "objective",
    "received_at",
    "answered_at",
    "channel",
];

/// Columns of dates and time stamps, whose slash dates may be written day first or month first.
const DATES: &[&str] = &["date", "published_at", "received_at", "answered_at"];

/// Money, which may carry a currency sign in a re-saved or mapped file.
const MONEY: &[&str] = &["amount", "revenue"];

/// Measures that are not whole numbers: a dot in them is a decimal point, never a thousands mark
/// by the counts' rule.
const MEASURES: &[&str] = &["avg_session_seconds", "pages_per_session"];

/// A money cell without its currency sign (`2.000 €`, `$12.50`, `1 500 руб.`).
pub(super) fn without_currency(cell: &str) -> &str {
    cell.trim()
        .trim_start_matches(['$', '€', '£', '₽', '¥'])
        .trim_end_matches(['$', '€', '£', '₽', '¥'])
        .trim_end_matches("руб.")
        .trim()
}

/// One canonical column found in the file.
#[derive(Clone)]
pub(super) struct Found {
    pub(super) name: &'static str,
    pub(super) index: usize,
    pub(super) label: String,
    pub(super) style: NumberStyle,
    pub(super) order: DayMonth,
    /// A rate written in percent (not as a fraction).
    pub(super) percent: bool,
    /// A rate or a share (`RATES`), money (`MONEY`), a measure that may have decimals
    /// (`MEASURES`), or else a count (a whole number).
    pub(super) rate: bool,
    pub(super) money: bool,
    pub(super) whole: bool,
    /// A column of numbers (not of `WORDS`).
    pub(super) number: bool,
    /// What its cells have shown of how they write numbers.
    pub(super) evidence: Evidence,
}

/// The canonical columns of one file, decided once from the rows at hand (all of a mapped
/// file's, the first rows of a canonical file read row by row).
#[derive(Clone)]
pub struct Columns {
    pub kind: Kind,
    pub dialect: Dialect,
    pub width: usize,
    pub tz: Tz,
    found: Vec<Found>,
    /// Lookups by the address of a `&'static str` name (the builders pass the same constants
    /// on every row), so a row's cells are found without comparing strings.
    seen: Lookups,
}

impl Columns {
    /// A canonical file's columns: every header that is a column of `kind`.
    pub fn canonical(kind: Kind, table: &Table, tz: Tz) -> Columns {
        let at: Vec<(&'static str, usize, String)> = kind
            .columns()
            .filter_map(|name| table.column(name).map(|i| (name, i, name.to_string())))
            .collect();
        Columns::new(kind, Dialect::Canonical, table, at, tz)
    }

    /// The columns of a file read through a `[[mapping]]`: (canonical name, index, file name).
    pub fn mapped(
        kind: Kind,
        table: &Table,
        at: Vec<(&'static str, usize, String)>,
        date_format: Option<String>,
        tz: Tz,
    ) -> Columns {
        Columns::new(kind, Dialect::Mapped { date_format }, table, at, tz)
    }

    fn new(
        kind: Kind,
        dialect: Dialect,
        table: &Table,
        at: Vec<(&'static str, usize, String)>,
        tz: Tz,
    ) -> Columns {
        let cells = |i: usize| table.rows.iter().map(move |r| r.cells.get(i).unwrap_or(""));
        let found = at
            .into_iter()
            .map(|(name, index, label)| {
                let money = MONEY.contains(&name);
                let number = !WORDS.contains(&name);
                let rate = RATES.contains(&name);
                // Only numbers have a style, only rates a percent, only dates an order of day
                // and month: a caption's cells are not looked at for any of them.
                let mut evidence = Evidence::default();
                for c in cells(index).filter(|_| number) {
                    evidence.add(if money { without_currency(c) } else { c });
                }
                let style = evidence.style(table.delimiter);
                let percent = match dialect {
                    Dialect::Canonical => true,
                    Dialect::Mapped { .. } => rate && lenient::in_percent(cells(index), style),
                };
                let order = match DATES.contains(&name) {
                    true => lenient::day_month(cells(index)),
                    false => DayMonth::Unknown,
                };
                Found {
                    name,
                    index,
                    label,
                    style,
                    order,
                    percent,
                    rate,
                    money,
                    whole: !rate && !money && !MEASURES.contains(&name),
                    number,
                    evidence,
                }
            })
            .collect();
        Columns {
            kind,
            dialect,
            width: table.headers.len(),
            tz,
            found,
            seen: Lookups::default(),
        }
    }

    /// Read the rest of a file row by row (`records`, after the rows the columns were decided
    /// from) where a number in it could be written otherwise than those rows showed (a `2.000`
    /// after four hundred rows of plain numbers), and decide the columns again from all of them.
    pub fn see_rest(&mut self, records: &Records, delimiter: u8) -> Result<(), String> {
        if !might_change(records.rest(), delimiter) {
            return Ok(());
        }
        // A second reader only where it is needed: each costs a table of its own to build.
        let mut records = records.clone();
        let mut seen = self.no_evidence();
        while let Some(row) = records.next()? {
            self.witness(&row, &mut seen);
        }
        self.decide_again(&seen, delimiter);
        Ok(())
    }

    /// Nothing seen yet, for each column (`witness`).
    pub fn no_evidence(&self) -> Vec<Evidence> {
        vec![Evidence::default(); self.found.len()]
    }

    /// What one row shows of how each column writes numbers.
    pub fn witness(&self, row: &impl super::Fields, seen: &mut [Evidence]) {
        for (f, e) in self.found.iter().zip(seen).filter(|(f, _)| f.number) {
            let cell = row.field(f.index).unwrap_or("");
            e.add(if f.money {
                without_currency(cell)
            } else {
                cell
            });
        }
    }

    /// Decide each column's style again from what its first rows showed and `seen`; whether any
    /// changed.
    pub fn decide_again(&mut self, seen: &[Evidence], delimiter: u8) -> bool {
        let mut changed = false;
        for (f, e) in self.found.iter_mut().zip(seen) {
            f.evidence = f.evidence.with(e);
            let style = f.evidence.style(delimiter);
            changed |= style != f.style;
            f.style = style;
        }
        changed
    }

    pub(super) fn get(&self, name: &'static str) -> Option<&Found> {
        let at = self.seen.get(name).unwrap_or_else(|| {
            let at = self.found.iter().position(|f| f.name == name);
            self.seen.put(name, at);
            at
        });
        at.map(|i| &self.found[i])
    }

    /// The file's columns that a dot groups thousands in (`2.000` read as 2,000), by their names
    /// in the file: the load report says which reading was taken.
    pub fn dot_grouped(&self) -> Vec<&str> {
        self.found
            .iter()
            .filter(|f| f.number && f.style.dot_groups && !RATES.contains(&f.name))
            .map(|f| f.label.as_str())
            .collect()
    }

    /// The date columns whose slash dates do not tell the order of day and month, or tell both.
    pub fn unclear_dates(&self, table: &Table) -> Vec<(&str, DayMonth)> {
        self.found
            .iter()
            .filter(|f| DATES.contains(&f.name))
            .filter(|f| match f.order {
                DayMonth::Mixed => true,
                DayMonth::Unknown => table.rows.iter().any(|r| {
                    r.cells
                        .get(f.index)
                        .is_some_and(|c| c.matches('/').count() == 2)
                }),
                _ => false,
            })
            .map(|f| (f.label.as_str(), f.order))
            .collect()
    }
}

/// Where each name asked for is among the columns found, by the name's address and length:
/// an open-addressed table, so a row's dozen lookups cost a multiplication and a comparison
/// each. A name that finds the table full is looked up by comparing strings, as it would be
/// the first time.
#[derive(Clone)]
struct Lookups(Box<[Cell<Lookup>; 64]>);

/// A name's address and length, and where its column is (`None`: not in the file).
type Lookup = (usize, usize, Option<usize>);

impl Default for Lookups {
    fn default() -> Lookups {
        Lookups(Box::new(std::array::from_fn(|_| Cell::new((0, 0, None)))))
    }
}

impl Lookups {
    fn slots(name: &'static str) -> impl Iterator<Item = usize> {
        let home = (name.as_ptr() as usize).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58;
        (0..64).map(move |i| (home + i) % 64)
    }

    fn get(&self, name: &'static str) -> Option<Option<usize>> {
        let key = (name.as_ptr() as usize, name.len());
        for slot in Lookups::slots(name) {
            match self.0[slot].get() {
                (0, _, _) => return None,
                (p, n, at) if (p, n) == key => return Some(at),
                _ => {}
            }
        }
        None
    }

    fn put(&self, name: &'static str, at: Option<usize>) {
        if let Some(slot) = Lookups::slots(name).find(|&s| self.0[s].get().0 == 0) {
            self.0[slot].set((name.as_ptr() as usize, name.len(), at));
        }
    }
}

/// Whether text holds a number a column's style could read otherwise: a digit, a dot or (in a
/// file not separated by commas) a comma, and a digit.
fn might_change(text: &[u8], delimiter: u8) -> bool {
    let digit = |i: usize| text.get(i).is_some_and(u8::is_ascii_digit);
    let between_digits = |i: usize| i > 0 && digit(i - 1) && digit(i + 1);
    if delimiter == b',' {
        memchr::memchr_iter(b'.', text).any(between_digits)
    } else {
        memchr::memchr2_iter(b'.', b',', text).any(between_digits)
    }
}
