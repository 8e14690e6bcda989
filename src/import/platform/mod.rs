//! Importers of the platforms' own exports, each recognised by its header (a subset of required
//! names, never an exact tuple) and mapped to the account model.

mod cells;
mod dates;
mod facebook_legacy;
mod ga4;
mod instagram_followers;
mod linkedin;
mod mapping;
mod meta;
mod metrica;
mod tiktok;
mod traffic;

pub use mapping::check_entry as check_mapping;
mod x;
mod youtube;

use super::canonical::Parsed;
use super::report::LoadReport;
use super::table::Table;
use super::ImportError;
use crate::model::AuditConfig;
use chrono::NaiveDate;
use chrono_tz::Tz;

/// What an importer may know about the file it reads.
pub struct Ctx<'a> {
    /// The file's name, for messages.
    pub file: &'a str,
    /// The account's time zone: naive stamps are wall time in it.
    pub tz: Tz,
    /// The day the export was made (the file's modification date, else today): dates without
    /// a year are resolved against it, and audience snapshots are dated by it.
    pub export_date: NaiveDate,
    /// Today: no follow, post or day is after tomorrow.
    pub today: NaiveDate,
    /// The Meta platform most of the folder's exports name (`LoadOptions::folder_platform`).
    pub folder_platform: Option<&'static str>,
    pub config: &'a AuditConfig,
    pub report: &'a mut LoadReport,
}

impl Ctx<'_> {
    pub fn warn(&mut self, line: Option<u64>, message: impl Into<String>) {
        self.report.warn(self.file, line, message);
    }

    /// An error naming the file: the file was recognised but cannot be used.
    pub fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::Unreadable {
            file: self.file.to_string(),
            message: message.into(),
        }
    }
}

/// One export format: its name, how it is recognised and how it is read. Every format the
/// program reads is one entry of `all()`.
pub struct Format {
    /// Its name in the load report, e.g. `meta/insights-daily`.
    pub name: &'static str,
    /// How it recognises a file, for `smm-audit formats`.
    pub recognition: &'static str,
    /// Where in the platform's interface the file is downloaded, for `smm-audit formats`.
    pub download: &'static str,
    /// Whether its audience snapshots have no date of their own (Meta's `Audience.csv`,
    /// TikTok's follower gender and territories): they are dated at the last day of the
    /// folder's daily rows when the account is assembled (formats.md).
    pub undated_audience: bool,
    pub reader: Reader,
}

impl Format {
    /// Whether it claims a delimited text file (a canonical file is claimed by
    /// `canonical::claim`, which weighs its shape against the platforms' claims).
    pub fn claims_table(&self, table: &Table, file: &str, config: &AuditConfig) -> bool {
        matches!(self.reader, Reader::Table(claims, _) if claims(table, file, config))
    }

    /// Whether it claims a file that is not delimited text.
    pub fn claims_bytes(&self, bytes: &[u8], file: &str) -> bool {
        matches!(self.reader, Reader::Bytes(claims, _) if claims(bytes, file))
    }
}

pub type ReadTable = fn(&Table, &mut Ctx) -> Result<Vec<Parsed>, ImportError>;
pub type ReadBytes = fn(&[u8], &mut Ctx) -> Result<Vec<Parsed>, ImportError>;

pub enum Reader {
    /// Delimited text, claimed by its header and first rows (given the file's name and the
    /// configuration, for `[[mapping]]`), read whole.
    Table(fn(&Table, &str, &AuditConfig) -> bool, ReadTable),
    /// A file that is not delimited text (a workbook, JSON), claimed by its bytes and name.
    Bytes(fn(&[u8], &str) -> bool, ReadBytes),
    /// The canonical files of formats.md, claimed by their columns (`canonical::claim`) and
    /// read a row at a time.
    Canonical,
}

/// The canonical files: first in the registry, so that a file of their shape is never taken
/// for a platform export; a header that is merely complete yields to a platform's claim.
pub const CANONICAL: Format = Format {
    name: "canonical",
    recognition: "a header with a canonical file's required columns (see below)",
    download: "",
    undated_audience: false,
    reader: Reader::Canonical,
};

/// Every format, in the order files are offered to them (the first sure claim reads the file).
pub fn all() -> impl Iterator<Item = &'static Format> {
    [
        &[&CANONICAL][..],
        mapping::FORMATS,
        meta::FORMATS,
        facebook_legacy::FORMATS,
        x::FORMATS,
        tiktok::FORMATS,
        youtube::FORMATS,
        linkedin::FORMATS,
        ga4::FORMATS,
        metrica::FORMATS,
        instagram_followers::FORMATS,
    ]
    .into_iter()
    .flatten()
    .copied()
}
