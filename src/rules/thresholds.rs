//! Every number a rule uses, by its name in rules.md, with its default. The defaults layer under
//! the user's `config.toml` and the account's `audit.toml` `[rules]` table.

use std::collections::BTreeMap;

/// The values a threshold may take: from `min` (above it when `min_open`) to `max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub min_open: bool,
    pub max: f64,
}

/// From `min` (above it when `min_open`) to `max`.
const fn range(min: f64, min_open: bool, max: f64) -> Range {
    Range { min, min_open, max }
}

const ABOVE_0: Range = range(0.0, true, f64::INFINITY);
const AT_LEAST_0: Range = range(0.0, false, f64::INFINITY);
const AT_LEAST_1: Range = range(1.0, false, f64::INFINITY);
const SHARE_0_TO_1: Range = range(0.0, false, 1.0);
const COVERAGE: Range = range(0.0, true, 1.0);
const PERCENT: Range = range(0.0, false, 100.0);
const POINTS: Range = range(0.0, true, 100.0);
const PERCENT_CHANGE: Range = range(-100.0, false, f64::INFINITY);
/// A number of days: up to ten years (a window is walked day by day).
const DAYS: Range = range(1.0, false, 3650.0);
const DAYS_OR_NONE: Range = range(0.0, false, 3650.0);

impl Range {
    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && (v > self.min || (!self.min_open && v == self.min)) && v <= self.max
    }

    /// For people: "above 0", "1 or more", "from 0 to 1", "above 0, at most 1".
    pub fn describe(&self) -> String {
        let n = |x: f64| format!("{x}");
        match (self.min_open, self.max.is_finite()) {
            (true, false) => format!("above {}", n(self.min)),
            (false, false) => format!("{} or more", n(self.min)),
            (false, true) => format!("from {} to {}", n(self.min), n(self.max)),
            (true, true) => format!("above {}, at most {}", n(self.min), n(self.max)),
        }
    }
}

/// (name, default, what it is, the values it may take).
pub const DEFAULTS: &[(&str, f64, &str, Range)] = &[
    (
        "spike_z",
        3.5,
        "robust z-score above which a day's gain is a spike",
        ABOVE_0,
    ),
    (
        "spike_min_abs",
        30.0,
        "a spike gains at least this many followers over the baseline median",
        AT_LEAST_0,
    ),
    (
        "spike_min_share",
        0.002,
        "… and at least this share of the base",
        SHARE_0_TO_1,
    ),
    (
        "baseline_days",
        28.0,
        "calendar days before a day that form its baseline",
        DAYS,
    ),
    (
        "min_baseline_values",
        7.0,
        "a day with fewer baseline values is not judged",
        DAYS,
    ),
    (
        "before_days",
        28.0,
        "days before an episode whose posts give engagement before",
        DAYS,
    ),
    (
        "after_days",
        14.0,
        "days after an episode whose posts give engagement after",
        DAYS,
    ),
    (
        "engagement_follow_ratio",
        0.25,
        "engagement must grow by this times the relative jump",
        AT_LEAST_0,
    ),
    (
        "spend_surge",
        3.0,
        "a day's spend this many times the median is a surge",
        AT_LEAST_1,
    ),
    (
        "viral_window_days",
        90.0,
        "days of earlier posts a viral post is judged against",
        DAYS,
    ),
    (
        "viral_min_posts",
        10.0,
        "earlier posts needed to judge a viral post",
        AT_LEAST_1,
    ),
    (
        "unfollow_window",
        14.0,
        "days after an episode in which unfollows are counted",
        DAYS,
    ),
    (
        "unfollow_share",
        0.30,
        "excess unfollows over this share of the jump are a wave",
        ABOVE_0,
    ),
    (
        "giveaway_churn_window",
        30.0,
        "days after a giveaway episode in which churn is counted",
        DAYS,
    ),
    (
        "giveaway_churn_share",
        0.30,
        "excess unfollows over this share of the jump are churn",
        ABOVE_0,
    ),
    (
        "dilution_growth_pct",
        10.0,
        "growth in a period at or above which dilution is checked",
        AT_LEAST_0,
    ),
    (
        "dilution_engagement_pct",
        2.0,
        "engagement per post must grow by more than this",
        PERCENT_CHANGE,
    ),
    (
        "mismatch_medium",
        0.25,
        "distance from the portrait above which a mismatch is medium",
        SHARE_0_TO_1,
    ),
    (
        "mismatch_high",
        0.40,
        "distance from the portrait above which a mismatch is high",
        SHARE_0_TO_1,
    ),
    (
        "shift_pp",
        10.0,
        "rise in points of the share outside the portrait after a spike",
        POINTS,
    ),
    (
        "shift_window",
        30.0,
        "days after a spike in which a snapshot is looked for",
        DAYS_OR_NONE,
    ),
    (
        "low_reach_pct",
        5.0,
        "median post reach below this percent of followers is low",
        PERCENT,
    ),
    (
        "claims_medium_pct",
        5.0,
        "a claim off by more than this percent is medium",
        ABOVE_0,
    ),
    (
        "claims_high_pct",
        10.0,
        "a claim off by more than this percent is high",
        ABOVE_0,
    ),
    (
        "claims_match_pct",
        1.0,
        "a definition within this percent of a claim reproduces it",
        ABOVE_0,
    ),
    (
        "post_min_engagements",
        20.0,
        "a post needs this many likes (or engagements) before its numbers are judged",
        AT_LEAST_0,
    ),
    (
        "min_coverage",
        0.70,
        "an input covering less of a window than this is not evaluated",
        COVERAGE,
    ),
    (
        "max_gap_days",
        2.0,
        "more consecutive missing days than this is a data gap",
        DAYS_OR_NONE,
    ),
];

/// The thresholds in force: defaults overridden by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    values: BTreeMap<&'static str, f64>,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            values: DEFAULTS.iter().map(|(k, v, _, _)| (*k, *v)).collect(),
        }
    }
}

impl Thresholds {
    /// Whether `name` is a threshold.
    pub fn is_known(name: &str) -> bool {
        DEFAULTS.iter().any(|(k, ..)| *k == name)
    }

    /// Why `value` is not a value of the threshold `name`, if it is not.
    pub fn check(name: &str, value: f64) -> Result<(), String> {
        let Some((_, _, _, range)) = DEFAULTS.iter().find(|(k, ..)| *k == name) else {
            return Err(format!("`{name}` is not a rule threshold"));
        };
        if range.contains(value) {
            Ok(())
        } else {
            Err(format!(
                "`{name}` is {value}; it must be {}",
                range.describe()
            ))
        }
    }

    /// Override by name; an unknown name is refused with the name.
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        let key = DEFAULTS
            .iter()
            .find(|(k, ..)| *k == name)
            .map(|(k, ..)| *k)
            .ok_or_else(|| format!("`{name}` is not a rule threshold"))?;
        self.values.insert(key, value);
        Ok(())
    }

    /// Apply a table of overrides in order.
    pub fn with(mut self, overrides: &BTreeMap<String, f64>) -> Result<Thresholds, String> {
        for (k, v) in overrides {
            self.set(k, *v)?;
        }
        Ok(self)
    }

    /// The thresholds set to something else than their default: (name, value, default).
    pub fn changed(&self) -> Vec<(&'static str, f64, f64)> {
        DEFAULTS
            .iter()
            .filter_map(|(name, default, ..)| {
                let v = self.values.get(name).copied()?;
                (v != *default).then_some((*name, v, *default))
            })
            .collect()
    }

    pub fn get(&self, name: &str) -> f64 {
        self.values.get(name).copied().unwrap_or_else(|| {
            debug_assert!(false, "unknown threshold {name}");
            0.0
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_by_name_and_refuses_unknown_names() {
        let mut t = Thresholds::default();
        assert_eq!(t.get("spike_z"), 3.5);
        t.set("spike_z", 4.0).unwrap();
        assert_eq!(t.get("spike_z"), 4.0);
        assert!(t.set("spike_zz", 1.0).unwrap_err().contains("spike_zz"));
    }

    /// docs/rules.md lists every threshold with its default and its valid values.
    #[test]
    fn the_docs_list_every_threshold_and_its_range() {
        let docs = include_str!("../../docs/rules.md");
        for (name, _, _, range) in DEFAULTS {
            let row = docs
                .lines()
                .find(|l| l.starts_with(&format!("| `{name}` |")))
                .unwrap_or_else(|| panic!("docs/rules.md has no row for {name}"));
            assert!(row.ends_with(&format!("| {} |", range.describe())), "{row}");
        }
    }

    #[test]
    fn every_default_is_in_its_range_and_nonsense_is_not() {
        for (name, default, _, range) in DEFAULTS {
            assert!(range.contains(*default), "{name}");
            assert!(Thresholds::check(name, f64::NAN).is_err(), "{name}");
            assert!(Thresholds::check(name, -1000.0).is_err(), "{name}");
        }
        assert_eq!(
            Thresholds::check("claims_high_pct", -5.0).unwrap_err(),
            "`claims_high_pct` is -5; it must be above 0"
        );
        assert!(Thresholds::check("min_coverage", 1.5).is_err());
        assert!(Thresholds::check("min_coverage", 0.5).is_ok());
    }
}
