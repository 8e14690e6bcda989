//! What the rules know of the whole account, computed once per load: the daily gains, the
//! spike episodes and every finding that belongs to days or posts rather than to a period
//! (episodes, churn, unfollow days, geography shifts, per-post checks). A period's evaluation
//! then only filters these by date and adds its own period-level checks.

use super::content;
use super::finding::{Finding, Severity};
use super::series::{self, minus, Episode, Gains};
use super::{audience, growth, Thresholds};
use crate::model::{Account, Period};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub gains: Gains,
    pub unfollows: BTreeMap<NaiveDate, f64>,
    pub episodes: Vec<Episode>,
    /// Every account-wide finding, in no particular order.
    pub findings: Vec<Finding>,
    /// Each day of a `spike-flat-engagement` episode at medium or above, with its excess gain
    /// `g(t) - m`: the followers that rules.md takes out of the plan.
    pub flagged_days: BTreeMap<NaiveDate, f64>,
    /// Days whose posts had a 90-day baseline (`engagement-without-reach` could judge them).
    pub post_baseline_days: BTreeSet<NaiveDate>,
    /// Days with a post whose likes and reach are both known.
    pub likes_days: BTreeSet<NaiveDate>,
}

impl Analysis {
    pub fn of(account: &Account, th: &Thresholds) -> Analysis {
        // The per-post checks and the follower series are independent: one core each.
        let (mut analysis, (found, post_baseline_days)) = rayon::join(
            || Analysis::growth(account, th),
            || {
                let mut found = content::likes_exceed_reach(account, th);
                let (pumped, baseline_days) = content::engagement_without_reach(account, th);
                found.extend(pumped);
                (found, baseline_days)
            },
        );
        analysis.findings.extend(found);
        analysis.post_baseline_days = post_baseline_days;
        analysis.likes_days = account
            .posts
            .iter()
            .filter(|p| content::likes_judgeable(p))
            .map(|p| p.date)
            .collect();
        analysis
    }

    /// The follower series' part: gains, episodes and what is found on them.
    fn growth(account: &Account, th: &Thresholds) -> Analysis {
        let gains = Gains::of(account);
        let unfollows: BTreeMap<NaiveDate, f64> = account
            .daily
            .iter()
            .filter_map(|(d, r)| Some((*d, r.unfollows?)))
            .collect();
        let episodes = series::episodes(account, &gains, th);
        let mut findings = growth::episode_findings(account, &gains, &episodes, &unfollows, th);
        // The one-day unfollow clause leaves an episode's days and its churn window to the
        // episode's own finding.
        let churn_windows: Vec<(NaiveDate, NaiveDate)> = findings
            .iter()
            .filter(|f| matches!(f.rule, "unfollow-wave" | "giveaway-churn"))
            .map(|f| (f.start, f.end))
            .chain(episodes.iter().map(|e| (e.start, e.end)))
            .collect();
        findings.extend(growth::unfollow_days(
            account,
            &gains,
            &unfollows,
            &churn_windows,
            th,
        ));
        findings.extend(audience::shift(account, &episodes, th));
        let mut flagged_days = BTreeMap::new();
        for f in findings
            .iter()
            .filter(|f| f.rule == "spike-flat-engagement" && f.severity >= Severity::Medium)
        {
            if let Some(ep) = episodes.iter().find(|e| e.start == f.start) {
                for day in &ep.days {
                    flagged_days.insert(day.date, day.gain - day.median);
                }
            }
        }
        Analysis {
            gains,
            unfollows,
            episodes,
            findings,
            flagged_days,
            ..Analysis::default()
        }
    }

    /// The findings whose dates touch the period.
    pub fn touching<'a>(&'a self, p: &'a Period) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(|f| f.touches(p.start, p.end))
    }

    /// The followers the spike rules flagged inside the period (rules.md, "Growth the rules
    /// flag, taken out of the plan"); `None` when the period touches no flagged episode.
    pub fn flagged_followers(&self, p: &Period) -> Option<f64> {
        let mut days = self.flagged_days.range(p.start..=p.end).peekable();
        days.peek()?;
        Some(days.map(|(_, excess)| excess).sum())
    }

    /// Whether the growth family can judge the period (rules.md, "The verdict"): a daily gain
    /// on at least `min_coverage` of its days, and a spike baseline on at least one of them.
    /// When it cannot, the sentences say what is missing.
    pub fn growth_gaps(&self, account: &Account, p: &Period, th: &Thresholds) -> Vec<String> {
        let days = p.days();
        let Some(_) = self.gains.source else {
            return vec![if account.presence.daily {
                "the daily exports give no follower counts and no follows, only other figures"
                    .to_string()
            } else {
                "no daily export: the folder has no follower counts or follows per day".to_string()
            }];
        };
        let mut gaps = Vec::new();
        let with_gain = self.gains.values.range(p.start..=p.end).count() as i64;
        if (with_gain as f64) < th.get("min_coverage") * days as f64 {
            gaps.push(format!(
                "no daily follower counts or follows for {} of the {days} days",
                days - with_gain
            ));
        }
        let window = th.get("baseline_days").max(1.0) as i64;
        let needed = th.get("min_baseline_values");
        let has_baseline = self.gains.values.range(p.start..=p.end).any(|(t, _)| {
            let n = self
                .gains
                .values
                .range(minus(*t, window)..=minus(*t, 1))
                .count();
            n as f64 >= needed
        });
        if with_gain > 0 && !has_baseline {
            gaps.push(format!(
                "fewer than {needed} days of daily follower changes in the {window} days before any day of this period, so no day could be compared with a usual day"
            ));
        }
        gaps
    }
}
