//! What the data cannot say: the account's `audit.toml` (formats.md, "audit.toml").
//!
//! Every table refuses unknown keys so that a typo is an error naming the key, never a
//! silently ignored setting.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// The whole `audit.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AuditConfig {
    #[serde(default)]
    pub account: AccountInfo,
    #[serde(default)]
    pub portrait: Portrait,
    #[serde(default)]
    pub contract: Contract,
    #[serde(default)]
    pub plan: Vec<Plan>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Rule threshold overrides by their names in rules.md.
    #[serde(default)]
    pub rules: BTreeMap<String, f64>,
    /// Column mappings for files no importer knows (VK, Telegram, an agency spreadsheet).
    #[serde(default)]
    pub mapping: Vec<Mapping>,
    /// The user's own benchmark rows (they replace or add to the shipped table).
    #[serde(default)]
    pub benchmarks: Vec<BenchmarkRow>,
}

/// A published median to read a KPI against (assets/benchmarks.toml).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkRow {
    /// `instagram`, `facebook`, `tiktok`, `x`, `linkedin`, `youtube`.
    pub platform: String,
    /// The source's formula, by the ids of assets/benchmarks.toml (`er_post`, …).
    pub formula: String,
    pub year: Option<i32>,
    pub median_pct: f64,
    pub source: String,
    pub min_followers: Option<f64>,
    pub max_followers: Option<f64>,
}

impl BenchmarkRow {
    /// Whether the row's follower tier holds `followers` (from its minimum, below its maximum).
    pub fn covers(&self, followers: f64) -> bool {
        self.min_followers.is_none_or(|m| followers >= m)
            && self.max_followers.is_none_or(|m| followers < m)
    }

    pub fn same_slot(&self, other: &BenchmarkRow) -> bool {
        self.platform == other.platform
            && self.formula == other.formula
            && self.min_followers == other.min_followers
            && self.max_followers == other.max_followers
    }

    /// " 10K–50K", " over 1M", "" for any size.
    pub fn tier(&self) -> String {
        let k = |v: f64| {
            if v >= 1e6 {
                format!("{}M", v / 1e6)
            } else if v >= 1e3 {
                format!("{}K", v / 1e3)
            } else {
                format!("{v}")
            }
        };
        match (self.min_followers, self.max_followers) {
            (Some(a), Some(b)) => format!(" {}–{}", k(a), k(b)),
            (Some(a), None) => format!(" over {}", k(a)),
            (None, Some(b)) => format!(" under {}", k(b)),
            (None, None) => String::new(),
        }
    }

    /// The source's name without its details: "HypeAuditor".
    pub fn source_name(&self) -> &str {
        self.source.split(',').next().unwrap_or(&self.source).trim()
    }
}

/// How to read a file that has no importer: which canonical file it is, and which of its
/// columns is which canonical column.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The file's name in the folder (`*` matches any run of characters: `vk-*.csv`).
    pub file: String,
    /// The canonical file it stands for: daily, posts, audience, traffic, spend or messages.
    pub kind: String,
    /// The file's column name → the canonical column name.
    pub columns: BTreeMap<String, String>,
    /// How its dates are written, as a chrono format (`%d.%m.%Y`); default: any known format.
    pub date_format: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AccountInfo {
    pub name: Option<String>,
    pub platform: Option<String>,
    pub currency: Option<String>,
    pub timezone: Option<String>,
    /// The follower count on `followers_date`, for exports that give daily follows but no
    /// count (rules.md: it lets the spike rules use the size of the base).
    pub followers: Option<f64>,
    /// The day of `followers` (default: the last day of the daily rows).
    #[serde(default, deserialize_with = "opt_date_from_toml")]
    pub followers_date: Option<NaiveDate>,
}

/// The target audience, in percent per value.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Portrait {
    #[serde(default)]
    pub country: BTreeMap<String, f64>,
    #[serde(default)]
    pub age: BTreeMap<String, f64>,
    #[serde(default)]
    pub gender: BTreeMap<String, f64>,
}

impl Portrait {
    pub fn is_empty(&self) -> bool {
        self.country.is_empty() && self.age.is_empty() && self.gender.is_empty()
    }

    /// The portrait of one dimension (`country`, `age`, `gender`).
    pub fn dimension(&self, dim: &str) -> Option<&BTreeMap<String, f64>> {
        let map = match dim {
            "country" => &self.country,
            "age" => &self.age,
            "gender" => &self.gender,
            _ => return None,
        };
        (!map.is_empty()).then_some(map)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// The contractor's monthly fee in the account's currency.
    pub fee: Option<f64>,
    /// The day the contractor started: the audit compares the months before it with the
    /// months since (kpis.md, "Before and during the contract").
    #[serde(default, deserialize_with = "opt_date_from_toml")]
    pub start: Option<NaiveDate>,
    /// The day the contract ended, where it has.
    #[serde(default, deserialize_with = "opt_date_from_toml")]
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    AtLeast,
    AtMost,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }

    pub fn met(self, actual: f64, target: f64) -> bool {
        match self {
            Direction::AtLeast => actual >= target,
            Direction::AtMost => actual <= target,
        }
    }
}

/// A planned KPI; with no month it applies to every month.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub month: Option<String>,
    pub kpi: String,
    pub target: f64,
    /// `None` when audit.toml does not say: read as at least (a target to reach).
    pub direction: Option<Direction>,
}

impl Plan {
    /// The direction written, else at least.
    pub fn direction(&self) -> Direction {
        self.direction.unwrap_or_default()
    }
}

/// A figure from the agency's own report; like a plan, with no month it applies to every month.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub month: Option<String>,
    pub kpi: String,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Giveaway,
    Campaign,
    Influencer,
    Press,
    #[default]
    Other,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Giveaway => "giveaway",
            EventKind::Campaign => "campaign",
            EventKind::Influencer => "influencer",
            EventKind::Press => "press",
            EventKind::Other => "other",
        }
    }
}

/// Something that happened and explains a jump.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(deserialize_with = "date_from_toml")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "date_from_toml")]
    pub end: NaiveDate,
    #[serde(default)]
    pub kind: EventKind,
    #[serde(default)]
    pub note: String,
}

fn opt_date_from_toml<'de, D: Deserializer<'de>>(de: D) -> Result<Option<NaiveDate>, D::Error> {
    date_from_toml(de).map(Some)
}

/// A date written either as a string (`"2026-10-05"`) or as a TOML date (`2026-10-05`).
fn date_from_toml<'de, D: Deserializer<'de>>(de: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Date(toml::value::Datetime),
    }
    let text = match Raw::deserialize(de)? {
        Raw::Text(s) => s,
        Raw::Date(d) => d.to_string(),
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| D::Error::custom(format!("`{text}` is not a date of the form YYYY-MM-DD")))
}
