//! Rules: findings about the account, pure functions of the model and the metrics (rules.md).
//! They know nothing of the terminal.

mod audience;
mod causes;
mod checks;
mod content;
mod finding;
mod growth;
pub mod help;
pub mod series;
pub mod stats;
pub mod thresholds;

pub use finding::{sort_findings, verdict, Family, Finding, Severity, Verdict, VerdictLevel};
pub use thresholds::Thresholds;

use crate::metrics::{self, PeriodSummary};
use crate::model::{Account, Period};
use chrono::NaiveDate;
use serde_json::{json, Map};
use std::collections::BTreeMap;

/// The family of a rule id (rules.md, the table's last column).
pub fn family_of(rule: &str) -> Option<Family> {
    match rule {
        "spike-flat-engagement" | "unfollow-wave" => Some(Family::Growth),
        "engagement-dilution" | "likes-exceed-reach" | "engagement-without-reach" => {
            Some(Family::Engagement)
        }
        "geo-mismatch" | "geo-shift" | "age-mismatch" | "gender-mismatch" => Some(Family::Audience),
        "claims-mismatch" => Some(Family::Money),
        _ => None,
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn make(
    rule: &'static str,
    severity: Severity,
    start: NaiveDate,
    end: NaiveDate,
    title: String,
    detail: String,
    evidence: Map<String, serde_json::Value>,
    posts: Vec<String>,
) -> Finding {
    Finding {
        rule,
        severity,
        start,
        end,
        title,
        detail,
        evidence,
        posts,
        family: family_of(rule),
    }
}

/// A rule that could not judge: its input is absent or covers too little of its window.
pub(crate) fn not_evaluated(
    rule: &'static str,
    start: NaiveDate,
    end: NaiveDate,
    reason: &str,
    extra: Option<Map<String, serde_json::Value>>,
) -> Finding {
    let mut ev = Map::new();
    ev.insert("rule".into(), json!(rule));
    ev.insert("reason".into(), json!(reason));
    if let Some(extra) = extra {
        ev.extend(extra);
    }
    Finding {
        rule: "not-evaluated",
        severity: Severity::Info,
        start,
        end,
        title: format!("Not evaluated: {rule} ({reason})"),
        detail: format!(
            "The rule {rule} could not judge this: {reason}. This is not a pass; ask for the missing data."
        ),
        evidence: ev,
        posts: Vec::new(),
        family: None,
    }
}

/// Every finding whose dates touch the period, most severe first.
pub fn evaluate(account: &Account, period: &Period, th: &Thresholds) -> Vec<Finding> {
    let summary = metrics::summarize(account, period);
    evaluate_with(account, &summary, th)
}

/// The same, from an already computed summary of the period.
pub fn evaluate_with(account: &Account, s: &PeriodSummary, th: &Thresholds) -> Vec<Finding> {
    let p = &s.period;
    let mut out: Vec<Finding> = Vec::new();
    // Only the episodes whose findings can touch the period: their days, or the churn windows
    // after them (the longest is `giveaway_churn_window`).
    let reach_after = th
        .get("unfollow_window")
        .max(th.get("giveaway_churn_window")) as i64;
    let episodes: Vec<series::Episode> = series::episodes(account, th)
        .into_iter()
        .filter(|e| e.start <= p.end && series::plus(e.end, reach_after) >= p.start)
        .collect();
    let unfollows: BTreeMap<NaiveDate, f64> = account
        .daily
        .iter()
        .filter_map(|(d, r)| Some((*d, r.unfollows?)))
        .collect();

    growth_inputs(account, p, &unfollows, th, &mut out);
    let episode_findings = growth::episode_findings(account, &episodes, &unfollows, th);
    let churn_windows: Vec<(NaiveDate, NaiveDate)> = episode_findings
        .iter()
        .filter(|f| matches!(f.rule, "unfollow-wave" | "giveaway-churn"))
        .map(|f| (f.start, f.end))
        .chain(episodes.iter().map(|e| (e.start, e.end)))
        .collect();
    out.extend(episode_findings);
    out.extend(growth::unfollow_days(
        account,
        p,
        &unfollows,
        &churn_windows,
        th,
    ));
    out.extend(audience::shift(account, &episodes, th));
    out.extend(audience::mismatch(account, p, th));

    if account.presence.posts {
        out.extend(content::likes_exceed_reach(account, p));
        out.extend(content::engagement_without_reach(account, p, th));
    } else {
        for rule in [
            "likes-exceed-reach",
            "engagement-without-reach",
            "engagement-dilution",
        ] {
            out.push(not_evaluated(
                rule,
                p.start,
                p.end,
                "the account has no posts file",
                None,
            ));
        }
    }
    if account.presence.posts {
        out.extend(content::dilution(account, p, &s.kpis, th));
    }
    out.extend(content::low_reach(account, p, &s.kpis, th));
    out.extend(checks::claims(account, s, th));
    out.extend(checks::plan(account, s));
    out.extend(checks::counts_disagree(account, p));
    out.extend(checks::data_gaps(account, p, th));

    out.retain(|f| f.touches(p.start, p.end));
    sort_findings(&mut out);
    out
}

/// "Not evaluated" findings for the growth rules when the daily series is missing or covers
/// too little of the period.
fn growth_inputs(
    account: &Account,
    p: &Period,
    unfollows: &BTreeMap<NaiveDate, f64>,
    th: &Thresholds,
    out: &mut Vec<Finding>,
) {
    if !account.presence.daily {
        for rule in ["spike-flat-engagement", "unfollow-wave"] {
            out.push(not_evaluated(
                rule,
                p.start,
                p.end,
                "the account has no daily file",
                None,
            ));
        }
        return;
    }
    let gains = series::net_gains(account);
    let covered = gains.range(p.start..=p.end).count() as f64 / p.days() as f64;
    if covered < th.get("min_coverage") {
        let mut ev = Map::new();
        ev.insert("coverage".into(), json!(covered));
        out.push(not_evaluated(
            "spike-flat-engagement",
            p.start,
            p.end,
            &format!(
                "daily gains exist for {:.0} % of the period's days",
                covered * 100.0
            ),
            Some(ev),
        ));
    }
    let u_covered = unfollows.range(p.start..=p.end).count() as f64 / p.days() as f64;
    if u_covered < th.get("min_coverage") {
        out.push(not_evaluated(
            "unfollow-wave",
            p.start,
            p.end,
            &format!(
                "daily unfollows exist for {:.0} % of the period's days",
                u_covered * 100.0
            ),
            None,
        ));
    }
}

#[cfg(test)]
mod tests;
