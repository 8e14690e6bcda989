//! Values that parse but mean nothing: a portrait whose shares do not add up or whose keys are
//! not codes, thresholds out of their range, targets and claims that are not numbers, mappings
//! to kinds or columns that do not exist. Each is one sentence naming the file, line, key and
//! value, so that nothing the user types becomes a finding that is not true.

use super::error::{line_of_assignment, ConfigError};
use super::validate::line_of_rule;
use crate::model::{Mapping, Portrait};
use crate::rules::Thresholds;
use std::collections::BTreeMap;

/// The age buckets of the canonical audience file (formats.md).
pub const AGE_BUCKETS: [&str; 7] = ["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
/// The genders of the canonical audience file.
pub const GENDERS: [&str; 3] = ["female", "male", "other"];

fn error(file: &str, text: &str, key: &str, needle: &str, message: String) -> ConfigError {
    ConfigError {
        file: file.to_string(),
        line: line_of_assignment(text, key, needle).or_else(|| line_of_rule(text, key)),
        message,
        also: Vec::new(),
    }
}

/// `[portrait]`: each dimension's keys are codes the audit knows, each share is from 0 to
/// 100, and the shares sum to 100 ± 1 (`other` holds the rest).
pub fn portrait(p: &Portrait, text: &str, file: &str) -> Result<(), ConfigError> {
    let dims = [
        ("country", &p.country),
        ("age", &p.age),
        ("gender", &p.gender),
    ];
    let errors = dims
        .into_iter()
        .filter_map(|(dim, shares)| dimension(dim, shares, text, file).err())
        .collect();
    ConfigError::all(errors)
}

/// One dimension of `[portrait]`: its first mistake.
fn dimension(
    dim: &str,
    shares: &BTreeMap<String, f64>,
    text: &str,
    file: &str,
) -> Result<(), ConfigError> {
    if shares.is_empty() {
        return Ok(());
    }
    for (key, share) in shares {
        let fail = |message: String| Err(error(file, text, dim, key, message));
        if !share.is_finite() || !(0.0..=100.0).contains(share) {
            return fail(format!(
                "`[portrait] {dim}`: `{key} = {share}` is not a share; write a percent from 0 to 100"
            ));
        }
        if let Err(why) = key_of(dim, key) {
            return fail(format!("`[portrait] {dim}`: {why}"));
        }
    }
    let sum: f64 = shares.values().sum();
    if (sum - 100.0).abs() <= 1.0 {
        return Ok(());
    }
    let rest = if shares.contains_key("other") || sum > 100.0 {
        String::new()
    } else {
        format!(" (add `other = {}` for the rest)", trim(100.0 - sum))
    };
    Err(error(
        file,
        text,
        dim,
        "",
        format!(
            "`[portrait] {dim}`: the shares sum to {}, not 100{rest}",
            trim(sum)
        ),
    ))
}

fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Whether `key` is a key of the dimension; the error says what to write instead.
fn key_of(dim: &str, key: &str) -> Result<(), String> {
    if key == "other" {
        return Ok(());
    }
    match dim {
        "country" => country_key(key),
        "age" if AGE_BUCKETS.contains(&key) => Ok(()),
        "age" => Err(format!(
            "`{key}` is not an age bucket; use {} or other",
            AGE_BUCKETS.join(", ")
        )),
        _ if GENDERS.contains(&key) => Ok(()),
        _ => Err(format!("`{key}` is not female, male or other")),
    }
}

/// A country key is an ISO 3166-1 alpha-2 code in upper case. A name, a lower-case code or a
/// flag is an error that names the code to write.
fn country_key(key: &str) -> Result<(), String> {
    use crate::import::vocab::countries::code;
    let is_code = key.len() == 2 && key.chars().all(|c| c.is_ascii_uppercase());
    if is_code && code(key) == Some(key) {
        return Ok(());
    }
    let flag: String = key
        .chars()
        .filter_map(|c| {
            let n = c as u32;
            (0x1F1E6..=0x1F1FF)
                .contains(&n)
                .then(|| char::from(b'A' + (n - 0x1F1E6) as u8))
        })
        .collect();
    let suggestion = if flag.chars().count() == 2 && key.chars().count() == 2 {
        code(&flag)
    } else {
        code(key)
    };
    Err(match suggestion {
        Some(c) => format!("`{key}` is not a country code; write `{c}` (ISO 3166-1 alpha-2, upper case)"),
        None if is_code => format!("`{key}` is not an ISO 3166-1 alpha-2 country code"),
        None => format!(
            "`{key}` is not a country code; write ISO 3166-1 alpha-2 codes in upper case, such as DE"
        ),
    })
}

/// `[rules]`: every name a threshold, every value in its range (docs/rules.md, Thresholds).
pub fn thresholds(
    rules: &BTreeMap<String, f64>,
    text: &str,
    file: &str,
) -> Result<(), ConfigError> {
    let mut errors: Vec<ConfigError> = rules
        .iter()
        .filter_map(|(name, value)| {
            let why = Thresholds::check(name, *value).err()?;
            Some(ConfigError {
                file: file.to_string(),
                line: line_of_rule(text, name),
                message: format!("[rules]: {why}"),
                also: Vec::new(),
            })
        })
        .collect();
    // Pairs that only mean something in order (the defaults stand for a name not set here).
    let value = |name: &str| {
        rules
            .get(name)
            .copied()
            .unwrap_or_else(|| Thresholds::default().get(name))
    };
    for (low, high) in [
        ("mismatch_medium", "mismatch_high"),
        ("claims_medium_pct", "claims_high_pct"),
        ("min_baseline_values", "baseline_days"),
    ] {
        let (a, b) = (value(low), value(high));
        let set_here = rules.contains_key(low) || rules.contains_key(high);
        if set_here && a.is_finite() && b.is_finite() && a > b {
            let at = if rules.contains_key(high) { high } else { low };
            errors.push(ConfigError {
                file: file.to_string(),
                line: line_of_rule(text, at),
                message: format!("[rules]: `{low}` ({a}) is above `{high}` ({b}); it must not be"),
                also: Vec::new(),
            });
        }
    }
    ConfigError::all(errors)
}

/// `[[plan]] target` and `[[claims]] value` of the `nth` entry of `table`: numbers.
pub fn finite(
    table: &str,
    nth: usize,
    key: &str,
    value: f64,
    text: &str,
    file: &str,
) -> Result<(), ConfigError> {
    if value.is_finite() {
        return Ok(());
    }
    Err(ConfigError {
        file: file.to_string(),
        line: line_in_entry(text, table, nth, key),
        message: format!("`{key}`: `{value}` is not a number"),
        also: Vec::new(),
    })
}

/// The line of `key = …` in the `nth` (from 0) `[[table]]` entry.
fn line_in_entry(text: &str, table: &str, nth: usize, key: &str) -> Option<usize> {
    let header = format!("[[{table}]]");
    // Which entry of `table` the line is in; `None` inside any other table.
    let mut current: Option<usize> = None;
    let mut entries = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            current = t.starts_with(&header).then_some(entries);
            entries += usize::from(current.is_some());
            continue;
        }
        let is_key = t
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='));
        if current == Some(nth) && is_key {
            return Some(i + 1);
        }
    }
    None
}

/// `[[mapping]]`: known kinds and columns, whether or not a file matches.
pub fn mappings(entries: &[Mapping], text: &str, file: &str) -> Result<(), ConfigError> {
    for m in entries {
        if let Err(why) = crate::import::platform::check_mapping(m) {
            return Err(error(file, text, "kind", &m.kind, why));
        }
    }
    Ok(())
}

/// A benchmark row of the user's: a known formula, a finite median of 0 or more, a tier whose
/// minimum is under its maximum.
pub fn benchmark(b: &crate::model::BenchmarkRow) -> Result<(), String> {
    if !crate::metrics::benchmarks::known_formula(&b.formula) {
        let known: Vec<&str> = crate::metrics::benchmarks::FORMULAS
            .iter()
            .map(|(f, _)| *f)
            .collect();
        return Err(format!(
            "[[benchmarks]] `formula = \"{}\"` is not one of {}",
            b.formula,
            known.join(", ")
        ));
    }
    if !b.median_pct.is_finite() || b.median_pct < 0.0 {
        return Err(format!(
            "[[benchmarks]] `median_pct = {}` must be a percent of 0 or more",
            b.median_pct
        ));
    }
    if let (Some(a), Some(z)) = (b.min_followers, b.max_followers) {
        if a >= z {
            return Err(format!(
                "[[benchmarks]] `min_followers = {a}` must be under `max_followers = {z}`"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_keys_are_upper_case_codes_and_mistakes_name_the_code() {
        assert!(country_key("DE").is_ok());
        assert!(country_key("de").unwrap_err().contains("write `DE`"));
        assert!(country_key("Germany").unwrap_err().contains("write `DE`"));
        assert!(country_key("🇩🇪").unwrap_err().contains("write `DE`"));
        assert!(country_key("ДЕ").unwrap_err().contains("such as DE"));
        assert!(country_key("XX").unwrap_err().contains("not an ISO"));
    }
}
