//! A delimited text file read into a header and rows, with the line of every row: the
//! preambles that real exports carry (`sep=` lines, `#` comment blocks, a title line) are
//! set aside, and the delimiter is sniffed after decoding (export-formats.md, section 9).
//! `read_head` stops after the header and hands back a reader of the rows, so that a large
//! canonical file is read row by row; `parse_text` keeps every row (platform exports, which
//! decide things per column before reading a row).

mod sniff;

use super::records::Records;
use sniff::{fields_outside_quotes, only_first_field, sniff_delimiter};

/// The largest file the importers read (a guard against a crafted or mistaken file).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// How many rows recognition looks at (Meta's audience export is known by block titles
/// further down the file).
pub const PREVIEW_ROWS: usize = 400;

/// How many lines from the top may hold a preamble and the delimiter sample.
const PREAMBLE_LINES: usize = 400;

/// One row of a table: the line it starts on (1-based) and its cells (one buffer a row, not a
/// string a cell: a posts export has millions of cells).
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: csv::StringRecord,
}

/// A header row (names trimmed and lower-cased) and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub header_line: u64,
    pub rows: Vec<Row>,
    /// The delimiter used: `,`, `;` or tab.
    pub delimiter: u8,
    /// A one-field line before the header, such as Meta's metric title (`"Facebook reach"`).
    pub title: Option<String>,
    /// `#` comment lines before the header (Google Analytics' report description).
    pub comments: Vec<String>,
    /// Problems found while reading the file's structure: (line, message).
    pub notes: Vec<(u64, String)>,
    /// Header names that repeat, with how often: the second is renamed `name (2)` and so on.
    pub renamed: Vec<(String, usize)>,
    /// Why the rows after the preview cannot be read (met while reading the preview).
    unread: Option<String>,
    /// The columns an importer looked up by name (so that one it never read can be named).
    looked_up: std::cell::RefCell<Vec<bool>>,
}

impl Table {
    /// The index of a column by its normalised name (the first one, if the name repeats).
    pub fn column(&self, name: &str) -> Option<usize> {
        let at = self.headers.iter().position(|h| h == name)?;
        let mut seen = self.looked_up.borrow_mut();
        if seen.len() < self.headers.len() {
            seen.resize(self.headers.len(), false);
        }
        seen[at] = true;
        Some(at)
    }

    /// Forget which columns were looked up (recognition looks at columns it does not read).
    pub fn forget_lookups(&self) {
        self.looked_up.borrow_mut().clear();
    }

    /// The headers no importer looked up since `forget_lookups`.
    pub fn never_looked_up(&self) -> Vec<&str> {
        let seen = self.looked_up.borrow();
        self.headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !seen.get(*i).copied().unwrap_or(false))
            .map(|(_, h)| h.as_str())
            .collect()
    }

    /// Every column named `name`, the renamed repeats (`name (2)`, …) included.
    pub fn columns_named(&self, name: &str) -> Vec<usize> {
        let repeat = |h: &str| {
            h.strip_prefix(name)
                .and_then(|r| r.strip_prefix(" ("))
                .and_then(|r| r.strip_suffix(')'))
                .is_some_and(|n| n.parse::<usize>().is_ok())
        };
        let found: Vec<usize> = (0..self.headers.len())
            .filter(|i| self.headers[*i] == name || repeat(&self.headers[*i]))
            .collect();
        for i in &found {
            self.column(&self.headers[*i]);
        }
        found
    }

    /// A warning for each repeated header name (for files whose columns the user chose; a
    /// platform export's importer knows its repeated columns).
    pub fn renamed_notes(&self) -> Vec<(u64, String)> {
        self.renamed
            .iter()
            .map(|(name, n)| {
                (
                    self.header_line,
                    format!("the column `{name}` appears {n} times; the first is used, the others are named `{name} (2)` and on"),
                )
            })
            .collect()
    }

    /// The index of the first column whose name is one of `names`.
    pub fn column_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.column(n))
    }

    pub fn has_all(&self, names: &[&str]) -> bool {
        names.iter().all(|n| self.column(n).is_some())
    }

    /// Keep the first `n` rows that `records` gives (fewer if the file has fewer rows or
    /// cannot be read further: reading the rest says why). Recognition looks at them; the
    /// importer then reads on from where they end, so no row is parsed twice.
    pub fn read_first_rows(&mut self, records: &mut Records, n: usize) {
        while self.rows.len() < n {
            match records.next() {
                Ok(Some(rec)) => self.rows.push(Row {
                    line: rec.line,
                    cells: rec.to_string_record(),
                }),
                Ok(None) => break,
                Err(why) => {
                    self.unread = Some(why);
                    break;
                }
            }
        }
    }

    /// Why the rest of the file cannot be read, if reading the first rows found out.
    pub fn unreadable(&self) -> Result<(), String> {
        self.unread.clone().map_or(Ok(()), Err)
    }

    /// Keep every row that `records` gives after those already kept, with the notes on the
    /// file's structure.
    pub fn read_rows(&mut self, mut records: Records) -> Result<(), String> {
        self.unreadable()?;
        while let Some(rec) = records.next()? {
            self.rows.push(Row {
                line: rec.line,
                cells: rec.to_string_record(),
            });
        }
        self.notes.append(&mut records.notes);
        Ok(())
    }
}

/// Normalise a header name: trimmed, lower case, without a byte-order mark.
pub fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// Name the second and later columns of a repeated name `name (2)`, `name (3)` (blank names
/// become `column_N` first); gives each repeated name with how often it appears.
fn rename_repeats(headers: &mut [String]) -> Vec<(String, usize)> {
    for (i, h) in headers.iter_mut().enumerate() {
        if h.is_empty() {
            *h = format!("column_{}", i + 1);
        }
    }
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut repeated = Vec::new();
    for i in 0..headers.len() {
        let n = seen.entry(headers[i].clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut name = format!("{} ({n})", headers[i]);
            while headers.contains(&name) {
                name.push('\'');
            }
            headers[i] = name;
        }
    }
    for h in headers.iter() {
        if let Some(n) = seen.get(h.as_str()).filter(|n| **n > 1) {
            repeated.push((h.clone(), *n));
        }
    }
    repeated
}

/// Parse decoded text, keeping every row.
pub fn parse_text(text: &str) -> Result<Table, String> {
    let (mut table, records) = read_head(text)?;
    table.read_rows(records)?;
    Ok(table)
}

/// Read up to the header: the table without rows, and a reader of the rows after it. The
/// header is the first line that is not blank, not a `sep=` line, not a `#` comment and not
/// a one-field title line followed by a wider line.
pub fn read_head(text: &str) -> Result<(Table, Records<'_>), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The preamble and the sniffing sample are at the top: the first lines are enough.
    let lines: Vec<&str> = text.lines().take(PREAMBLE_LINES).collect();
    let mut table = Table::default();
    let mut delimiter: Option<u8> = None;
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim();
        // `sep=` names the delimiter in its fifth character, which may be a tab: read it from
        // the line before trimming.
        let raw = lines[i].trim_start_matches(['\u{feff}', '"', ' ']);
        let sep_line = raw.len() >= 4
            && raw.is_char_boundary(4)
            && raw[..4].eq_ignore_ascii_case("sep=")
            && raw.trim_end_matches(['\r', '"', ' ']).len() <= 5;
        if l.is_empty() {
            i += 1;
        } else if sep_line {
            delimiter = raw
                .as_bytes()
                .get(4)
                .copied()
                .filter(|b| !matches!(b, b'"' | b'\r'))
                .or(Some(b','));
            i += 1;
        } else if l.starts_with('#') {
            table
                .comments
                .push(l.trim_start_matches('#').trim().to_string());
            i += 1;
        } else {
            break;
        }
    }
    // A title line: one field, then a line of several.
    let next_wide = lines[i..].iter().skip(1).find(|l| !l.trim().is_empty());
    if let (Some(first), Some(next)) = (lines.get(i), next_wide) {
        let d = delimiter.map(char::from);
        let count = |l: &str| match d {
            Some(d) => fields_outside_quotes(l, d),
            None => [',', ';', '\t']
                .iter()
                .map(|c| fields_outside_quotes(l, *c))
                .max()
                .unwrap_or(1),
        };
        // Excel pads a title line with empty cells when it re-saves the file
        // (`Facebook follows;`): it is still one field.
        let padded_title = [',', ';', '\t']
            .iter()
            .filter(|c| d.is_none_or(|d| d == **c))
            .any(|c| only_first_field(first, *c));
        if (count(first) == 1 || padded_title) && count(next) > 1 && !first.trim().is_empty() {
            let title = first.trim().trim_end_matches([',', ';', '\t', ' ']);
            table.title = Some(title.trim_matches('"').trim().to_string());
            i += 1;
            while i < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
        }
    }
    if i >= lines.len() {
        return Err(if lines.len() == PREAMBLE_LINES {
            format!("has no header row in its first {PREAMBLE_LINES} lines")
        } else {
            "is empty".to_string()
        });
    }
    let sample: Vec<&str> = lines[i..]
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .collect();
    table.delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&sample));
    // Byte offset of the header line, to parse from there and count lines from it.
    let offset: usize = text.split_inclusive('\n').take(i).map(str::len).sum();
    let mut records = Records::new(&text[offset..], table.delimiter, i as u64);
    let Some(header) = records.next()? else {
        return Err("is empty".to_string());
    };
    table.header_line = header.line;
    table.headers = header.iter().map(normalise_header).collect();
    table.renamed = rename_repeats(&mut table.headers);
    Ok((table, records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_normalised_and_lines_counted() {
        let t = parse_text("\u{feff} Date ,Followers\n2026-01-01,10\n\n2026-01-02,11\n").unwrap();
        assert_eq!(t.headers, vec!["date", "followers"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn repeated_and_blank_header_names_are_made_unique() {
        let t = parse_text("Likes,likes,,Likes\n1,2,3,4\n").unwrap();
        assert_eq!(
            t.headers,
            vec!["likes", "likes (2)", "column_3", "likes (3)"]
        );
        assert_eq!(t.column("likes"), Some(0));
        assert_eq!(t.columns_named("likes"), vec![0, 1, 3]);
        let notes = t.renamed_notes();
        assert_eq!(notes.len(), 1);
        assert!(notes[0].1.starts_with("the column `likes` appears 3 times"));
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(parse_text("").is_err());
        assert!(parse_text("\n\n").is_err());
        assert!(parse_text("sep=,\n").is_err());
    }

    #[test]
    fn quoted_fields_keep_commas_and_newlines() {
        let t = parse_text("a,b\n\"x, y\",\"line1\nline2\"\n3,4\n").unwrap();
        assert_eq!(t.rows[0].cells, vec!["x, y", "line1\nline2"]);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn meta_preamble_sep_line_and_title() {
        let t = parse_text(
            "sep=,\n\"Facebook reach\"\n\"Date\",\"Primary\"\n\"2025-01-01T01:00:00\",\"5\"\n",
        )
        .unwrap();
        assert_eq!(t.title.as_deref(), Some("Facebook reach"));
        assert_eq!(t.headers, vec!["date", "primary"]);
        assert_eq!(t.header_line, 3);
        assert_eq!(t.rows[0].line, 4);
    }

    #[test]
    fn comment_blocks_are_set_aside() {
        let t =
            parse_text("# Report\r\n# Start date: 20230708\r\n\r\nDate,Users\r\n20231010,5\r\n")
                .unwrap();
        assert_eq!(t.comments, vec!["Report", "Start date: 20230708"]);
        assert_eq!(t.headers, vec!["date", "users"]);
        assert_eq!((t.header_line, t.rows[0].line), (4, 5));
    }

    #[test]
    fn delimiters_are_sniffed() {
        let t = parse_text("date;followers;reach\n2026-10-01;10;1,5\n2026-10-02;11;2,5\n").unwrap();
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.rows[0].cells, vec!["2026-10-01", "10", "1,5"]);
        let t = parse_text("date\tfollowers\n2026-10-01\t10\n").unwrap();
        assert_eq!(t.delimiter, b'\t');
        let t = parse_text("sep=\t\n\"Follows\"\n\"Date\"\t\"Primary\"\n2025-01-01\t5\n").unwrap();
        assert_eq!((t.delimiter, t.title.as_deref()), (b'\t', Some("Follows")));
        let t = parse_text("sep=;\ndate;followers\n2026-10-01;10\n").unwrap();
        assert_eq!((t.delimiter, t.header_line), (b';', 2));
        let t = parse_text("\"a,b\",c\n\"1,2\",3\n").unwrap();
        assert_eq!(t.delimiter, b',');
    }
}
