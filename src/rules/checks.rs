//! Rules on the agency's figures and on the data itself: claims, plan, counts, gaps.

use super::finding::{Finding, Severity};
use super::series::{minus, plus};
use super::{make, Thresholds};
use crate::evidence::Evidence;
use crate::format::{count, group, value};
use crate::metrics::{ClaimResult, Kpi, PeriodSummary};
use crate::model::{Account, Direction, Period};
use chrono::NaiveDate;

fn currency(account: &Account) -> String {
    account.config.account.currency.clone().unwrap_or_default()
}

pub fn claims(account: &Account, s: &PeriodSummary, th: &Thresholds) -> Vec<Finding> {
    let cur = currency(account);
    let p = &s.period;
    s.claims
        .iter()
        .filter_map(|c: &ClaimResult| {
            let Some(d) = c.diff_pct else {
                return Some(super::not_evaluated(
                    "claims-mismatch",
                    p.start,
                    p.end,
                    &format!("the claimed {} has no measured value to compare with", c.kpi.label()),
                    None,
                ));
            };
            let severity = if d.abs() > th.get("claims_high_pct") {
                Severity::High
            } else if d.abs() > th.get("claims_medium_pct") {
                Severity::Medium
            } else {
                return None;
            };
            let word = if d > 0.0 { "overstates" } else { "understates" };
            let matches = c.matches(th.get("claims_match_pct"));
            let matched: Vec<&crate::metrics::definitions::Definition> = c
                .definitions
                .iter()
                .filter(|x| matches.contains(&x.id))
                .collect();
            let own = c.definitions.first().map_or("", |x| x.label);
            let decoded = match matched.first() {
                Some(m) => format!(
                    " The agency's {} equals the same data counted another way: {} ({}); this audit counts {}, {}. Ask which definition the agency reports and agree on one for every month.",
                    value(c.kpi, Some(c.claimed), &cur),
                    m.label,
                    value(c.kpi, m.value, &cur),
                    own,
                    value(c.kpi, c.actual, &cur)
                ),
                None if c.definitions.len() > 1 => " No usual definition of this KPI reproduces it either.".to_string(),
                None => String::new(),
            };
            let mut ev = Evidence::new();
            ev.shown("kpi", "KPI", c.kpi.key(), c.kpi.label())
                .kpi("claimed", "the agency's figure", c.kpi, c.claimed)
                .kpi("measured", "the platform's figure", c.kpi, c.actual)
                .percent("diff_pct", "the agency's figure is off by", d);
            // A sum of daily rows that lacks days may be short because of the export, not the
            // agency: say so before the owner puts it to them.
            let missing = missing_days(account, c.kpi, p);
            let partial = match &missing {
                Some((have, gone)) => {
                    ev.count("days_with_rows", "days of the period with a daily row", have)
                        .words("days_without_rows", "days without one", &gone.join(", "));
                    format!(
                        " The platform's figure sums the {have} of the {} days that have a daily row; the export you loaded has none for {}: check that it is whole before putting this to the agency.",
                        p.days(),
                        gone.join(", ")
                    )
                }
                None => String::new(),
            };
            if !c.definitions.is_empty() {
                let words: Vec<&str> = matched.iter().map(|m| m.label).collect();
                let shown = if words.is_empty() { "none".to_string() } else { words.join("; ") };
                ev.shown("matches", "the definitions that reproduce it", &matches, &shown);
            }
            Some(make(
                "claims-mismatch",
                severity,
                p.start,
                p.end,
                format!(
                    "The agency's {} of {} {word} the measured {} by {} %",
                    c.kpi.label().to_lowercase(),
                    value(c.kpi, Some(c.claimed), &cur),
                    value(c.kpi, c.actual, &cur),
                    group(d.abs(), 1)
                ),
                format!(
                    "The agency reported {} for {}; the platform's own export gives {}.{decoded}{partial} A report that does not match the platform cannot be checked: ask the contractor for the export their figure comes from.",
                    value(c.kpi, Some(c.claimed), &cur),
                    c.kpi.label(),
                    value(c.kpi, c.actual, &cur)
                ),
                ev,
                vec![],
            ))
        })
        .collect()
}

/// For a KPI summed over daily rows, the days of `p` with a row and those without (at most
/// five named, then how many more), where some are without.
fn missing_days(account: &Account, kpi: Kpi, p: &Period) -> Option<(usize, Vec<String>)> {
    let daily = matches!(
        kpi,
        Kpi::Reach
            | Kpi::ReachPaid
            | Kpi::ReachOrganic
            | Kpi::Impressions
            | Kpi::ProfileVisits
            | Kpi::Follows
            | Kpi::Unfollows
    );
    if !daily {
        return None;
    }
    let have = account.days_in(p).count();
    let gone: Vec<NaiveDate> = p
        .start
        .iter_days()
        .take_while(|d| *d <= p.end)
        .filter(|d| !account.daily.contains_key(d))
        .collect();
    if gone.is_empty() || have == 0 {
        return None;
    }
    let mut named: Vec<String> = gone.iter().take(5).map(|d| d.to_string()).collect();
    if gone.len() > 5 {
        named.push(format!("{} more days", gone.len() - 5));
    }
    Some((have, named))
}

pub fn plan(account: &Account, s: &PeriodSummary) -> Vec<Finding> {
    let cur = currency(account);
    let p = &s.period;
    s.plan
        .iter()
        .filter(|r| r.met == Some(false))
        .map(|r| {
            let sign = match r.direction {
                Direction::AtLeast => "at least",
                Direction::AtMost => "at most",
            };
            let mut ev = Evidence::new();
            ev.shown("kpi", "KPI", r.kpi.key(), r.kpi.label())
                .kpi("target", "the plan's target", r.kpi, r.target)
                .shown("direction", "the target is", r.direction.as_str(), sign)
                .kpi("actual", "measured", r.kpi, r.actual);
            make(
                "plan-missed",
                Severity::Medium,
                p.start,
                p.end,
                format!(
                    "Plan missed: {} was {} against a target of {sign} {}",
                    r.kpi.label(),
                    value(r.kpi, r.actual, &cur),
                    value(r.kpi, Some(r.target), &cur)
                ),
                format!(
                    "The plan in audit.toml sets {} to {sign} {} for this period; the measured value is {}. Ask the contractor why, and what changes next month.",
                    r.kpi.label(),
                    value(r.kpi, Some(r.target), &cur),
                    value(r.kpi, r.actual, &cur)
                ),
                ev,
                vec![],
            )
        })
        .collect()
}

/// Runs of consecutive dates.
fn runs(days: &[NaiveDate]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for d in days {
        match out.last_mut() {
            Some((_, end)) if plus(*end, 1) == *d => *end = *d,
            _ => out.push((*d, *d)),
        }
    }
    out
}

pub fn counts_disagree(account: &Account, p: &Period) -> Vec<Finding> {
    let mut bad = Vec::new();
    let mut details = Vec::new();
    for (d, row) in account.daily.range(p.start..=p.end) {
        let Some(prev) = account.daily.get(&minus(*d, 1)) else {
            continue;
        };
        let (Some(f), Some(u)) = (row.follows, row.unfollows) else {
            continue;
        };
        let (Some(now), Some(before)) = (row.followers, prev.followers) else {
            continue;
        };
        let g = now - before;
        let allowed = (0.001 * before).max(5.0);
        if (g - (f - u)).abs() > allowed {
            bad.push(*d);
            let mut day = Evidence::new();
            day.date("date", "day", *d)
                .change("net_gain", "the count changed by", g)
                .count("follows", "follows", f)
                .count("unfollows", "unfollows", u)
                .change("difference", "difference", g - (f - u))
                .number("allowed", "allowed", allowed);
            details.push((*d, day));
        }
    }
    runs(&bad)
        .into_iter()
        .map(|(a, b)| {
            let days: Vec<Evidence> = details
                .iter()
                .filter(|(d, _)| a <= *d && *d <= b)
                .map(|(_, day)| day.clone())
                .collect();
            let total: f64 = days.iter().filter_map(|v| v["difference"].as_f64()).sum();
            let when = if a == b { a.to_string() } else { format!("{a} – {b}") };
            let mut ev = Evidence::new();
            ev.rows("days", "the days", days);
            make(
                "counts-disagree",
                Severity::Info,
                a,
                b,
                format!("Follower count and follows minus unfollows disagree on {when} by {}", count(total)),
                "The change in the follower count differs from new follows minus unfollows. Platforms remove fake or deleted accounts in purges, which lowers the count without unfollows; a large difference can also mean an edited or mixed export. Ask for the platform's own export.".to_string(),
                ev,
                vec![],
            )
        })
        .collect()
}

pub fn data_gaps(account: &Account, p: &Period, th: &Thresholds) -> Vec<Finding> {
    let Some((first, last)) = account.daily_span() else {
        return Vec::new();
    };
    let (from, to) = (p.start.max(first), p.end.min(last));
    if from > to {
        return Vec::new();
    }
    let missing: Vec<NaiveDate> = Period {
        start: from,
        end: to,
    }
    .iter_days()
    .filter(|d| !account.daily.contains_key(d))
    .collect();
    runs(&missing)
        .into_iter()
        .filter(|(a, b)| ((*b - *a).num_days() + 1) as f64 > th.get("max_gap_days"))
        .map(|(a, b)| {
            let n = (b - a).num_days() + 1;
            let mut ev = Evidence::new();
            ev.date("first_missing_day", "first day missing", a)
                .date("last_missing_day", "last day missing", b)
                .count("missing_days", "days missing", n);
            make(
                "data-gap",
                Severity::Info,
                a,
                b,
                format!("The daily series misses {n} days, {a} – {b}"),
                "Days without a row cannot be judged: a spike or a purge inside the gap would go unseen. Ask for an export that covers these days.".to_string(),
                ev,
                vec![],
            )
        })
        .collect()
}
