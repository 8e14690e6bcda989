//! One file: decode it, find its header, and hand it to the importer that recognises it.

use super::canonical::{self, Claim, Detection, Parsed};
use super::decode::decode;
use super::platform::{self, Ctx, Format, Reader};
use super::plausible::{self, Names};
use super::report::{LoadReport, Source};
use super::{cells, table, ImportError, LoadOptions, SourceFile};
use crate::model::AuditConfig;
use chrono::NaiveDate;
use std::time::SystemTime;

/// A file that was read: the rows it gave, and whether they come from a platform export
/// (merged field by field, newest export first) or the canonical format (merged by row).
pub struct ReadFile {
    pub name: String,
    pub platform: bool,
    pub modified: Option<SystemTime>,
    pub parts: Vec<Parsed>,
    /// Its audience snapshots carry no date of their own (dated by the file's modification
    /// date until the account is assembled).
    pub undated_audience: bool,
    /// A canonical file's reading, finished once its bytes are let go (`finish`).
    pending: Option<Pending>,
}

struct Pending {
    reading: canonical::Reading,
    format: String,
    encoding: &'static str,
    today: NaiveDate,
}

impl ReadFile {
    /// Join a canonical file's parts into its rows, check them and name them in the load
    /// report: called after the file's bytes are dropped (the parts own all they hold).
    pub fn finish(&mut self, report: &mut LoadReport) {
        let Some(p) = self.pending.take() else {
            return;
        };
        let mut parts = vec![p.reading.rows(report)];
        plausible::check(&mut parts, &self.name, Names::Canonical, p.today, report);
        record(report, &self.name, &p.format, p.encoding, &parts);
        self.parts = parts;
    }
}

fn export_date(file: &SourceFile, opts: LoadOptions) -> NaiveDate {
    file.modified
        .map(|t| {
            chrono::DateTime::<chrono::Utc>::from(t)
                .with_timezone(&opts.tz)
                .date_naive()
        })
        .unwrap_or(opts.today)
}

/// What a file supplied, for the load report.
fn supplies(parts: &[Parsed]) -> String {
    let mut out = Vec::new();
    for p in parts {
        match p {
            Parsed::Daily(rows) => {
                let mut given = [false; crate::model::DailyRow::METRICS.len()];
                let mut labels = [""; crate::model::DailyRow::METRICS.len()];
                for (_, r) in rows {
                    for (i, (_, label, v)) in r.metrics().into_iter().enumerate() {
                        given[i] |= v.is_some();
                        labels[i] = label;
                    }
                }
                let fields: Vec<&str> = (0..given.len())
                    .filter(|i| given[*i])
                    .map(|i| labels[i])
                    .collect();
                out.push(format!("daily {}", fields.join(", ")));
            }
            Parsed::Posts(_) => out.push("posts".into()),
            Parsed::Audience(_) => out.push("audience snapshots".into()),
            Parsed::Traffic(_) => out.push("site traffic".into()),
            Parsed::Spend(_) => out.push("ad spend".into()),
            Parsed::Messages(_) => out.push("messages".into()),
            Parsed::Followers(_) => out.push("follower list".into()),
        }
    }
    out.join("; ")
}

fn record(report: &mut LoadReport, file: &str, format: &str, encoding: &str, parts: &[Parsed]) {
    report.sources.push(Source {
        file: file.to_string(),
        format: format.to_string(),
        rows: parts.iter().map(Parsed::len).sum(),
        encoding: encoding.to_string(),
        supplies: supplies(parts),
    });
}

/// A binary file has NULs and other control bytes all over its head (random bytes: one in
/// nine is a control); text has none but tabs and line breaks, and a NUL or an escape in a
/// caption does not make a file binary (they are kept, and shown as `␀`, `␛`).
fn looks_binary(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    let nul = head.iter().filter(|b| **b == 0).count();
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c'))
        .count();
    (nul > 1 && nul * 100 >= head.len()) || (nul > 0 && control * 20 >= head.len())
}

/// Recognise and read one file; `None` when it is not an export (listed as skipped).
pub fn read_one(
    file: &SourceFile,
    config: &AuditConfig,
    opts: LoadOptions,
    report: &mut LoadReport,
) -> Result<Option<ReadFile>, ImportError> {
    let done = |parts: Vec<Parsed>, format: &Format| ReadFile {
        name: file.name.clone(),
        platform: !matches!(format.reader, Reader::Canonical),
        modified: file.modified,
        parts,
        undated_audience: format.undated_audience,
        pending: None,
    };
    let export_date = export_date(file, opts);
    let ctx_for = |report| Ctx {
        file: &file.name,
        tz: opts.tz,
        export_date,
        today: opts.today,
        folder_platform: opts.folder_platform,
        config,
        report,
    };
    let by_bytes = platform::all().find_map(|f| match f.reader {
        Reader::Bytes(_, read) if f.claims_bytes(&file.bytes, &file.name) => Some((f, read)),
        _ => None,
    });
    if let Some((format, read)) = by_bytes {
        let mut parts = read(&file.bytes, &mut ctx_for(report))?;
        plausible::check(&mut parts, &file.name, Names::Figures, opts.today, report);
        record(report, &file.name, format.name, "binary", &parts);
        return Ok(Some(done(parts, format)));
    }
    let decoded = decode(&file.bytes);
    if looks_binary(&decoded.text) {
        report.skip(&file.name, "not a text file");
        return Ok(None);
    }
    let (mut table, mut records) = match table::read_head(&decoded.text) {
        Ok(t) => t,
        // An empty file is nothing; a file past a limit may be an export: named on stderr.
        Err(why) if why == "is empty" => {
            report.skip(&file.name, why);
            return Ok(None);
        }
        Err(why) => {
            report.set_aside(&file.name, why);
            return Ok(None);
        }
    };
    // Recognition looks at the header and the first rows; the format reads on from there,
    // one row at a time for a canonical file, all kept for a platform export.
    table.read_first_rows(&mut records, table::PREVIEW_ROWS);
    // Notes on the file itself: its structure, and bytes its encoding could not read.
    let file_notes = |report: &mut LoadReport, table: &table::Table| {
        for (line, note) in &table.notes {
            report.warn(&file.name, Some(*line), note.clone());
        }
        if decoded.lossy {
            report.warn(
                &file.name,
                None,
                format!(
                    "some bytes are not valid {}; they were replaced",
                    decoded.encoding
                ),
            );
        }
    };
    let stem = file
        .name
        .rsplit_once('.')
        .map_or(file.name.as_str(), |(s, _)| s);
    // The registry's first sure claim reads the file; else a canonical file's fallback claim.
    let canonical = canonical::claim(&table, stem, opts.tz);
    let chosen = platform::all().find(|f| match f.reader {
        Reader::Canonical => matches!(canonical, Claim::Sure(_)),
        _ => f.claims_table(&table, &file.name, config),
    });
    let chosen = match (chosen, canonical) {
        (Some(f), Claim::Sure(d) | Claim::Fallback(d)) if matches!(f.reader, Reader::Canonical) => {
            Chosen::Canonical(d)
        }
        (None, Claim::Fallback(d)) => Chosen::Canonical(d),
        (Some(f), _) => Chosen::Table(f),
        (None, _) => Chosen::Nothing,
    };
    match chosen {
        Chosen::Canonical(Detection::Recognised(kind)) => {
            file_notes(report, &table);
            for (line, note) in table.renamed_notes() {
                report.warn(&file.name, Some(line), note);
            }
            let reading = match canonical::parse_records(
                kind, &table, records, &file.name, opts.tz, report,
            ) {
                Ok(r) => r,
                Err(why) => {
                    report.set_aside(&file.name, why);
                    return Ok(None);
                }
            };
            let pending = Pending {
                reading,
                format: kind.format(),
                encoding: decoded.encoding,
                today: opts.today,
            };
            Ok(Some(ReadFile {
                pending: Some(pending),
                ..done(Vec::new(), &platform::CANONICAL)
            }))
        }
        Chosen::Canonical(Detection::MissingColumn {
            kind,
            column,
            needs,
        }) => Err(ImportError::MissingColumn {
            file: file.name.clone(),
            column,
            kind: kind.name(),
            needs,
        }),
        Chosen::Table(format) => {
            let Reader::Table(_, read) = format.reader else {
                unreachable!("only a table format claims a table")
            };
            if let Err(why) = table.read_rows(records) {
                report.set_aside(&file.name, why);
                return Ok(None);
            }
            file_notes(report, &table);
            if table.rows.is_empty() {
                report.warn(
                    &file.name,
                    None,
                    "has a header and no rows under it: it gives nothing to the audit",
                );
            }
            table.forget_lookups();
            let mut parts = read(&table, &mut ctx_for(report))?;
            let names = Names::Table(&table);
            plausible::check(&mut parts, &file.name, names, opts.today, report);
            super::unread::note(&table, &parts, &file.name, report);
            record(report, &file.name, format.name, decoded.encoding, &parts);
            Ok(Some(done(parts, format)))
        }
        Chosen::Canonical(Detection::Unknown) | Chosen::Nothing => {
            let first: Vec<String> = table
                .headers
                .iter()
                .take(4)
                .map(|h| cells::shorten(h))
                .collect();
            report.skip(
                &file.name,
                format!(
                    "not a recognised export (header starts {})",
                    first.join(", ")
                ),
            );
            Ok(None)
        }
    }
}

/// The format that reads a delimited file.
enum Chosen {
    Canonical(Detection),
    Table(&'static Format),
    Nothing,
}
