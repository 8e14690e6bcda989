//! Checks on an `audit.toml` that serde cannot make: known KPI keys, months, time zones,
//! event dates and threshold names.

use super::error::{line_of_assignment, ConfigError};
use crate::metrics::Kpi;
use crate::model::{AuditConfig, Period};

/// Every check of an `audit.toml`; all failures are reported at once (the first, then the
/// others in line order), so that a file with five mistakes takes one round, not five.
pub fn audit(c: &AuditConfig, text: &str, file: &str) -> Result<(), ConfigError> {
    let mut errors: Vec<ConfigError> = Vec::new();
    let mut check = |r: Result<(), ConfigError>| {
        if let Err(e) = r {
            errors.push(e);
        }
    };
    let err = |key: &str, needle: &str, message: String| ConfigError {
        file: file.to_string(),
        line: line_of_assignment(text, key, needle),
        message,
        also: Vec::new(),
    };
    if let Some(tz) = &c.account.timezone {
        if tz.parse::<chrono_tz::Tz>().is_err() {
            check(Err(err(
                "timezone",
                tz,
                format!("`timezone`: `{tz}` is not an IANA time zone such as Europe/Berlin"),
            )));
        }
    }
    if let Some(n) = c.account.followers {
        if !n.is_finite() || n < 0.0 || n.fract() != 0.0 {
            check(Err(err(
                "followers",
                "",
                format!("`followers`: `{n}` must be a whole number of followers, 0 or more"),
            )));
        }
    }
    if let Some(fee) = c.contract.fee {
        if !fee.is_finite() || fee < 0.0 {
            check(Err(err(
                "fee",
                "",
                format!("`fee`: `{fee}` must be a number of 0 or more"),
            )));
        }
    }
    for (i, p) in c.plan.iter().enumerate() {
        check(known_kpi(&p.kpi).map_err(|m| err("kpi", &p.kpi, m)));
        if let Some(m) = &p.month {
            check(month(m).map_err(|msg| err("month", m, msg)));
        }
        check(super::checks::finite(
            "plan", i, "target", p.target, text, file,
        ));
    }
    for (i, claim) in c.claims.iter().enumerate() {
        check(known_kpi(&claim.kpi).map_err(|m| err("kpi", &claim.kpi, m)));
        if let Some(m) = &claim.month {
            check(month(m).map_err(|msg| err("month", m, msg)));
        }
        check(super::checks::finite(
            "claims",
            i,
            "value",
            claim.value,
            text,
            file,
        ));
    }
    if let (Some(start), Some(end)) = (c.contract.start, c.contract.end) {
        if end < start {
            check(Err(err(
                "end",
                &end.to_string(),
                format!("the contract ends ({end}) before it starts ({start})"),
            )));
        }
    }
    if c.contract.end.is_some() && c.contract.start.is_none() {
        check(Err(err(
            "end",
            "",
            "`end` of [contract] needs a `start`".to_string(),
        )));
    }
    for b in &c.benchmarks {
        check(super::checks::benchmark(b).map_err(|m| err("formula", &b.formula, m)));
    }
    for e in &c.events {
        if e.end < e.start {
            check(Err(err(
                "end",
                &e.end.to_string(),
                format!("event ends ({}) before it starts ({})", e.end, e.start),
            )));
        }
    }
    check(super::checks::portrait(&c.portrait, text, file));
    check(super::checks::thresholds(&c.rules, text, file));
    check(super::checks::mappings(&c.mapping, text, file));
    ConfigError::all(errors)
}

pub(crate) fn line_of_rule(text: &str, name: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(name)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

fn known_kpi(key: &str) -> Result<(), String> {
    match Kpi::from_key(key) {
        Some(_) => Ok(()),
        None => Err(format!(
            "`kpi`: `{key}` is not a KPI key (for example net_growth, reach, er_post_pct, cpl)"
        )),
    }
}

fn month(m: &str) -> Result<(), String> {
    Period::parse_month(m)
        .map(|_| ())
        .ok_or_else(|| format!("`month`: `{m}` is not a month of the form YYYY-MM"))
}
