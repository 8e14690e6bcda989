//! One file: decode it, find its header, and hand it to the importer that recognises it.

use super::canonical::{self, Detection, Parsed};
use super::decode::decode;
use super::platform::{self, Ctx};
use super::report::{LoadReport, Source};
use super::{cells, plausible, table, ImportError, LoadOptions, SourceFile};
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

fn record(
    report: &mut LoadReport,
    file: &SourceFile,
    format: &str,
    encoding: &str,
    parts: &[Parsed],
) {
    report.sources.push(Source {
        file: file.name.clone(),
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

/// Whether the rows read supply `figure` (see `vocab::audited_figure`).
fn supplied(parts: &[Parsed], figure: &str) -> bool {
    parts.iter().any(|p| match p {
        Parsed::Daily(rows) => rows.iter().any(|(_, r)| {
            r.metrics()
                .iter()
                .any(|(name, _, v)| v.is_some() && name.starts_with(figure))
        }),
        Parsed::Posts(posts) => match figure {
            "reach" => posts.iter().any(|(_, p)| p.reach.is_some()),
            "impressions" => posts.iter().any(|(_, p)| p.impressions.is_some()),
            _ => false,
        },
        _ => false,
    })
}

/// A platform export's daily columns that name a figure of the audit that its importer never
/// looked at, where the file supplies none of that figure: named in a warning, never dropped in
/// silence (`Followers count` beside a claimed overview).
fn unread_figures(table: &table::Table, parts: &[Parsed], file: &str, report: &mut LoadReport) {
    // Only a file of daily figures loses one this way (a posts export's per-post follows are
    // not a daily figure; a file that gives no rows says so itself).
    let daily = parts
        .iter()
        .any(|p| matches!(p, Parsed::Daily(rows) if !rows.is_empty()));
    if !daily {
        return;
    }
    let unread: Vec<String> = table
        .never_looked_up()
        .into_iter()
        .filter(|h| crate::import::vocab::audited_figure(h).is_some_and(|f| !supplied(parts, f)))
        .map(|h| format!("`{}`", cells::shorten(h)))
        .collect();
    if unread.is_empty() {
        return;
    }
    let shown = unread.len().min(6);
    let more = match unread.len() - shown {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    report.warn(
        file,
        Some(table.header_line),
        format!(
            "not read, so not in the audit: {}{more} (this export's reader takes no such figure \
             from it; a [[mapping]] in audit.toml can read the file instead)",
            unread[..shown].join(", ")
        ),
    );
}

/// Recognise and read one file; `None` when it is not an export (listed as skipped).
pub fn read_one(
    file: &SourceFile,
    config: &AuditConfig,
    opts: LoadOptions,
    report: &mut LoadReport,
) -> Result<Option<ReadFile>, ImportError> {
    let importers = platform::all();
    let done = |parts: Vec<Parsed>, platform: bool, undated_audience: bool| {
        Some(ReadFile {
            name: file.name.clone(),
            platform,
            modified: file.modified,
            parts,
            undated_audience,
        })
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
    if let Some(imp) = importers
        .iter()
        .find(|i| i.matches_bytes(&file.bytes, &file.name))
    {
        let mut ctx = ctx_for(report);
        let mut parts = imp.read_bytes(&file.bytes, &mut ctx)?;
        plausible::check(&mut parts, &file.name, opts.today, report);
        record(report, file, imp.format(), "binary", &parts);
        return Ok(done(parts, true, imp.undated_audience()));
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
    // Recognition looks at the header and the first rows; the importer reads on from there,
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
    let detection = canonical::detect(&table, stem);
    let platform_match = importers
        .iter()
        .find(|i| i.matches_table(&table, &file.name, config));
    // A platform export can carry the canonical names (TikTok's `Date`, `Followers`); its
    // dates are not ISO dates, which is how it is told apart from a canonical file.
    let canonical_dates = |kind: canonical::Kind| {
        let col = match kind {
            canonical::Kind::Posts => "published_at",
            canonical::Kind::Messages => "received_at",
            _ => "date",
        };
        let Some(i) = table.column(col) else {
            return false;
        };
        let mut cells = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(i))
            .filter(|c| !c.trim().is_empty())
            .take(5)
            .peekable();
        cells.peek().is_none()
            || cells.any(|c| {
                cells::date(c).is_ok_and(|d| d.is_some())
                    || cells::timestamp(c, opts.tz).is_ok_and(|d| d.is_some())
            })
    };
    let shaped = canonical::shaped(&table);
    let detection = match detection {
        Detection::Recognised(kind)
            if platform_match.is_some() && shaped != Some(kind) && !canonical_dates(kind) =>
        {
            Detection::Unknown
        }
        d => d,
    };
    // A canonical file that lacks a required column is set aside as one, not read as the
    // platform export that shares some of its column names.
    let platform_match = match detection {
        Detection::MissingColumn { kind, .. } if shaped == Some(kind) => None,
        _ => platform_match,
    };
    if let Detection::Recognised(kind) = detection {
        file_notes(report, &table);
        for (line, note) in table.renamed_notes() {
            report.warn(&file.name, Some(line), note);
        }
        let parsed =
            match canonical::parse_records(kind, &table, records, &file.name, opts.tz, report) {
                Ok(p) => p,
                Err(why) => {
                    report.set_aside(&file.name, why);
                    return Ok(None);
                }
            };
        let mut parts = vec![parsed];
        plausible::check(&mut parts, &file.name, opts.today, report);
        record(report, file, &kind.format(), decoded.encoding, &parts);
        return Ok(done(parts, false, false));
    }
    if let Some(imp) = platform_match {
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
        let mut ctx = ctx_for(report);
        let mut parts = imp.read_table(&table, &mut ctx)?;
        plausible::check(&mut parts, &file.name, opts.today, report);
        unread_figures(&table, &parts, &file.name, report);
        record(report, file, imp.format(), decoded.encoding, &parts);
        return Ok(done(parts, true, imp.undated_audience()));
    }
    match detection {
        Detection::MissingColumn {
            kind,
            column,
            needs,
        } => Err(ImportError::MissingColumn {
            file: file.name.clone(),
            column,
            kind: kind.name(),
            needs,
        }),
        _ => {
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
