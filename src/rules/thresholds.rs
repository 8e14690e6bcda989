//! Every number a rule uses, by its name in rules.md, with its default. The defaults layer under
//! the user's `config.toml` and the account's `audit.toml` `[rules]` table.

use std::collections::BTreeMap;

/// (name, default, what it is).
pub const DEFAULTS: &[(&str, f64, &str)] = &[
    (
        "spike_z",
        3.5,
        "robust z-score above which a day's gain is a spike",
    ),
    (
        "spike_min_abs",
        30.0,
        "a spike gains at least this many followers over the baseline median",
    ),
    (
        "spike_min_share",
        0.002,
        "… and at least this share of the base",
    ),
    (
        "baseline_days",
        28.0,
        "calendar days before a day that form its baseline",
    ),
    (
        "min_baseline_values",
        7.0,
        "a day with fewer baseline values is not judged",
    ),
    (
        "before_days",
        28.0,
        "days before an episode whose posts give engagement before",
    ),
    (
        "after_days",
        14.0,
        "days after an episode whose posts give engagement after",
    ),
    (
        "engagement_follow_ratio",
        0.25,
        "engagement must grow by this times the relative jump",
    ),
    (
        "spend_surge",
        3.0,
        "a day's spend this many times the median is a surge",
    ),
    (
        "viral_window_days",
        90.0,
        "days of earlier posts a viral post is judged against",
    ),
    (
        "viral_min_posts",
        10.0,
        "earlier posts needed to judge a viral post",
    ),
    (
        "unfollow_window",
        14.0,
        "days after an episode in which unfollows are counted",
    ),
    (
        "unfollow_share",
        0.30,
        "excess unfollows over this share of the jump are a wave",
    ),
    (
        "giveaway_churn_window",
        30.0,
        "days after a giveaway episode in which churn is counted",
    ),
    (
        "giveaway_churn_share",
        0.30,
        "excess unfollows over this share of the jump are churn",
    ),
    (
        "dilution_growth_pct",
        10.0,
        "growth in a period at or above which dilution is checked",
    ),
    (
        "dilution_engagement_pct",
        2.0,
        "engagement per post must grow by more than this",
    ),
    (
        "mismatch_medium",
        0.25,
        "distance from the portrait above which a mismatch is medium",
    ),
    (
        "mismatch_high",
        0.40,
        "distance from the portrait above which a mismatch is high",
    ),
    (
        "shift_pp",
        10.0,
        "rise in points of the share outside the portrait after a spike",
    ),
    (
        "shift_window",
        30.0,
        "days after a spike in which a snapshot is looked for",
    ),
    (
        "low_reach_pct",
        5.0,
        "median post reach below this percent of followers is low",
    ),
    (
        "claims_medium_pct",
        5.0,
        "a claim off by more than this percent is medium",
    ),
    (
        "claims_high_pct",
        10.0,
        "a claim off by more than this percent is high",
    ),
    (
        "post_min_engagements",
        20.0,
        "a post needs this many likes (or engagements) before its numbers are judged",
    ),
    (
        "min_coverage",
        0.70,
        "an input covering less of a window than this is not evaluated",
    ),
    (
        "max_gap_days",
        2.0,
        "more consecutive missing days than this is a data gap",
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
            values: DEFAULTS.iter().map(|(k, v, _)| (*k, *v)).collect(),
        }
    }
}

impl Thresholds {
    /// Whether `name` is a threshold.
    pub fn is_known(name: &str) -> bool {
        DEFAULTS.iter().any(|(k, _, _)| *k == name)
    }

    /// Override by name; an unknown name is refused with the name.
    pub fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        let key = DEFAULTS
            .iter()
            .find(|(k, _, _)| *k == name)
            .map(|(k, _, _)| *k)
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
}
