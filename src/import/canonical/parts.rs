//! A large canonical file read in parts on every core (`parse_records` from 4 MiB on), joined
//! as one reader would have read it, or read again by one reader where that cannot be made sure.

use super::parse::{read_whole, say_dot_grouped, warn_about_columns};
use super::{Kind, Parsed};
use crate::import::lenient::Evidence;
use crate::import::records::{Records, MAX_ROWS};
use crate::import::report::LoadReport;
use crate::import::rows::{Builder, Columns, Part};
use crate::import::table::{Row, Table};
use chrono_tz::Tz;
use rayon::prelude::*;

/// A large file is read in parts on every core, each part from a line break on, and joined as
/// one reader would have read it; where that cannot be made sure (a record runs over a break, a
/// limit is passed, or a later row writes its numbers otherwise than the first rows did), the
/// file is read again by one reader.
pub(super) fn parse_in_parts(
    kind: Kind,
    table: &Table,
    records: Records,
    file: &str,
    tz: Tz,
    report: &mut LoadReport,
    part_bytes: usize,
) -> Result<Reading, String> {
    warn_about_columns(kind, table, file, report);
    let mut cols = Columns::canonical(kind, table, tz);
    let starts = breaks(&records, part_bytes);
    let mut whole =
        |cols, records| read_whole(cols, table, records, file, report).map(Reading::Read);
    if starts.len() < 2 || rayon::current_num_threads() < 2 {
        return whole(cols, records);
    }
    let from_start = records.clone();
    let stops = starts.iter().skip(1).map(|s| Some(s.0)).chain([None]);
    let jobs: Vec<(Records, Option<usize>, Columns)> = starts
        .iter()
        .zip(stops)
        .enumerate()
        .map(|(k, (&(at, lines), stop))| {
            let part = if k == 0 {
                records.clone()
            } else {
                records.from_byte(at, lines)
            };
            (part, stop, cols.clone())
        })
        .collect();
    drop(records);
    let chunks: Vec<Result<Chunk, String>> = jobs
        .into_par_iter()
        .map(|(records, stop, cols)| read_chunk(records, stop, &cols, file))
        .collect();
    // Every part but the first began where a record begins, and together they are what one
    // reader would read: else one reader reads the file.
    let mut seen = cols.no_evidence();
    let mut rows = 0;
    let mut joined = Vec::new();
    for chunk in chunks {
        let Ok(chunk) = chunk else {
            return whole(cols, from_start);
        };
        let ended = chunk.ended;
        rows += chunk.rows;
        for (all, e) in seen.iter_mut().zip(&chunk.seen) {
            *all = all.with(e);
        }
        joined.push(chunk);
        if !ended {
            return whole(cols, from_start);
        }
    }
    if rows > MAX_ROWS || cols.decide_again(&seen, table.delimiter) {
        return whole(Columns::canonical(kind, table, tz), from_start);
    }
    table.unreadable()?;
    #[cfg(test)]
    JOINED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Ok(Reading::Parts(Joining {
        cols,
        first_rows: table.rows.clone(),
        chunks: joined,
        file: file.to_string(),
    }))
}

/// A canonical file read: its rows, or its parts still to be joined. The parts own all they
/// hold, so they are joined once the file's bytes are let go (`recognise::ReadFile::finish`):
/// a large file is not held twice.
pub enum Reading {
    Read(Parsed),
    Parts(Joining),
}

pub struct Joining {
    cols: Columns,
    /// The rows read for recognition, before the parts.
    first_rows: Vec<Row>,
    chunks: Vec<Chunk>,
    file: String,
}

impl Reading {
    /// The file's rows, as one reader would have read them.
    pub fn rows(self, report: &mut LoadReport) -> Parsed {
        match self {
            Reading::Read(parsed) => parsed,
            Reading::Parts(joining) => joining.join(report),
        }
    }
}

impl Joining {
    fn join(self, report: &mut LoadReport) -> Parsed {
        let Joining {
            cols,
            first_rows,
            chunks,
            file,
        } = self;
        say_dot_grouped(&cols, &file, report);
        let mut builder = Builder::new(&cols, &file);
        let rows: usize = chunks.iter().map(|c| c.part.rows()).sum();
        builder.reserve(first_rows.len() + rows);
        for row in &first_rows {
            builder.add(row, row.line, report);
        }
        let mut notes = Vec::new();
        for chunk in chunks {
            builder.absorb(chunk.part, report);
            notes.extend(chunk.notes);
        }
        for (line, note) in notes {
            report.warn(&file, Some(line), note);
        }
        builder.finish(report)
    }
}

/// Files whose parts were joined (for the tests: that the parts are used, not only read again).
#[cfg(test)]
static JOINED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Where each part of the text not read yet begins, and the line breaks between the reader's
/// place and there (the first part at the reader's place): after the first line break past
/// each multiple of `part_bytes` that an even number of quotes comes before (a break inside a
/// quoted caption is not the end of a record; a stray quote that makes the count lie is found
/// by the part before, which then does not end there).
fn breaks(records: &Records, part_bytes: usize) -> Vec<(usize, u64)> {
    let (rest, start) = (records.rest(), records.pos());
    let mut starts = vec![(start, 0)];
    if rest.len() / 2 < part_bytes {
        return starts;
    }
    // A lone `\r` before more text puts two records on one line: their warnings could not be
    // put back in order by line, so such a file is read by one reader.
    let lone_cr = |i: usize| !matches!(rest.get(i + 1), None | Some(b'\r' | b'\n'));
    if memchr::memchr_iter(b'\r', rest).any(lone_cr) {
        return starts;
    }
    let n = (rest.len() / part_bytes).min(64);
    let count = |bytes: &[u8], b: u8| memchr::memchr_iter(b, bytes).count();
    // Where quotes and line breaks have been counted to, whether an odd number of quotes came
    // before, and how many line breaks.
    let (mut at, mut open, mut lines) = (0, false, 0);
    for k in 1..n {
        let from = k * rest.len() / n;
        if from < at {
            continue;
        }
        open ^= count(&rest[at..from], b'"') % 2 == 1;
        lines += count(&rest[at..from], b'\n');
        at = from;
        let mut after_break = false;
        while let Some(i) = memchr::memchr(b'\n', &rest[at..]) {
            open ^= count(&rest[at..at + i], b'"') % 2 == 1;
            (at, lines, after_break) = (at + i + 1, lines + 1, true);
            if !open {
                break;
            }
        }
        if after_break && !open && at < rest.len() {
            starts.push((start + at, lines as u64));
        }
    }
    starts
}

/// One part of a file, read by a builder of its own with the columns' first decision.
struct Chunk {
    part: Part,
    /// What its rows showed of how each column writes numbers.
    seen: Vec<Evidence>,
    /// Its last record ended where the next part begins.
    ended: bool,
    /// Records its reader read.
    rows: usize,
    notes: Vec<(u64, String)>,
}

fn read_chunk(
    mut records: Records,
    stop: Option<usize>,
    cols: &Columns,
    file: &str,
) -> Result<Chunk, String> {
    let mut report = LoadReport::default();
    let mut rows = Builder::new(cols, file);
    let mut seen = cols.no_evidence();
    while let Some(row) = records.next()? {
        cols.witness(&row, &mut seen);
        rows.add(&row, row.line, &mut report);
        if stop.is_some_and(|at| records.pos() >= at || records.ended_at(at)) {
            break;
        }
    }
    Ok(Chunk {
        part: rows.into_part(report),
        seen,
        ended: stop.is_none_or(|at| records.ended_at(at)),
        rows: records.rows(),
        notes: std::mem::take(&mut records.notes),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::read_head;
    use proptest::prelude::*;

    /// The file read by one reader and in parts of several sizes (on two threads, the breaks
    /// wherever they fall: in a quoted caption, on a `\r\n`, between repeats of one post id).
    fn both_ways(text: &str) -> (String, String) {
        let read = |part_bytes| {
            let (mut table, mut records) = read_head(text).unwrap();
            table.read_first_rows(&mut records, 2);
            let mut report = LoadReport::default();
            let parsed = parse_in_parts(
                Kind::Posts,
                &table,
                records,
                "posts.csv",
                chrono_tz::UTC,
                &mut report,
                part_bytes,
            )
            .map(|reading| reading.rows(&mut report));
            report.count_the_rest();
            format!("{parsed:?}\n{:?}", report.warnings)
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let one = pool.install(|| read(usize::MAX));
        for part_bytes in [1, 40, 150] {
            let parts = pool.install(|| read(part_bytes));
            if parts != one {
                return (one, parts);
            }
        }
        (one.clone(), one)
    }

    fn row() -> impl Strategy<Value = String> {
        let caption = prop_oneof![
            10 => Just("plain".to_string()),
            10 => Just("\"a, quoted\ncaption\"".to_string()),
            10 => Just("\"say \"\"hi\"\"\r\nthere\"".to_string()),
            2 => Just("5\" screen".to_string()),
            1 => Just("\"never closed".to_string()),
        ];
        let likes = prop_oneof![
            8 => Just("5".to_string()),
            2 => Just("x".to_string()),
            2 => Just(String::new()),
            1 => Just("2.000".to_string()),
        ];
        let end = prop_oneof![
            8 => Just("\n"),
            4 => Just("\r\n"),
            2 => Just("\n\n"),
            1 => Just("\r"),
            1 => Just("\r\r\n"),
            1 => Just("\n  \n"),
            1 => Just("\n,,,\n"),
        ];
        let start = prop_oneof![8 => Just(""), 1 => Just("\u{feff}")];
        (0u8..6, caption, likes, end, start, any::<bool>()).prop_map(
            |(id, caption, likes, end, start, short)| {
                if short {
                    format!("{start}{id},2026-10-0{}{end}", id % 9 + 1)
                } else {
                    format!(
                        "{start}{id},2026-10-0{}T10:00:00Z,{caption},{likes}{end}",
                        id % 9 + 1
                    )
                }
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn parts_read_as_one_reader_reads(
            rows in proptest::collection::vec(row(), 3..60),
            last_break in any::<bool>(),
        ) {
            let mut text = format!("post_id,published_at,caption,likes\n{}", rows.concat());
            if !last_break {
                text.truncate(text.trim_end_matches(['\r', '\n']).len());
            }
            let (one, halves) = both_ways(&text);
            prop_assert_eq!(one, halves);
        }
    }

    #[test]
    fn a_repeat_across_parts_replaces_the_row_and_says_so() {
        let mut text = "post_id,published_at,likes\n".to_string();
        for i in 0..40 {
            text += &format!("{},2026-10-01T10:00:00Z,{i}\n", i % 25);
        }
        let (one, halves) = both_ways(&text);
        assert_eq!(one, halves);
        assert!(
            one.contains("repeats `3` of line 5; this later row is used"),
            "{one}"
        );
    }

    #[test]
    fn the_cap_on_warnings_of_a_kind_holds_across_parts() {
        let mut text = "post_id,published_at,likes\n".to_string();
        for i in 0..90 {
            text += &format!("{i},2026-10-01T10:00:00Z,x{i}\n");
        }
        let (one, halves) = both_ways(&text);
        assert_eq!(one, halves);
        assert!(one.contains("and 70 more like the 20 above"), "{one}");
    }

    #[test]
    fn a_well_formed_file_is_joined_from_its_parts() {
        let mut text = "post_id,published_at,caption,likes\r\n".to_string();
        for i in 0..200 {
            let caption = ["plain", "\"two\r\nlines, \"\"quoted\"\"\"", "\"\""][i % 3];
            text += &format!("{i},2026-10-01T10:00:00Z,{caption},{i}\r\n");
        }
        let before = JOINED.load(std::sync::atomic::Ordering::Relaxed);
        let (one, parts) = both_ways(&text);
        assert_eq!(one, parts);
        assert!(JOINED.load(std::sync::atomic::Ordering::Relaxed) >= before + 3);
        assert!(
            one.contains("caption: \"two\\r\\nlines, \\\"quoted\\\"\""),
            "{one}"
        );
    }
}
