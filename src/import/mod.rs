//! Importers: files as downloaded → the account model, with a load report.
//!
//! `load_path` reads a folder (every file recognised by its header) or a single file;
//! `load_files` does the same for files already in memory (the built-in demo account). Each
//! file is decoded (its encoding named in the report), its preamble set aside and its
//! delimiter sniffed; then the canonical importer or a platform importer reads it.

mod assemble;
pub mod canonical;
pub mod cells;
pub mod decode;
mod error;
mod folder;
pub mod handles;
pub mod lenient;
mod merge;
pub mod platform;
pub(crate) mod plausible;
mod recognise;
pub mod records;
mod report;
pub mod rows;
pub mod stamps;
pub mod table;
mod unread;
pub mod vocab;
pub mod workbook;

pub use error::ImportError;
pub use report::{LoadReport, Skipped, Source, Warning};

use crate::model::{Account, AuditConfig};
use chrono::NaiveDate;
use chrono_tz::Tz;
use rayon::prelude::*;
use std::path::Path;
use std::time::SystemTime;

/// A file's name, its bytes, and when it was last modified (the newer export wins).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub modified: Option<SystemTime>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> SourceFile {
        SourceFile {
            name: name.into(),
            bytes: bytes.into(),
            modified: None,
        }
    }
}

/// What a load needs besides the files.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// The account's time zone: naive timestamps are wall time in it.
    pub tz: Tz,
    /// Today, for exports that write dates without a year and have no modification time.
    pub today: NaiveDate,
    /// The platform most of the folder's exports name (`facebook`, `instagram`), where the
    /// account does not say: a file holding both platforms' series takes this one's.
    pub folder_platform: Option<&'static str>,
}

impl LoadOptions {
    pub fn new(tz: Tz, today: NaiveDate) -> LoadOptions {
        LoadOptions {
            tz,
            today,
            folder_platform: None,
        }
    }
}

/// The Meta platform most of the files name in their first kilobytes (`IG reel`,
/// `instagram.com/…`, `Facebook Insights`), a file that names both not counting.
fn folder_platform(files: &[folder::Input]) -> Option<&'static str> {
    let (mut facebook, mut instagram) = (0, 0);
    for f in files {
        let head = decode::decode(&f.head()).text.to_lowercase();
        let name = f.name().to_lowercase();
        let ig = [
            "instagram",
            "ig reel",
            "ig image",
            "ig carousel",
            "ig story",
            "ig video",
        ]
        .iter()
        .any(|w| head.contains(w) || name.contains(w));
        let fb = head.contains("facebook") || name.contains("facebook");
        match (fb, ig) {
            (true, false) => facebook += 1,
            (false, true) => instagram += 1,
            _ => {}
        }
    }
    match facebook.cmp(&instagram) {
        std::cmp::Ordering::Greater => Some("facebook"),
        std::cmp::Ordering::Less => Some("instagram"),
        std::cmp::Ordering::Equal => None,
    }
}

/// An account and the report of how it was loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub account: Account,
    pub report: LoadReport,
}

/// What a folder's exports say of their account, for `init`'s template.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportsAccount {
    /// The platform most of its platform exports name (Meta's exports by the platform their
    /// titles and names say); none for a folder of canonical files or site analytics only, or
    /// one of Meta exports that do not say which platform.
    pub platform: Option<&'static str>,
    /// The account its posts' links name, where they name one (`@name`).
    pub name: Option<String>,
}

/// What the exports of the folder at `path` say of their account; `None` when it does not load.
pub fn exports_account(path: &Path, opts: LoadOptions) -> Option<ExportsAccount> {
    let mut report = LoadReport::default();
    let files = folder::list_path(path, &mut report).ok()?;
    let meta = folder_platform(&files);
    let loaded = load_with_report(files, AuditConfig::default(), opts, "", report).ok()?;
    let counts = handles::count(&loaded.account.posts);
    Some(ExportsAccount {
        platform: exports_platform(&loaded.report, meta),
        name: handles::only(&counts).map(str::to_string),
    })
}

fn exports_platform(report: &LoadReport, meta: Option<&'static str>) -> Option<&'static str> {
    let mut votes: Vec<(&'static str, usize)> = Vec::new();
    for source in &report.sources {
        let platform = match source.format.split('/').next().unwrap_or("") {
            // Meta's exports whose titles and names do not say which platform: no guess.
            "meta" if meta.is_none() => return None,
            "meta" => meta,
            "facebook-legacy" => Some("facebook"),
            "instagram" => Some("instagram"),
            "tiktok" => Some("tiktok"),
            "x" => Some("x"),
            "youtube" => Some("youtube"),
            "linkedin" => Some("linkedin"),
            _ => None,
        };
        if let Some(p) = platform {
            match votes.iter_mut().find(|(q, _)| *q == p) {
                Some((_, n)) => *n += 1,
                None => votes.push((p, 1)),
            }
        }
    }
    // The most named; the first named where two are named as often.
    votes.iter().rev().max_by_key(|(_, n)| *n).map(|(p, _)| *p)
}

/// Load a folder or a single export file.
pub fn load_path(
    path: &Path,
    config: AuditConfig,
    opts: LoadOptions,
) -> Result<Loaded, ImportError> {
    let mut report = LoadReport::default();
    let files = folder::list_path(path, &mut report)?;
    load_with_report(files, config, opts, &path.display().to_string(), report)
}

/// Load files held in memory, as one account.
pub fn load_files(
    files: Vec<SourceFile>,
    config: AuditConfig,
    opts: LoadOptions,
    label: &str,
) -> Result<Loaded, ImportError> {
    let files = files.into_iter().map(folder::Input::Held).collect();
    load_with_report(files, config, opts, label, LoadReport::default())
}

fn load_with_report(
    mut files: Vec<folder::Input>,
    config: AuditConfig,
    opts: LoadOptions,
    label: &str,
    mut report: LoadReport,
) -> Result<Loaded, ImportError> {
    files.sort_by(|a, b| a.name().as_bytes().cmp(b.name().as_bytes()));
    let opts = LoadOptions {
        folder_platform: folder_platform(&files),
        ..opts
    };
    let mut read = Vec::new();
    // Each file's bytes are dropped as soon as its rows are read.
    // A file that is recognised but cannot be used is set aside with its one sentence; the
    // rest of the folder still loads (formats.md).
    let mut set_aside: Vec<ImportError> = Vec::new();
    // Files are read on every core, each into a report of its own; the reports join in file
    // order, so what the load says does not depend on which file finished first.
    let results: Vec<(
        String,
        Result<Option<recognise::ReadFile>, ImportError>,
        LoadReport,
    )> = files
        .into_par_iter()
        .map(|input| {
            let mut own = LoadReport::default();
            // Read here, on the core that parses it: a large file's reading goes on while the
            // other files are parsed.
            let name = input.name().to_string();
            let file = match input.read() {
                Ok(file) => file,
                Err(why) => {
                    own.skip(&name, why);
                    return (name, Ok(None), own);
                }
            };
            let mut result = recognise::read_one(&file, &config, opts, &mut own);
            // The file's bytes go before a canonical file's parts are joined: the parts own all
            // they hold, and a large file is then not held twice.
            drop(file);
            if let Ok(Some(read)) = &mut result {
                read.finish(&mut own);
            }
            (name, result, own)
        })
        .collect();
    for (name, result, own) in results {
        report.absorb(own);
        match result {
            Ok(Some(r)) => read.push(r),
            Ok(None) => {}
            Err(e) => {
                report.set_aside(&name, e.reason());
                set_aside.push(e);
            }
        }
    }
    // Nothing usable: a lone file that could not be used is its own sentence.
    if report.sources.is_empty() && set_aside.len() == 1 && report.skipped.len() == 1 {
        if let Some(e) = set_aside.pop() {
            return Err(e);
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
        let what = if set_aside.is_empty() {
            "no file in it is a recognised export"
        } else {
            "no file in it could be used"
        };
        return Err(ImportError::NothingRecognised {
            folder: label.to_string(),
            detail: format!("{what} ({detail})"),
        });
    }
    let account = assemble::assemble(read, config, label, &mut report);
    // Warnings in file order, then line order (a file's header warnings first).
    report
        .warnings
        .sort_by(|a, b| (a.file.as_bytes(), a.line).cmp(&(b.file.as_bytes(), b.line)));
    report.count_the_rest();
    Ok(Loaded { account, report })
}
