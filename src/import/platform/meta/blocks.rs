//! The stacked blocks of a Meta `Audience.csv`: each under a one-field title line (`Age &
//! gender`, `Top countries`, `Top cities`, …), the older layout's lines split again by the
//! delimiter most of them hold.

use crate::import::lenient::{self, NumberStyle};
use crate::import::table::{Row, Table};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    AgeGender,
    Countries,
    Cities,
    Other,
}

/// What a block holds, by its title.
pub(super) fn kind(title: &str) -> Kind {
    let t = title.to_lowercase();
    if (t.contains("age") && t.contains("gender")) || t.contains("возраст") {
        Kind::AgeGender
    } else if t.contains("countr") || t.contains("стран") {
        Kind::Countries
    } else if t.contains("cities") || t.contains("city") || t.contains("город") {
        Kind::Cities
    } else {
        Kind::Other
    }
}

/// A block: its title, and its rows (the first block's header row among them).
pub(super) struct Block {
    pub title: String,
    pub rows: Vec<Row>,
    /// Whether the first row is the table's header (lower-cased by the parser).
    pub header_first: bool,
}

/// A title: one field that is not a number (Excel may pad it with empty fields).
pub(super) fn title_of(row: &Row) -> Option<&str> {
    let first = row.cells.get(0)?.trim();
    let rest_empty = row.cells.iter().skip(1).all(|c| c.trim().is_empty());
    let numeric = lenient::number(first, NumberStyle::default()).is_ok();
    (rest_empty && !first.is_empty() && !numeric).then_some(first)
}

/// The blocks of a table, and the delimiter its lines are split by (see `resplit`).
pub(super) fn blocks(table: &Table) -> (Vec<Block>, u8) {
    let mut lines: Vec<(Row, bool)> = Vec::new();
    if let Some(t) = &table.title {
        lines.push((
            Row {
                line: table.header_line.saturating_sub(1),
                cells: csv::StringRecord::from(vec![t.as_str()]),
            },
            false,
        ));
    }
    lines.push((
        Row {
            line: table.header_line,
            cells: csv::StringRecord::from(table.headers.clone()),
        },
        true,
    ));
    lines.extend(table.rows.iter().map(|r| (r.clone(), false)));
    let delimiter = resplit(table, &mut lines);
    let mut out: Vec<Block> = Vec::new();
    for (row, is_header) in lines {
        // A one-field line right under a list block's title is its single label, not a title.
        let label_row = out.last().is_some_and(|b| {
            b.rows.is_empty() && matches!(kind(&b.title), Kind::Countries | Kind::Cities)
        });
        match title_of(&row) {
            Some(t) if !label_row => out.push(Block {
                title: t.to_string(),
                rows: Vec::new(),
                header_first: false,
            }),
            _ => match out.last_mut() {
                Some(b) => {
                    b.header_first |= is_header && b.rows.is_empty();
                    b.rows.push(row);
                }
                None => out.push(Block {
                    title: String::new(),
                    rows: vec![row],
                    header_first: is_header,
                }),
            },
        }
    }
    (out, delimiter)
}

/// The delimiter of a file whose first line has one field (the older layout, `Facebook
/// followers`), which the parser could not sniff: the one most lines hold (tab, then `;`, then
/// `,`); the lines are split again by it.
fn resplit(table: &Table, lines: &mut [(Row, bool)]) -> u8 {
    if table.headers.len() > 1 {
        return table.delimiter;
    }
    let joined: Vec<String> = lines
        .iter()
        .map(|(r, _)| {
            r.cells
                .iter()
                .collect::<Vec<_>>()
                .join(&char::from(table.delimiter).to_string())
        })
        .collect();
    let holding = |d: char| joined.iter().filter(|l| l.contains(d)).count();
    let Some(d) = [b',', b';', b'\t']
        .into_iter()
        .filter(|d| holding(char::from(*d)) > 0)
        .max_by_key(|d| holding(char::from(*d)))
    else {
        return table.delimiter;
    };
    if d == table.delimiter {
        return d;
    }
    for ((row, _), text) in lines.iter_mut().zip(joined) {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(text.as_bytes());
        if let Some(Ok(rec)) = reader.records().next() {
            row.cells = rec;
        }
    }
    d
}
