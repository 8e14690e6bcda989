//! Numbers as people download them: null tokens, thousand separators, decimal commas and
//! `%`, decided per column (never a silent 0), and durations.

/// A cell without the white space around it. Most cells begin and end with a printable ASCII
/// character and are returned at once; the rest are trimmed as `str::trim` does.
pub fn trim(cell: &str) -> &str {
    match cell.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => cell,
        [only] if only.is_ascii_graphic() => cell,
        _ => cell.trim(),
    }
}

/// Cells that mean "no value" in real exports.
pub fn is_null(cell: &str) -> bool {
    const TOKENS: &[&str] = &[
        "-",
        "--",
        "—",
        "–",
        "n/a",
        "na",
        "nan",
        "null",
        "none",
        "undefined",
        "(not set)",
    ];
    let t = trim(cell);
    t.is_empty() || (t.len() <= 12 && TOKENS.iter().any(|n| n.eq_ignore_ascii_case(t)))
}

/// How a column writes its numbers, decided from all its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumberStyle {
    /// `12,5` means twelve and a half (and a dot groups thousands: `1.234,5`).
    pub decimal_comma: bool,
    /// Every number with a dot has the shape of thousands grouped by a dot (`2.000`,
    /// `1.234.567`): in a count, which is a whole number, that is what the dot does.
    pub dot_groups: bool,
}

impl NumberStyle {
    /// The style of a count column: where every dotted value groups digits in threes, the dot
    /// groups thousands (`2.000` reach is two thousand, never two).
    pub fn for_counts(self) -> NumberStyle {
        NumberStyle {
            decimal_comma: self.decimal_comma || self.dot_groups,
            ..self
        }
    }
}

/// `1.234` or `12.345.678`: digits grouped in threes by dots (a sign allowed).
fn dot_grouped(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut parts = s.split('.');
    let head = parts.next().unwrap_or("");
    let mut groups = 0;
    for p in parts {
        if p.len() != 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        groups += 1;
    }
    // A group never starts with zero (`0.462` is a fraction).
    groups > 0
        && (1..=3).contains(&head.len())
        && !head.starts_with('0')
        && head.bytes().all(|b| b.is_ascii_digit())
}

fn strip_spaces(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect()
}

/// `strip_spaces` without a copy where there is nothing to strip (no space, apostrophe or
/// character beyond ASCII, as most cells are).
fn without_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b == b' ' || b == b'\'' || !b.is_ascii()) {
        std::borrow::Cow::Owned(strip_spaces(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Decide a column's number style. A comma is a decimal comma when some cell has a comma not
/// followed by exactly three digits (`12,5`), or when the file is semicolon- or tab-separated
/// (an Excel re-save in a European locale) and no cell has both a dot and a comma in the
/// thousands pattern; otherwise commas group thousands (`1,234`). Dots group thousands where
/// commas are decimal, and, in a column whose every dotted value is grouped in threes, in a
/// semicolon- or tab-separated file (and in any file for counts: `NumberStyle::for_counts`).
pub fn decide<'a>(cells: impl Iterator<Item = &'a str>, delimiter: u8) -> NumberStyle {
    let mut evidence = Evidence::default();
    for c in cells {
        evidence.add(c);
    }
    evidence.style(delimiter)
}

/// What a column's cells have shown of how it writes numbers, cell by cell (`decide`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence {
    comma_decimal: bool,
    comma_thousands: bool,
    saw_comma: bool,
    dotted: bool,
    /// No dotted cell so far has been anything but thousands grouped by dots.
    dots_not_grouped: bool,
}

impl Evidence {
    pub fn add(&mut self, cell: &str) {
        // A plain whole number shows nothing (the usual cell: no allocation).
        let t = trim(cell);
        if t.bytes().all(|b| b.is_ascii_digit()) || is_null(t) {
            return;
        }
        let s = without_spaces(t.trim_end_matches('%'));
        if !s.contains(',') {
            if s.contains('.') {
                self.dotted = true;
                self.dots_not_grouped |= !dot_grouped(&s);
            }
            return;
        }
        self.saw_comma = true;
        let last = s.rsplit(',').next().unwrap_or("");
        let grouped = last.len() == 3 && last.chars().all(|ch| ch.is_ascii_digit());
        if s.contains('.') {
            // Both: the one that comes last is the decimal mark.
            if s.rfind(',') > s.rfind('.') {
                self.comma_decimal = true;
            } else {
                self.comma_thousands = true;
            }
        } else if !grouped || s.matches(',').count() == 1 && s.starts_with("0,") {
            self.comma_decimal = true;
        } else if s.matches(',').count() > 1 {
            self.comma_thousands = true;
        }
    }

    /// What both have seen (the marks seen only add up).
    pub fn with(self, other: &Evidence) -> Evidence {
        Evidence {
            comma_decimal: self.comma_decimal || other.comma_decimal,
            comma_thousands: self.comma_thousands || other.comma_thousands,
            saw_comma: self.saw_comma || other.saw_comma,
            dotted: self.dotted || other.dotted,
            dots_not_grouped: self.dots_not_grouped || other.dots_not_grouped,
        }
    }

    /// The style the cells seen show, in a file separated by `delimiter`.
    pub fn style(&self, delimiter: u8) -> NumberStyle {
        let european = delimiter != b',';
        let dot_groups = self.dotted && !self.dots_not_grouped && !self.comma_thousands;
        NumberStyle {
            decimal_comma: (self.saw_comma
                && (self.comma_decimal || (european && !self.comma_thousands)))
                || (european && dot_groups),
            dot_groups,
        }
    }
}

/// A number: null tokens are "no value"; spaces and the other mark group thousands; a trailing
/// `%` is dropped (the importer knows whether the column is a fraction or a percent).
pub fn number(cell: &str, style: NumberStyle) -> Result<Option<f64>, String> {
    // Most cells are counts: up to 15 digits are exact in an f64 and quick to read by hand.
    let t = trim(cell);
    if !t.is_empty() && t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n = t.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Ok(Some(n as f64));
    }
    // Then amounts and rates written plainly (`12.50`, `-3`): nothing to strip or replace.
    if !style.decimal_comma && plain_decimal(t) {
        if let Ok(v) = t.parse::<f64>() {
            return Ok(Some(v));
        }
    }
    if is_null(t) {
        return Ok(None);
    }
    let raw = t;
    let mut s = strip_spaces(raw.trim_end_matches('%').trim());
    if style.decimal_comma {
        s = s.replace('.', "").replace(',', ".");
    } else {
        s = s.replace(',', "");
    }
    let starts = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.'));
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && starts => Ok(Some(v)),
        _ => Err(format!(
            "`{}` is not a number",
            crate::import::cells::shorten(raw)
        )),
    }
}

/// Digits with at most one dot and a leading minus: what `str::parse` reads as `number` would
/// after its stripping and replacing, which change nothing here.
fn plain_decimal(t: &str) -> bool {
    let digits = t.strip_prefix('-').unwrap_or(t).as_bytes();
    digits.first().is_some_and(u8::is_ascii_digit)
        && digits.len() <= 18
        && digits.iter().all(|&b| b.is_ascii_digit() || b == b'.')
        && digits.iter().filter(|&&b| b == b'.').count() <= 1
}

/// A duration written `H:MM:SS` or `MM:SS`, in seconds.
pub fn duration_seconds(cell: &str) -> Option<f64> {
    let parts: Vec<&str> = cell.trim().split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    parts.iter().try_fold(0.0, |acc, p| {
        Some(acc * 60.0 + p.trim().parse::<f64>().ok()?)
    })
}

/// Whether a rate column is written in percent (some value above 1, or a `%` sign) rather
/// than as a fraction (GA4's `0.67`, Metrica's `0.1234`).
pub fn in_percent<'a>(cells: impl Iterator<Item = &'a str>, style: NumberStyle) -> bool {
    cells.filter(|c| !is_null(c)).any(|c| {
        c.contains('%')
            || number(c, style)
                .ok()
                .flatten()
                .is_some_and(|v| v.abs() > 1.0)
    })
}

/// A duration cell: seconds as a number, or `H:MM:SS`.
pub fn seconds(cell: &str, style: NumberStyle) -> Result<Option<f64>, String> {
    if cell.contains(':') && !is_null(cell) {
        return duration_seconds(cell).map(Some).ok_or_else(|| {
            format!(
                "`{}` is not a duration",
                crate::import::cells::shorten(cell)
            )
        });
    }
    number(cell, style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_tokens() {
        for t in ["", " ", "-", "--", "N/A", "undefined", "NAN"] {
            assert!(is_null(t), "{t:?}");
        }
        assert!(!is_null("0"));
    }

    #[test]
    fn number_styles_are_decided_per_column() {
        let plain = NumberStyle::default();
        assert_eq!(number("1,234", plain), Ok(Some(1234.0)));
        assert_eq!(number("1 234", plain), Ok(Some(1234.0)));
        assert_eq!(number("1\u{a0}234.5", plain), Ok(Some(1234.5)));
        assert_eq!(number("12.5%", plain), Ok(Some(12.5)));
        assert_eq!(number("undefined", plain), Ok(None));
        assert!(number("abc", plain).is_err());
        assert!(number("inf", plain).is_err());
        let s = decide(["12,5", "3", "1.234,5"].into_iter(), b';');
        assert!(s.decimal_comma);
        assert_eq!(number("1.234,5", s), Ok(Some(1234.5)));
        assert_eq!(number("12,5 %", s), Ok(Some(12.5)));
        assert!(!decide(["1,234", "12,345,678"].into_iter(), b',').decimal_comma);
        assert!(decide(["0,25"].into_iter(), b',').decimal_comma);
        assert!(decide(["1,234"].into_iter(), b';').decimal_comma);
        assert!(!decide(["1,234,567"].into_iter(), b';').decimal_comma);
        // A German re-save: `2.000` is two thousand in a semicolon file, and in any count.
        let german = decide(["2.000", "512", "1.234.567"].into_iter(), b';');
        assert_eq!(number("2.000", german), Ok(Some(2000.0)));
        let comma = decide(["2.000", "512"].into_iter(), b',');
        assert_eq!(number("2.000", comma), Ok(Some(2.0)));
        assert_eq!(number("2.000", comma.for_counts()), Ok(Some(2000.0)));
        // One dotted value that is not grouped in threes, or a fraction: dots are decimal.
        let mixed = decide(["2.000", "12.5"].into_iter(), b';');
        assert_eq!(number("2.000", mixed.for_counts()), Ok(Some(2.0)));
        let fractions = decide(["0.462", "0.219"].into_iter(), b',');
        assert_eq!(number("0.462", fractions.for_counts()), Ok(Some(0.462)));
    }
}
