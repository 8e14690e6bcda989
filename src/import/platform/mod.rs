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
#[cfg(test)]
pub(crate) mod test_support;
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

/// One platform export format.
pub trait PlatformImporter: Sync {
    /// Its name in the load report, e.g. `meta/insights-daily`.
    fn format(&self) -> &'static str;

    /// How it recognises a file, for `smm-audit formats`.
    fn recognition(&self) -> &'static str;

    /// Where in the platform's interface the file is downloaded, for `smm-audit formats`.
    fn download(&self) -> &'static str {
        ""
    }

    /// Whether its audience snapshots have no date of their own (Meta's `Audience.csv`,
    /// TikTok's follower gender and territories): they are dated at the last day of the
    /// folder's daily rows when the account is assembled (formats.md).
    fn undated_audience(&self) -> bool {
        false
    }

    /// Whether a delimited text file is one of its files.
    fn matches_table(&self, _table: &Table, _file: &str, _config: &AuditConfig) -> bool {
        false
    }

    fn read_table(&self, _table: &Table, _ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        Ok(Vec::new())
    }

    /// Whether a file that is not delimited text (a workbook, JSON) is one of its files.
    fn matches_bytes(&self, _bytes: &[u8], _file: &str) -> bool {
        false
    }

    fn read_bytes(&self, _bytes: &[u8], _ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
        Ok(Vec::new())
    }
}

/// Every platform importer, most specific first (the first that matches reads the file).
pub fn all() -> Vec<&'static dyn PlatformImporter> {
    let mut v: Vec<&'static dyn PlatformImporter> = Vec::new();
    v.extend(mapping::importers());
    v.extend(meta::importers());
    v.extend(facebook_legacy::importers());
    v.extend(x::importers());
    v.extend(tiktok::importers());
    v.extend(youtube::importers());
    v.extend(linkedin::importers());
    v.extend(ga4::importers());
    v.extend(metrica::importers());
    v.extend(instagram_followers::importers());
    v
}
