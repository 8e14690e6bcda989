//! What the importers' tests share: files loaded through `load_files` as the app loads them, the
//! real exports under `tests/fixtures/real-exports`, and small files in other encodings.

use chrono::NaiveDate;
use chrono_tz::Tz;
use smm_audit::import::platform::Format;
use smm_audit::import::{load_files, ImportError, LoadOptions, Loaded, SourceFile};
use smm_audit::model::{AuditConfig, DailyRow};

/// A date `YYYY-MM-DD`.
pub fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Files loaded as one account in `tz`, on the day `today` (`YYYY-MM-DD`).
pub fn try_load_all(
    files: Vec<(&str, Vec<u8>)>,
    config: AuditConfig,
    tz: Tz,
    today: &str,
) -> Result<Loaded, ImportError> {
    let files = files
        .into_iter()
        .map(|(name, bytes)| SourceFile::new(name, bytes))
        .collect();
    load_files(files, config, LoadOptions::new(tz, d(today)), "t")
}

/// One file loaded with the default configuration (see `try_load_all`).
pub fn try_load(
    name: &str,
    bytes: impl Into<Vec<u8>>,
    tz: Tz,
    today: &str,
) -> Result<Loaded, ImportError> {
    try_load_all(
        vec![(name, bytes.into())],
        AuditConfig::default(),
        tz,
        today,
    )
}

/// One file that loads (see `try_load`).
pub fn load(name: &str, bytes: impl Into<Vec<u8>>, tz: Tz, today: &str) -> Loaded {
    try_load(name, bytes, tz, today).unwrap()
}

/// A real export: `path` under `tests/fixtures/real-exports/` (`x/…`, `meta/…`).
pub fn real(path: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real-exports/");
    std::fs::read(format!("{dir}{path}")).unwrap()
}

/// Text as UTF-16LE with its byte-order mark (Excel's "Unicode text", Meta's series).
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

/// The load report's warnings as shown (`file line N: message`).
pub fn warnings(l: &Loaded) -> Vec<String> {
    l.report.warnings.iter().map(|w| w.to_string()).collect()
}

/// One field of every day of the account, in date order.
pub fn by_day(l: &Loaded, field: fn(&DailyRow) -> Option<f64>) -> Vec<(NaiveDate, Option<f64>)> {
    l.account
        .daily
        .values()
        .map(|r| (r.date, field(r)))
        .collect()
}

/// Whether a value is there and equal to `b` but for rounding.
pub fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

/// The format of the registry named `name` (`tiktok/follower-history`).
pub fn format(name: &str) -> &'static Format {
    smm_audit::import::platform::all()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no format {name}"))
}

/// The load's warnings but the note that a daily export's likes, comments and shares are not
/// the audit's engagement (every daily export with those columns has it).
pub fn other_warnings(l: &Loaded) -> Vec<&smm_audit::import::Warning> {
    l.report
        .warnings
        .iter()
        .filter(|w| {
            !w.message
                .contains("count what all the account's posts received each day")
        })
        .collect()
}
