//! One export file, as a person would drop it into a folder: the first byte picks the file's
//! name (the importers look at names as well as headers), the rest are its bytes. Whatever
//! loads is then audited: the KPIs and the rules for the default period and the month before.
//!
//! Checks: `import::load_files` returns `Ok` or `Err` (never panics, never hangs, never
//! allocates without bound) and the metrics and rules are total on whatever it loaded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_audit::import::{load_files, LoadOptions, SourceFile};
use smm_audit::model::AuditConfig;
use smm_audit::rules::{self, Thresholds};
use smm_audit::{audit, metrics};

/// The names the first byte picks from (byte % 10). `fuzz/seed_corpus.py` writes its seeds
/// with the same table.
const NAMES: [&str; 10] = [
    "daily.csv",
    "posts.csv",
    "Follows.csv",
    "Audience.csv",
    "Content.csv",
    "Table data.csv",
    "data-export.csv",
    "followers_1.json",
    "page_followers_1.xlsx",
    "tweet_activity_metrics_x.csv",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let opts = LoadOptions::new(chrono_tz::Europe::Berlin, today);
    let Ok(loaded) = load_files(
        vec![SourceFile::new(name, bytes)],
        AuditConfig::default(),
        opts,
        "fuzz",
    ) else {
        return;
    };
    let Some(period) = audit::default_period(&loaded.account) else {
        return;
    };
    let thresholds = Thresholds::default();
    // The account's analysis and history of verdicts, then the period's audit.
    let account_audit = audit::AccountAudit::new(&loaded.account, &thresholds);
    for p in [period, period.previous()] {
        let _ = metrics::compute(&loaded.account, &p);
        let _ = rules::evaluate(&loaded.account, &p, &thresholds);
        let _ = account_audit.period(&loaded.account, &thresholds, &p);
    }
});
