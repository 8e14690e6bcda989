//! Rules: findings about the account, pure functions of the model and the metrics (rules.md).
//! They know nothing of the terminal.

mod analysis;
mod audience;
pub mod audience_table;
mod causes;
mod checks;
mod content;
mod contract;
mod finding;
mod growth;
pub mod help;
mod post_window;
pub mod series;
pub mod stats;
pub mod thresholds;

pub use analysis::Analysis;
pub use finding::{
    sort_findings, verdict, Coverage, Family, Finding, Severity, Verdict, VerdictLevel,
};
pub use thresholds::Thresholds;

use crate::evidence::Evidence;
use crate::metrics::{self, PeriodSummary};
use crate::model::{Account, Period};
use chrono::NaiveDate;

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
    evidence: Evidence,
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
    extra: Option<Evidence>,
) -> Finding {
    let mut ev = Evidence::new();
    ev.text("rule", "rule", rule).text("reason", "why", reason);
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
            "The rule {rule} could not judge this: {reason}. This is not a pass; {}",
            if reason.contains("audit.toml") {
                "describe it in audit.toml to have it judged."
            } else {
                "ask the agency for the missing data."
            }
        ),
        evidence: ev,
        posts: Vec::new(),
        family: None,
    }
}

/// A period's findings and what its rules could judge.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Every finding whose dates touch the period, most severe first.
    pub findings: Vec<Finding>,
    pub coverage: Coverage,
}

/// Every finding whose dates touch the period, most severe first (the account's analysis is
/// built for this one call; `evaluate_with` reuses one).
pub fn evaluate(account: &Account, period: &Period, th: &Thresholds) -> Vec<Finding> {
    let summary = metrics::summarize(account, period);
    evaluate_with(account, &Analysis::of(account, th), &summary, th).findings
}

/// The period's evaluation, from the account's analysis and the period's summary.
pub fn evaluate_with(
    account: &Account,
    analysis: &Analysis,
    s: &PeriodSummary,
    th: &Thresholds,
) -> Evaluation {
    let p = &s.period;
    let mut out: Vec<Finding> = analysis.touching(p).cloned().collect();
    let mut evaluated: Vec<Family> = Vec::new();

    let series_gaps = analysis.growth_gaps(account, p, th);
    let unfollows_judged = growth_inputs(account, analysis, p, &series_gaps, th, &mut out);
    let mut growth_missing = series_gaps;
    // A jump whose engagement could not be compared leaves the growth family unable to judge:
    // a month with a jump of unknown kind is not "genuine". (Only the spike rule's own note:
    // an unfollow window without data says nothing about the jump.)
    for f in &out {
        let spike_note =
            f.evidence.get("rule").and_then(|r| r.as_str()) == Some("spike-flat-engagement");
        if f.rule == "not-evaluated" && spike_note && f.evidence.contains_key("episode_start") {
            if let Some(serde_json::Value::String(reason)) = f.evidence.get("reason") {
                growth_missing.push(format!(
                    "a follower jump of +{} could not be compared with engagement: {reason}",
                    crate::format::count(
                        f.evidence
                            .get("excess_gain")
                            .and_then(|v| v.as_f64())
                            .unwrap_or(0.0)
                            .round()
                    )
                ));
            }
        }
    }
    if growth_missing.is_empty() || unfollows_judged {
        evaluated.push(Family::Growth);
    }

    let mut engagement_judged = analysis.likes_days.range(p.start..=p.end).next().is_some()
        || analysis
            .post_baseline_days
            .range(p.start..=p.end)
            .next()
            .is_some();
    if account.presence.posts {
        let (found, judged) = content::dilution(account, p, &s.kpis, th);
        out.extend(found);
        engagement_judged |= judged;
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
    if engagement_judged {
        evaluated.push(Family::Engagement);
    }
    let (found, audience_judged) = audience::mismatch(account, p, th);
    out.extend(found);
    if audience_judged {
        evaluated.push(Family::Audience);
    }
    if s.claims.iter().any(|c| c.diff_pct.is_some()) {
        evaluated.push(Family::Money);
    }
    out.extend(content::low_reach(account, p, &s.kpis, th));
    out.extend(checks::claims(account, s, th));
    out.extend(checks::plan(account, s));
    let currency = account.config.account.currency.clone().unwrap_or_default();
    out.extend(contract::no_improvement(s, &currency));
    out.extend(checks::counts_disagree(account, p));
    out.extend(checks::data_gaps(account, p, th));

    out.retain(|f| f.touches(p.start, p.end));
    sort_findings(&mut out);
    // A family that flagged something judged the period, whatever else it lacked.
    for f in out.iter().filter(|f| f.rule != "not-evaluated") {
        if let Some(fam) = f.family.filter(|fam| !evaluated.contains(fam)) {
            evaluated.push(fam);
        }
    }
    evaluated.sort();
    Evaluation {
        findings: out,
        coverage: Coverage {
            evaluated,
            growth_judged: growth_missing.is_empty(),
            missing: growth_missing,
        },
    }
}

/// "Not evaluated" findings for the growth rules when the daily series is missing or covers
/// too little of the period. Returns whether the unfollow rule could judge the period.
fn growth_inputs(
    account: &Account,
    analysis: &Analysis,
    p: &Period,
    growth_missing: &[String],
    th: &Thresholds,
    out: &mut Vec<Finding>,
) -> bool {
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
        return false;
    }
    if !growth_missing.is_empty() {
        let covered = analysis.gains.values.range(p.start..=p.end).count() as f64 / p.days() as f64;
        let mut ev = Evidence::new();
        ev.share("coverage", "days of the period with a daily gain", covered);
        out.push(not_evaluated(
            "spike-flat-engagement",
            p.start,
            p.end,
            &growth_missing.join("; "),
            Some(ev),
        ));
    }
    let u_covered = analysis.unfollows.range(p.start..=p.end).count() as f64 / p.days() as f64;
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
        return false;
    }
    true
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_words;
