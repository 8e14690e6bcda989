//! Importers: files as downloaded → the account model, with a load report.
//!
//! `load_path` reads a folder (every file recognised by its header) or a single file;
//! `load_files` does the same for files already in memory (the built-in demo account).

pub mod canonical;
pub mod cells;
mod error;
mod merge;
mod report;
pub mod table;

pub use error::ImportError;
pub use report::{LoadReport, Skipped, Source, Warning};

use crate::model::{Account, AudienceRow, AuditConfig, Message, Post, Presence};
use canonical::{Detection, Kind, Parsed};
use chrono_tz::Tz;
use merge::{Key, Merger};
use std::collections::BTreeMap;
use std::path::Path;
use table::MAX_FILE_BYTES;

/// A file's name and its bytes.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// An account and the report of how it was loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub account: Account,
    pub report: LoadReport,
}

/// Files of an account folder that are not exports and are not listed as skipped.
const CONFIG_FILES: [&str; 2] = ["audit.toml", "config.toml"];

/// Load a folder or a single export file.
pub fn load_path(path: &Path, config: AuditConfig, tz: Tz) -> Result<Loaded, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ImportError::NotFound {
            path: path.to_path_buf(),
        },
        _ => ImportError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    let mut report = LoadReport::default();
    let files = if meta.is_dir() {
        read_folder(path, &mut report)?
    } else {
        let bytes = read_file(path)?;
        vec![SourceFile {
            name: file_name(path),
            bytes,
        }]
    };
    load_with_report(files, config, tz, &path.display().to_string(), report)
}

/// Load files held in memory, as one account.
pub fn load_files(
    files: Vec<SourceFile>,
    config: AuditConfig,
    tz: Tz,
    label: &str,
) -> Result<Loaded, ImportError> {
    load_with_report(files, config, tz, label, LoadReport::default())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::Unreadable {
            file: path.display().to_string(),
            message: "is not a regular file".into(),
        });
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ImportError::Unreadable {
            file: path.display().to_string(),
            message: format!(
                "is {} MiB, more than the {} MiB an export can be",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    std::fs::read(path).map_err(io)
}

/// Read every regular file of a folder (not its subfolders), sorted by name.
fn read_folder(dir: &Path, report: &mut LoadReport) -> Result<Vec<SourceFile>, ImportError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ImportError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut files = Vec::new();
    for path in paths {
        let name = file_name(&path);
        if CONFIG_FILES.contains(&name.as_str()) {
            continue;
        }
        if path.is_dir() {
            report.skip(&name, "a folder (subfolders are not read)");
            continue;
        }
        match read_file(&path) {
            Ok(bytes) => files.push(SourceFile { name, bytes }),
            Err(ImportError::Unreadable { message, .. }) => report.skip(&name, message),
            Err(ImportError::Io { source, .. }) => {
                report.skip(&name, format!("cannot be read: {source}"))
            }
            Err(e) => return Err(e),
        }
    }
    Ok(files)
}

/// Per kind, the parsed rows of each file in name order.
#[derive(Default)]
struct Collected {
    by_kind: BTreeMap<Kind, Vec<(String, Parsed)>>,
}

fn load_with_report(
    mut files: Vec<SourceFile>,
    config: AuditConfig,
    tz: Tz,
    label: &str,
    mut report: LoadReport,
) -> Result<Loaded, ImportError> {
    files.sort_by(|a, b| a.name.as_bytes().cmp(b.name.as_bytes()));
    let mut collected = Collected::default();
    for file in &files {
        if let Some((kind, parsed)) = read_one(file, tz, &mut report)? {
            report.sources.push(Source {
                file: file.name.clone(),
                format: kind.format(),
                rows: parsed.len(),
            });
            collected
                .by_kind
                .entry(kind)
                .or_default()
                .push((file.name.clone(), parsed));
        }
    }
    if report.sources.is_empty() {
        let detail = if report.skipped.is_empty() {
            "it is empty".to_string()
        } else {
            report
                .skipped
                .iter()
                .map(|s| format!("{}: {}", s.file, s.reason))
                .collect::<Vec<_>>()
                .join("; ")
        };
        return Err(ImportError::NothingRecognised {
            folder: label.to_string(),
            detail,
        });
    }
    let account = assemble(collected, config, &mut report);
    // Warnings in file order, then line order (a file's header warnings first).
    report
        .warnings
        .sort_by(|a, b| (a.file.as_bytes(), a.line).cmp(&(b.file.as_bytes(), b.line)));
    Ok(Loaded { account, report })
}

/// Recognise and parse one file; `None` when it is not an export (listed as skipped).
fn read_one(
    file: &SourceFile,
    tz: Tz,
    report: &mut LoadReport,
) -> Result<Option<(Kind, Parsed)>, ImportError> {
    let head = &file.bytes[..file.bytes.len().min(8192)];
    if head.contains(&0) {
        report.skip(&file.name, "not a text file");
        return Ok(None);
    }
    let mut decode_report = LoadReport::default();
    let text = table::decode_utf8(&file.name, &file.bytes, &mut decode_report);
    let table = match table::parse_csv(&text) {
        Ok(t) => t,
        Err(why) => {
            report.skip(&file.name, why);
            return Ok(None);
        }
    };
    let stem = file
        .name
        .rsplit_once('.')
        .map_or(file.name.as_str(), |(s, _)| s);
    match canonical::detect(&table, stem) {
        Detection::Recognised(kind) => {
            report.warnings.append(&mut decode_report.warnings);
            let parsed = canonical::parse_table(kind, &table, &file.name, tz, report);
            Ok(Some((kind, parsed)))
        }
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
        Detection::Unknown => {
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

/// Merge the parsed files into one account.
fn assemble(collected: Collected, config: AuditConfig, report: &mut LoadReport) -> Account {
    let mut account = Account {
        config,
        ..Account::default()
    };
    let mut presence = Presence::default();
    for (kind, files) in collected.by_kind {
        match kind {
            Kind::Daily => presence.daily = true,
            Kind::Posts => presence.posts = true,
            Kind::Audience => presence.audience = true,
            Kind::Traffic => presence.traffic = true,
            Kind::Spend => presence.spend = true,
            Kind::Messages => presence.messages = true,
        }
        merge_kind(&mut account, files, report);
    }
    account.presence = presence;
    account
        .posts
        .sort_by(|a, b| (a.published_at, &a.id).cmp(&(b.published_at, &b.id)));
    account.messages.sort_by_key(|m| m.received_at);
    fill_shares(&mut account.audience);
    account
}

fn merge_kind(account: &mut Account, files: Vec<(String, Parsed)>, report: &mut LoadReport) {
    let mut daily = Merger::default();
    let mut posts: Merger<String, Post> = Merger::default();
    let mut audience: Merger<Key, AudienceRow> = Merger::default();
    let mut traffic = Merger::default();
    let mut spend = Merger::default();
    let mut messages: Vec<Message> = Vec::new();
    for (name, parsed) in files {
        match parsed {
            Parsed::Daily(rows) => daily.add_file(&name, rows, |r| r.date, report),
            Parsed::Posts(rows) => posts.add_file(&name, rows, |p| p.id.clone(), report),
            Parsed::Audience(rows) => audience.add_file(
                &name,
                rows,
                |r| {
                    Key(vec![
                        r.date.to_string(),
                        r.segment.as_str().to_string(),
                        r.dimension.clone(),
                        r.value.clone(),
                    ])
                },
                report,
            ),
            Parsed::Traffic(rows) => traffic.add_file(
                &name,
                rows,
                |r| Key(vec![r.date.to_string(), r.source.clone()]),
                report,
            ),
            Parsed::Spend(rows) => spend.add_file(
                &name,
                rows,
                |r| Key(vec![r.date.to_string(), r.campaign.clone()]),
                report,
            ),
            Parsed::Messages(rows) => messages.extend(rows.into_iter().map(|(_, m)| m)),
        }
    }
    account
        .daily
        .extend(daily.finish(report).into_iter().map(|r| (r.date, r)));
    account.posts.extend(posts.finish(report));
    account.audience.extend(audience.finish(report));
    account.traffic.extend(traffic.finish(report));
    account.spend.extend(spend.finish(report));
    account.messages.extend(messages);
}

/// Where a snapshot (date, segment, dimension) gives counts but no shares, the shares are the
/// counts over their sum (formats.md, `audience.csv`).
fn fill_shares(rows: &mut [AudienceRow]) {
    let mut totals: BTreeMap<(chrono::NaiveDate, crate::model::Segment, String), (f64, bool)> =
        BTreeMap::new();
    for r in rows.iter() {
        let e = totals
            .entry((r.date, r.segment, r.dimension.clone()))
            .or_insert((0.0, false));
        e.0 += r.count.unwrap_or(0.0);
        e.1 |= r.share_pct.is_some();
    }
    for r in rows.iter_mut() {
        let (sum, has_shares) = totals[&(r.date, r.segment, r.dimension.clone())];
        if !has_shares && sum > 0.0 {
            r.share_pct = r.count.map(|c| c / sum * 100.0);
        }
    }
}
