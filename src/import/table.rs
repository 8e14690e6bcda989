//! A CSV file read into a header and rows of text, with the line of every row.

use super::report::LoadReport;

/// The largest file the importers read (a guard against a crafted or mistaken file).
pub const MAX_FILE_BYTES: usize = 512 * 1024 * 1024;

/// One row of a table: the line it starts on (1-based) and its cells.
#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

/// A header row (names trimmed and lower-cased) and the rows under it.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub header_line: u64,
    pub rows: Vec<Row>,
}

impl Table {
    /// The index of a column by its normalised name (the first one, if the name repeats).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }
}

/// Normalise a header name: trimmed, lower case, without a byte-order mark.
pub fn normalise_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').trim().to_lowercase()
}

/// Decode a canonical file: UTF-8 with or without a byte-order mark. Bytes that are not UTF-8
/// are replaced and reported, never silently dropped.
pub fn decode_utf8(file: &str, bytes: &[u8], report: &mut LoadReport) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            report.warn(
                file,
                None,
                format!(
                    "the file is not valid UTF-8 (first bad byte at offset {}); unreadable characters were replaced",
                    e.valid_up_to()
                ),
            );
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Parse comma-separated text with a header row. Rows are kept as they are (ragged rows too);
/// the importer decides what to do with them.
pub fn parse_csv(text: &str) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // csv counts lines without the blank ones it skips, so lines come from byte offsets.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |rec: &csv::StringRecord| -> u64 {
        let mut byte = rec.position().map_or(0, |p| p.byte() as usize);
        // The position is where reading began, before the blank lines that were skipped.
        let bytes = text.as_bytes();
        while byte < bytes.len() && matches!(bytes[byte], b'\n' | b'\r') {
            byte += 1;
        }
        line_starts.partition_point(|start| *start <= byte) as u64
    };
    let mut records = reader.records();
    let mut table = Table::default();
    // The header is the first record that is not blank.
    for rec in records.by_ref() {
        let rec = rec.map_err(|e| format!("cannot be read as CSV: {e}"))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        table.header_line = line_of(&rec);
        table.headers = rec.iter().map(normalise_header).collect();
        break;
    }
    if table.headers.is_empty() {
        return Err("is empty".to_string());
    }
    for rec in records {
        let rec = rec.map_err(|e| format!("cannot be read as CSV: {e}"))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        table.rows.push(Row {
            line: line_of(&rec),
            cells: rec.iter().map(str::to_string).collect(),
        });
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_normalised_and_lines_counted() {
        let t = parse_csv("\u{feff} Date ,Followers\n2026-01-01,10\n\n2026-01-02,11\n").unwrap();
        assert_eq!(t.headers, vec!["date", "followers"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(parse_csv("").is_err());
        assert!(parse_csv("\n\n").is_err());
    }

    #[test]
    fn quoted_fields_keep_commas_and_newlines() {
        let t = parse_csv("a,b\n\"x, y\",\"line1\nline2\"\n3,4\n").unwrap();
        assert_eq!(t.rows[0].cells, vec!["x, y", "line1\nline2"]);
        assert_eq!(t.rows[1].line, 4);
    }
}
