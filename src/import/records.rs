//! The records of a delimited text, read one at a time into one reused buffer, each with the
//! line it starts on, under limits that a crafted file cannot get past (reliability.md,
//! section 3.4): a field longer than [`MAX_RECORD_BYTES`], a row of more than [`MAX_FIELDS`]
//! fields or a file of more than [`MAX_ROWS`] rows is refused with a sentence naming the line,
//! before the buffers grow past the limit (200 MB of commas never becomes 200 million fields).
//!
//! `csv_core` does the quoting; nothing is allocated per record, so a large posts export costs
//! little more than one pass over its bytes.

/// The longest record read: Excel's cell limit is 32,767 characters and no platform writes a
/// caption above 64 KiB, so 16 MiB in one record is a runaway quote or not a table at all.
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// The widest record read: legacy Facebook page exports have up to about 3,000 columns; the
/// memory a record takes is bounded by [`MAX_RECORD_BYTES`], not by its width.
pub const MAX_FIELDS: usize = 20_000;

/// The most rows read from one file: ten years of hourly rows are under 100,000.
pub const MAX_ROWS: usize = 10_000_000;

/// More line breaks than this inside one record means an unclosed quote, not a caption.
const MAX_LINES_IN_A_FIELD: u64 = 200;

/// One record: the line it starts on (1-based, in the whole file) and its fields.
#[derive(Debug, Clone, Copy)]
pub struct Record<'r> {
    pub line: u64,
    text: &'r str,
    ends: &'r [usize],
}

impl<'r> Record<'r> {
    /// The field at `i`, if the record has one.
    pub fn get(&self, i: usize) -> Option<&'r str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'r str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The record's fields as a `csv::StringRecord` (for tables kept whole).
    pub fn to_string_record(&self) -> csv::StringRecord {
        let mut out = csv::StringRecord::with_capacity(self.text.len(), self.len());
        for f in self.iter() {
            out.push_field(f);
        }
        out
    }
}

/// A reader of the records of `text`, from some byte offset on.
#[derive(Debug)]
pub struct Records<'t> {
    input: &'t [u8],
    pos: usize,
    delimiter: u8,
    core: csv_core::Reader,
    /// Lines of the file before `input` begins.
    lines_before: u64,
    buf: Vec<u8>,
    ends: Vec<usize>,
    rows: usize,
    /// Problems with the file's structure that do not stop reading: (line, message).
    pub notes: Vec<(u64, String)>,
}

/// A second reader from the same record on (to look ahead). Cloning `csv_core::Reader`
/// itself loses its state (csv-core 0.1.13), so the copy gets a new one at the same line and
/// past the start of the text; records are only ever cloned between records, where the
/// reader holds nothing else.
impl Clone for Records<'_> {
    fn clone(&self) -> Self {
        let mut core = built(self.delimiter);
        core.set_line(self.core.line());
        if self.pos > 0 || self.rows > 0 {
            past_start(&mut core);
        }
        Records {
            input: self.input,
            pos: self.pos,
            delimiter: self.delimiter,
            core,
            lines_before: self.lines_before,
            buf: vec![0; self.buf.len()],
            ends: vec![0; self.ends.len()],
            rows: self.rows,
            notes: self.notes.clone(),
        }
    }
}

impl<'t> Records<'t> {
    /// Records of `body`, the part of a file after its first `lines_before` lines.
    pub fn new(body: &'t str, delimiter: u8, lines_before: u64) -> Records<'t> {
        Records::of_bytes(body.as_bytes(), delimiter, lines_before)
    }

    fn of_bytes(input: &'t [u8], delimiter: u8, lines_before: u64) -> Records<'t> {
        Records {
            input,
            pos: 0,
            delimiter,
            core: built(delimiter),
            lines_before,
            buf: vec![0; 4096],
            ends: vec![0; 64],
            rows: 0,
            notes: Vec::new(),
        }
    }

    /// The text not read yet.
    pub fn rest(&self) -> &'t [u8] {
        &self.input[self.pos.min(self.input.len())..]
    }

    /// How many bytes of the text have been read.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// How many records have been read.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// A second reader of the text from byte `at` on (where a line begins, `lines` line breaks
    /// after this reader's place; `pos` counts from the same place as this reader's), its lines
    /// numbered as in the whole file; whether a record begins there is for its caller to make
    /// sure.
    pub fn from_byte(&self, at: usize, lines: u64) -> Records<'t> {
        let before = self.lines_before + (self.core.line() - 1) + lines;
        let mut from = Records::of_bytes(self.input, self.delimiter, before);
        from.pos = at;
        past_start(&mut from.core);
        from
    }

    /// Whether the records read so far end at byte `at`: nothing but line breaks left before it
    /// (a `\r\n` may leave its `\n` unread, blank lines may follow), which a reader between
    /// records passes over.
    pub fn ended_at(&self, at: usize) -> bool {
        self.input
            .get(self.pos..at)
            .is_some_and(|gap| gap.iter().all(|b| matches!(b, b'\r' | b'\n')))
    }

    /// The next record that is not blank, `None` at the end of the text, or why the file
    /// cannot be read.
    #[allow(clippy::should_implement_trait)] // a lending reader: records borrow its buffer
    pub fn next(&mut self) -> Result<Option<Record<'_>>, String> {
        let (line, len, fields) = loop {
            let Some((line, len, fields)) = self.read_one()? else {
                return Ok(None);
            };
            if !self.buf[..len].iter().all(u8::is_ascii_whitespace) {
                break (line, len, fields);
            }
        };
        self.rows += 1;
        if self.rows > MAX_ROWS {
            return Err(format!(
                "has more than {} rows (line {line}); split the export by date range",
                thousands(MAX_ROWS)
            ));
        }
        // Always valid: the text is, and fields start and end at ASCII bytes.
        let text = std::str::from_utf8(&self.buf[..len])
            .map_err(|_| format!("line {line} is not valid text"))?;
        let spanned = self.core.line() - (line - self.lines_before);
        if spanned > MAX_LINES_IN_A_FIELD {
            let inner = text.bytes().filter(|b| *b == b'\n').count();
            if inner as u64 > MAX_LINES_IN_A_FIELD {
                self.notes.push((
                    line,
                    format!("a quoted field starting here runs over {inner} lines: a quote is probably never closed, so the rows after it were read as text"),
                ));
            }
        }
        Ok(Some(Record {
            line,
            text,
            ends: &self.ends[..fields],
        }))
    }

    /// Read one record into the buffers: (its line, its bytes, its fields).
    fn read_one(&mut self) -> Result<Option<(u64, usize, usize)>, String> {
        use csv_core::ReadRecordResult as R;
        // Blank lines before the record are skipped by the reader; its line is after them.
        let mut line = self.core.line();
        for b in &self.input[self.pos..] {
            match b {
                b'\n' => line += 1,
                b'\r' => {}
                _ => break,
            }
        }
        let line = self.lines_before + line;
        let (mut out, mut fields) = (0, 0);
        loop {
            let (res, nin, nout, nend) = self.core.read_record(
                &self.input[self.pos..],
                &mut self.buf[out..],
                &mut self.ends[fields..],
            );
            self.pos += nin;
            out += nout;
            fields += nend;
            match res {
                // The whole rest of the text was given: an empty input tells the reader so.
                R::InputEmpty => {
                    if self.pos < self.input.len() {
                        continue;
                    }
                    let (res, _, nout, nend) =
                        self.core
                            .read_record(&[], &mut self.buf[out..], &mut self.ends[fields..]);
                    out += nout;
                    fields += nend;
                    match res {
                        R::Record => return Ok(Some((line, out, fields))),
                        R::End => return Ok(None),
                        R::OutputFull => self.grow_buf(line)?,
                        R::OutputEndsFull => self.grow_ends(line)?,
                        R::InputEmpty => return Ok(None),
                    }
                }
                R::OutputFull => self.grow_buf(line)?,
                R::OutputEndsFull => self.grow_ends(line)?,
                R::Record => return Ok(Some((line, out, fields))),
                R::End => return Ok(None),
            }
        }
    }

    fn grow_buf(&mut self, line: u64) -> Result<(), String> {
        if self.buf.len() >= MAX_RECORD_BYTES {
            return Err(format!(
                "has a row longer than {} MiB starting on line {line} (a quote that is never closed, or not a table); it is not read",
                MAX_RECORD_BYTES / (1024 * 1024)
            ));
        }
        let len = (self.buf.len() * 2).min(MAX_RECORD_BYTES);
        self.buf.resize(len, 0);
        Ok(())
    }

    fn grow_ends(&mut self, line: u64) -> Result<(), String> {
        if self.ends.len() > MAX_FIELDS {
            return Err(format!(
                "has more than {} fields on line {line}; it is not read",
                thousands(MAX_FIELDS)
            ));
        }
        let len = (self.ends.len() * 2).min(MAX_FIELDS + 1);
        self.ends.resize(len, 0);
        Ok(())
    }
}

thread_local! {
    /// Readers given back when their `Records` went, by delimiter. Building a reader computes
    /// its table of transitions (about 270,000 instructions, more than reading a small file's
    /// records); a reader reset is as good as new.
    static READERS: std::cell::RefCell<Vec<(u8, csv_core::Reader)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A reader for `delimiter` at the start of a text: one given back on this thread, reset, or a
/// new one.
fn built(delimiter: u8) -> csv_core::Reader {
    let kept = READERS.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept.iter().position(|(d, _)| *d == delimiter)?;
        Some(kept.swap_remove(at).1)
    });
    match kept {
        Some(mut core) => {
            core.reset();
            core
        }
        None => csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
    }
}

impl Drop for Records<'_> {
    fn drop(&mut self) {
        let core = std::mem::take(&mut self.core);
        // A thread that is ending keeps nothing (its pool may be gone already).
        let _ = READERS.try_with(|kept| {
            let mut kept = kept.borrow_mut();
            // A few per thread: a file is read by one reader at a time, a part or two besides.
            if kept.len() < 4 {
                kept.push((self.delimiter, core));
            }
        });
    }
}

/// Tell a new reader that it starts in the middle of a text: it must not take a byte-order mark
/// there for the text's own (a line may begin with one; the first reader reads it as text). A
/// record into no room reads nothing and marks the reader as having read.
fn past_start(core: &mut csv_core::Reader) {
    let _ = core.read_record(b" ", &mut [], &mut []);
}

/// A whole number with its thousands grouped by commas (`1,919,980`).
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<(u64, Vec<String>)>, String> {
        let mut r = Records::new(text, b',', 0);
        let mut out = Vec::new();
        while let Some(rec) = r.next()? {
            out.push((rec.line, rec.iter().map(str::to_string).collect()));
        }
        Ok(out)
    }

    #[test]
    fn lines_count_blank_lines_and_line_breaks_in_quotes() {
        let rows = all("a,b\n\n\"x\ny\",2\r\n  \n3,4").unwrap();
        assert_eq!(
            rows,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (3, vec!["x\ny".into(), "2".into()]),
                (6, vec!["3".into(), "4".into()]),
            ]
        );
    }

    #[test]
    fn a_comma_bomb_stops_at_the_field_limit() {
        let bomb = ",".repeat(5_000_000);
        let err = all(&bomb).unwrap_err();
        assert_eq!(err, "has more than 20,000 fields on line 1; it is not read");
    }

    #[test]
    fn a_runaway_field_stops_at_the_record_limit() {
        let mut text = String::from("a,b\n1,\"");
        text.push_str(&"x".repeat(MAX_RECORD_BYTES + 10));
        let err = all(&text).unwrap_err();
        assert!(
            err.starts_with("has a row longer than 16 MiB starting on line 2"),
            "{err}"
        );
    }

    #[test]
    fn an_unclosed_quote_is_noted_with_its_line() {
        let mut text = String::from("a,b\n1,\"oops\n");
        for i in 0..300 {
            text.push_str(&format!("{i},{i}\n"));
        }
        let mut r = Records::new(&text, b',', 10);
        while r.next().unwrap().is_some() {}
        assert_eq!(r.notes.len(), 1);
        assert_eq!(r.notes[0].0, 12);
        assert!(r.notes[0].1.contains("runs over 301 lines"));
    }

    #[test]
    fn a_clone_reads_on_from_the_same_record() {
        let text = "a,b\n1,2\n\n3,4\n";
        let mut r = Records::new(text, b',', 5);
        r.next().unwrap();
        let mut peek = r.clone();
        let ahead = peek.next().unwrap().unwrap();
        assert_eq!((ahead.line, ahead.get(1)), (7, Some("2")));
        let ahead = peek.next().unwrap().unwrap();
        assert_eq!((ahead.line, ahead.get(0)), (9, Some("3")));
        let rec = r.next().unwrap().unwrap();
        assert_eq!((rec.line, rec.get(0)), (7, Some("1")));
    }

    #[test]
    fn fields_are_read_as_written() {
        let mut r = Records::new("\"a,b\",\"say \"\"hi\"\"\",,x", b',', 0);
        let rec = r.next().unwrap().unwrap();
        assert_eq!(rec.len(), 4);
        assert_eq!(
            (rec.get(0), rec.get(1), rec.get(2), rec.get(3), rec.get(4)),
            (Some("a,b"), Some("say \"hi\""), Some(""), Some("x"), None)
        );
        assert_eq!(rec.to_string_record(), vec!["a,b", "say \"hi\"", "", "x"]);
        assert!(r.next().unwrap().is_none());
    }
}
