//! Changes in how the platforms count (assets/metric_changes.toml): a comparison whose periods
//! straddle one on the account's platform is marked, with a one-line note.

use super::kpi::Kpi;
use crate::model::{Account, Period};
use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MetricChange {
    pub platform: String,
    pub date: toml::value::Datetime,
    pub kpis: Vec<String>,
    pub note: String,
    pub source: String,
}

impl MetricChange {
    pub fn day(&self) -> Option<NaiveDate> {
        self.date.to_string().parse().ok()
    }

    pub fn affects(&self, kpi: Kpi) -> bool {
        self.kpis.iter().any(|k| k == kpi.key())
    }
}

pub fn all() -> &'static [MetricChange] {
    static TABLE: OnceLock<Vec<MetricChange>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(Deserialize)]
        struct File {
            changes: Vec<MetricChange>,
        }
        toml::from_str::<File>(include_str!("../../assets/metric_changes.toml"))
            .map(|f| f.changes)
            .unwrap_or_default()
    })
}

/// The changes on the account's platform that fall after `from` and on or before `to`: a
/// comparison of the days from `from` to `to` straddles them.
pub fn between(account: &Account, from: NaiveDate, to: NaiveDate) -> Vec<MetricChange> {
    let Some(platform) = account.config.account.platform.as_deref() else {
        return Vec::new();
    };
    let platform = platform.trim().to_lowercase();
    all()
        .iter()
        .filter(|c| c.platform == platform)
        .filter(|c| c.day().is_some_and(|d| from < d && d <= to))
        .cloned()
        .collect()
}

/// The changes a period's month-over-month comparison straddles (from the previous period's
/// first day to the period's last).
pub fn straddled(account: &Account, p: &Period) -> Vec<MetricChange> {
    between(account, p.previous().start, p.end)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_table_reads_with_known_kpis_and_dates() {
        let t = super::all();
        assert!(t.len() >= 4);
        for c in t {
            assert!(c.day().is_some(), "{c:?}");
            assert!(
                c.kpis.iter().all(|k| super::Kpi::from_key(k).is_some()),
                "{c:?}"
            );
        }
    }
}
