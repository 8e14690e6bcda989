//! Legacy Facebook Insights exports ("Insights → Export Data", before Meta Business Suite;
//! export-formats.md section 2): the page level (one very wide row a day) and the post level
//! (one row a post, lifetime numbers). Both have a description row under the header.

mod page;
mod post;

use super::cells::Col;
use super::Format;
use crate::import::lenient::{self, NumberStyle};
use crate::import::table::{Row, Table};

/// Most specific first: the post level, then the page level.
pub(super) const FORMATS: &[&Format] = &[&post::POSTS, &page::PAGE];

/// A cell of prose (`Lifetime: The total number of people ...`) or an API name
/// (`post_impressions_unique:lifetime`), as description rows hold.
fn is_prose(cell: &str) -> bool {
    let c = cell.trim();
    let api = c.contains(':') && !c.contains(' ') && c.chars().any(|ch| ch == '_');
    let words = c.chars().count() > 15 && c.contains(' ');
    (api || words) && lenient::number(c, NumberStyle::default()).is_err()
}

/// Whether the first row under the header describes the columns: its first cell is empty, or
/// most of its cells are prose.
fn is_description(row: &Row) -> bool {
    let first_empty = row.cells.get(0).is_none_or(|c| c.trim().is_empty());
    let filled: Vec<&str> = row.cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let prose = filled.iter().filter(|c| is_prose(c)).count();
    !filled.is_empty() && (first_empty || prose * 2 > filled.len())
}

/// The data rows and the description row (if any).
fn split_description(table: &Table) -> (Vec<&Row>, Option<&Row>) {
    match table.rows.split_first() {
        Some((first, rest)) if is_description(first) => (rest.iter().collect(), Some(first)),
        _ => (table.rows.iter().collect(), None),
    }
}

/// The column named `name`; where the name repeats, the one the description row calls a
/// `(Total Count)`, else the first.
fn pick(table: &Table, description: Option<&Row>, name: &str) -> Option<usize> {
    let all = table.columns_named(name);
    if all.len() > 1 {
        if let Some(d) = description {
            let total = |i: &&usize| {
                d.cells
                    .get(**i)
                    .is_some_and(|c| c.to_lowercase().contains("(total count)"))
            };
            if let Some(i) = all.iter().find(total) {
                return Some(*i);
            }
        }
    }
    all.first().copied()
}

/// The columns of a breakdown, named `<prefix><key>`: each key with its column, whose style is
/// decided from `rows`.
fn breakdown(table: &Table, rows: &[&Row], prefix: &str) -> Vec<(String, Col)> {
    let keyed = table.headers.iter().enumerate().filter_map(|(i, h)| {
        let key = h.strip_prefix(prefix)?;
        Some((key.trim().to_string(), Col::at(table, rows, Some(i))))
    });
    keyed.collect()
}

/// The first of `names` that the table has (see `pick`).
fn pick_any(table: &Table, description: Option<&Row>, names: &[&str]) -> Option<usize> {
    names.iter().find_map(|n| pick(table, description, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Row;

    #[test]
    fn description_rows_are_told_from_data() {
        let row = |cells: &[&str]| Row {
            line: 2,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        assert!(is_description(&row(&[
            "",
            "Lifetime: The total number of people who have liked your Page."
        ])));
        assert!(is_description(&row(&[
            "post_id",
            "post_impressions_unique:lifetime",
            "post_impressions:lifetime"
        ])));
        assert!(!is_description(&row(&["8/24/2014", "200", "3"])));
        assert!(!is_description(&row(&[
            "1_2",
            "https://fb.com/2",
            "A long message about our new page",
            "Photo",
            "12"
        ])));
    }
}
