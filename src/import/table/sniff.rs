//! Telling a file's delimiter and its title line from its first lines, outside quotes.

/// Split a line on `delim` outside double quotes (for sniffing only).
pub(super) fn fields_outside_quotes(line: &str, delim: char) -> usize {
    let mut in_quotes = false;
    let mut n = 1;
    for c in line.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if c == delim && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Whether a line has text in its first field only (`Facebook follows;;`), split on `delim`
/// outside double quotes.
pub(super) fn only_first_field(line: &str, delim: char) -> bool {
    let mut in_quotes = false;
    let mut field = 0;
    let mut first_has_text = false;
    for c in line.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            c if c == delim && !in_quotes => field += 1,
            c if c.is_whitespace() => {}
            _ if field == 0 => first_has_text = true,
            _ => return false,
        }
    }
    field > 0 && first_has_text
}

/// Choose the delimiter whose field count on the header line is above one and repeats on the
/// most following lines; ties go to comma, then semicolon, then tab.
pub(super) fn sniff_delimiter(lines: &[&str]) -> u8 {
    let Some(header) = lines.first() else {
        return b',';
    };
    let mut best = (b',', 0usize, 0usize);
    for (delim, byte) in [(',', b','), (';', b';'), ('\t', b'\t')] {
        let n = fields_outside_quotes(header, delim);
        if n < 2 {
            continue;
        }
        let agree = lines
            .iter()
            .skip(1)
            .filter(|l| fields_outside_quotes(l, delim) == n)
            .count();
        if (agree, n) > (best.1, best.2) || best.2 == 0 {
            best = (byte, agree, n);
        }
    }
    best.0
}
