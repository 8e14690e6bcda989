//! The words and marks of a verdict, shared by the reports and the screen: the sentence an
//! owner reads first, the one-character mark of a month in the history strip, and a plan
//! entry's "met" with the flagged followers taken out.

use crate::audit::MonthVerdict;
use crate::format::{count, value, NO_VALUE};
use crate::metrics::PlanResult;
use crate::rules::{Verdict, VerdictLevel};

/// The thresholds changed from their defaults, as a sentence; `None` when none was.
pub fn changed_thresholds(th: &crate::rules::Thresholds) -> Option<String> {
    let changed = th.changed();
    if changed.is_empty() {
        return None;
    }
    let list: Vec<String> = changed
        .iter()
        .map(|(name, v, d)| format!("{name} = {v} (default {d})"))
        .collect();
    Some(format!(
        "The rules were judged with thresholds changed from their defaults in audit.toml or config.toml: {}.",
        list.join(", ")
    ))
}

/// A month's mark in the history strip.
pub fn mark(level: VerdictLevel) -> &'static str {
    match level {
        VerdictLevel::Genuine => "✓",
        VerdictLevel::Questionable => "?",
        VerdictLevel::LikelyInflated => "✗",
        VerdictLevel::InsufficientData => "○",
    }
}

/// A month's mark, where a month without any row is told apart from one with too little.
pub fn month_mark(m: &MonthVerdict) -> &'static str {
    match m.empty {
        true => "·",
        false => mark(m.verdict.level),
    }
}

/// What the marks of `history` mean, for a legend (the mark of a month without any data only
/// where there is one).
pub fn legend(history: &[MonthVerdict]) -> &'static str {
    match history.iter().any(|m| m.empty) {
        true => "✓ genuine, ? questionable, ✗ likely inflated, ○ not enough data to judge, · no data at all",
        false => "✓ genuine, ? questionable, ✗ likely inflated, ○ not enough data to judge",
    }
}

/// The level in a few words, where room is short: "not enough data".
pub fn short_label(level: VerdictLevel) -> &'static str {
    match level {
        VerdictLevel::InsufficientData => "not enough data",
        other => other.label(),
    }
}

/// The level with a capital: "Not enough data to judge".
pub fn title(level: VerdictLevel) -> String {
    capitalised(level.label())
}

/// `s` with its first letter in upper case.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why the verdict is what it is, in one sentence without the level.
pub fn reason(v: &Verdict) -> String {
    match v.level {
        VerdictLevel::InsufficientData => {
            let missing = if v.missing.is_empty() {
                "the follower data does not cover the period".to_string()
            } else {
                v.missing.join("; ")
            };
            format!("the growth rules could not judge this period: {missing}")
        }
        VerdictLevel::Genuine => {
            let all = ["growth", "engagement", "audience", "money"];
            let not_judged: Vec<&str> = all
                .iter()
                .copied()
                .filter(|f| !v.evaluated.contains(f))
                .collect();
            let judged: Vec<&str> = all
                .iter()
                .copied()
                .filter(|f| v.evaluated.contains(f))
                .collect();
            let mut s = format!("nothing flagged in {}", words(&judged));
            if !not_judged.is_empty() {
                s.push_str(&format!("; {} could not be judged", words(&not_judged)));
            }
            s
        }
        _ => format!(
            "flagged: {} ({})",
            v.families.join(", "),
            v.because.join(", ")
        ),
    }
}

/// "growth, engagement and money".
fn words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The verdict as one sentence: "Not enough data to judge: the growth rules could not …".
pub fn sentence(v: &Verdict) -> String {
    format!("{}: {}.", title(v.level), reason(v))
}

/// Whether a plan entry counts as missed: not met, or met only with the flagged followers.
pub fn plan_failed(p: &PlanResult) -> bool {
    p.met == Some(false)
        || (p.met == Some(true) && p.without_flagged.and_then(|w| w.met) == Some(false))
}

/// Whether a plan entry was met, with the flagged followers taken out where the period has
/// any: "yes", "no", "met, but not without the 4,997 flagged followers (-979)".
pub fn plan_met(p: &PlanResult, currency: &str) -> String {
    let base = match p.met {
        Some(true) => "yes",
        Some(false) => "no",
        None => NO_VALUE,
    };
    let Some(w) = p.without_flagged else {
        return base.to_string();
    };
    let flagged = count(w.flagged.round());
    let without = value(p.kpi, w.value, currency);
    match (p.met, w.met) {
        (Some(true), Some(false)) => {
            format!("met, but not without the {flagged} flagged followers ({without})")
        }
        (Some(true), Some(true)) => {
            format!("yes, also without the {flagged} flagged followers ({without})")
        }
        _ => format!("{base}; without the {flagged} flagged followers: {without}"),
    }
}

/// The months of a history grouped by year, each with its twelve slots (`None`: no data).
pub fn by_year(history: &[MonthVerdict]) -> Vec<(i32, [Option<&MonthVerdict>; 12])> {
    use chrono::Datelike;
    let mut years: Vec<(i32, [Option<&MonthVerdict>; 12])> = Vec::new();
    for m in history {
        let (y, i) = (m.month.start.year(), m.month.start.month0() as usize);
        if years.last().is_none_or(|(last, _)| *last != y) {
            years.push((y, [None; 12]));
        }
        if let Some((_, slots)) = years.last_mut() {
            slots[i] = Some(m);
        }
    }
    years
}

/// "2 months flagged, 3 without enough data" for a history.
pub fn history_summary(history: &[MonthVerdict]) -> String {
    let flagged = history
        .iter()
        .filter(|m| m.verdict.level.is_flagged())
        .count();
    let unjudged = history
        .iter()
        .filter(|m| m.verdict.level == VerdictLevel::InsufficientData && !m.empty)
        .count();
    let empty = history.iter().filter(|m| m.empty).count();
    let months = |n: usize| if n == 1 { "month" } else { "months" };
    let with_data = history.len() - empty;
    let judged = format!("{flagged} flagged, {unjudged} without enough data to judge");
    match empty {
        0 => format!(
            "{} {} of data: {judged}",
            history.len(),
            months(history.len())
        ),
        _ => format!(
            "{} {} from the first with data to the last, {with_data} with data ({judged}) and \
             {empty} without any",
            history.len(),
            months(history.len())
        ),
    }
}

/// Which definition reproduces a claim, for the reconciliation tables: "the posts' reach
/// summed (61,890)", "this audit's", "none of the usual ones", or "—" for a KPI agencies do not
/// define another way.
pub fn claim_matches(c: &crate::metrics::ClaimResult, match_pct: f64, currency: &str) -> String {
    let ids = c.matches(match_pct);
    let own = c.definitions.first().map(|d| d.id);
    let found: Vec<String> = c
        .definitions
        .iter()
        .filter(|d| ids.contains(&d.id))
        .map(|d| {
            if Some(d.id) == own {
                "this audit's definition".to_string()
            } else {
                format!(
                    "{} ({})",
                    d.label,
                    crate::format::value(c.kpi, d.value, currency)
                )
            }
        })
        .collect();
    match (found.is_empty(), c.definitions.len()) {
        (false, _) => found.join("; "),
        (true, 0) => crate::format::NO_VALUE.to_string(),
        (true, _) => "none of the usual definitions".to_string(),
    }
}

/// Where the verdict flags nothing but other findings at medium or above are listed (a plan
/// missed), a few words that say so: a "genuine" growth verdict must not read as "all clear".
pub fn others(v: &Verdict, findings: &[crate::rules::Finding]) -> Option<String> {
    if v.level.is_flagged() {
        return None;
    }
    let other: Vec<&crate::rules::Finding> = findings
        .iter()
        .filter(|f| f.severity >= crate::rules::Severity::Medium && f.family.is_none())
        .filter(|f| f.rule != "not-evaluated")
        .collect();
    match other.as_slice() {
        [] => None,
        all if all.iter().all(|f| f.rule == "plan-missed") => {
            Some("but the plan was missed (see the findings)".to_string())
        }
        all => Some(format!("but see the {} other findings", all.len())),
    }
}

/// Under a claim of followers in a period with flagged growth: "New followers: 2,492 of the
/// measured 2,826 are followers the spike rules flag".
pub fn claim_flagged(c: &crate::metrics::ClaimResult, flagged: Option<f64>) -> Option<String> {
    use crate::metrics::Kpi;
    let flagged = flagged.filter(|f| *f > 0.0)?;
    if !matches!(c.kpi, Kpi::Follows | Kpi::NetGrowth | Kpi::FollowersEnd) {
        return None;
    }
    Some(format!(
        "{}: {} of the measured {} are followers the spike rules flag",
        c.kpi.label(),
        crate::format::count(flagged.round()),
        crate::format::value(c.kpi, c.actual, "")
    ))
}
