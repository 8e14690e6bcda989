//! The portfolio written out: a table for the terminal, Markdown, JSON, CSV, HTML.

use super::Row;
use crate::format::{self, NO_VALUE};
use crate::metrics::Kpi;
use serde_json::{json, Value};
use std::fmt::Write;

/// The columns, in order.
pub const HEADER: [&str; 15] = [
    "account",
    "platform",
    "month",
    "verdict",
    "flagged months (12)",
    "followers",
    "growth",
    "ER post",
    "reach/follower",
    "plan met",
    "plan missed",
    "findings (medium+)",
    "last data",
    "set aside",
    "note",
];

fn verdict(r: &Row) -> String {
    match (&r.error, r.verdict) {
        (Some(_), _) => "not read".to_string(),
        (None, _) if r.not_audited.is_some() => "not audited".to_string(),
        (None, Some(v)) => v.label().to_string(),
        (None, None) => NO_VALUE.to_string(),
    }
}

fn note(r: &Row) -> String {
    match r.error.as_ref().or(r.not_audited.as_ref()) {
        Some(e) => e.clone(),
        None if r.stale => format!(
            "stale: no daily data in the last {} days",
            super::STALE_DAYS
        ),
        None => String::new(),
    }
}

/// A row's cells for people.
pub fn cells(r: &Row) -> [String; 15] {
    let v = |k: Kpi, x: Option<f64>| format::value(k, x, "");
    [
        crate::text::one_line(&r.name),
        r.platform.clone().unwrap_or_else(|| NO_VALUE.to_string()),
        r.month
            .and_then(|m| m.month_key())
            .unwrap_or_else(|| NO_VALUE.to_string()),
        verdict(r),
        r.flagged_months.to_string(),
        v(Kpi::FollowersEnd, r.followers_end),
        v(Kpi::GrowthPct, r.growth_pct),
        v(Kpi::ErPostPct, r.er_post_pct),
        v(Kpi::ReachPerFollowerPct, r.reach_per_follower_pct),
        r.plan_met.to_string(),
        r.plan_missed.to_string(),
        r.findings.to_string(),
        r.last_day
            .map_or_else(|| NO_VALUE.to_string(), |d| d.to_string()),
        r.set_aside.to_string(),
        crate::text::one_line(&note(r)),
    ]
}

/// Every row's cells, where accounts that share a name are told apart by their folder
/// (`Nordic Bikes (clients/nordic-01)`).
fn all_cells(rows: &[Row]) -> Vec<[String; 15]> {
    let mut names: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for r in rows {
        *names.entry(r.name.as_str()).or_insert(0) += 1;
    }
    rows.iter()
        .map(|r| {
            let mut c = cells(r);
            if names.get(r.name.as_str()).is_some_and(|n| *n > 1) && r.name != r.folder {
                c[0] = format!("{} ({})", c[0], crate::text::one_line(&r.folder));
            }
            c
        })
        .collect()
}

/// Aligned columns for the terminal.
pub fn table(rows: &[Row]) -> String {
    let all = all_cells(rows);
    let mut widths = HEADER.map(|h| h.chars().count());
    for r in &all {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            // Text left, numbers right.
            if matches!(i, 0..=3 | 12 | 14) {
                let _ = write!(l, "{c:<w$}  ");
            } else {
                let _ = write!(l, "{c:>w$}  ");
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&HEADER.map(String::from));
    for r in &all {
        line(r);
    }
    out
}

pub fn markdown(rows: &[Row]) -> String {
    let esc = crate::report::markdown::escape;
    let mut out = format!(
        "# Portfolio: {} account{}\n\nMost at risk first: likely inflated, questionable, not enough data to judge (and accounts that could not be read), genuine; then by findings. Each account's figures are of its last whole month.\n\n| {} |\n|{}\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        HEADER.join(" | "),
        " --- |".repeat(HEADER.len())
    );
    for c in all_cells(rows) {
        let c: Vec<String> = c.iter().map(|x| esc(x)).collect();
        let _ = writeln!(out, "| {} |", c.join(" | "));
    }
    out
}

/// CSV for a spreadsheet: machine values (plain numbers, ISO dates, empty for no value)
/// under the JSON names.
pub fn csv(rows: &[Row]) -> String {
    const KEYS: [&str; 18] = [
        "folder",
        "name",
        "platform",
        "month",
        "verdict",
        "flagged_months_12",
        "followers_end",
        "growth_pct",
        "er_post_pct",
        "reach_per_follower_pct",
        "plan_met",
        "plan_missed",
        "findings_medium_or_above",
        "last_day",
        "stale",
        "set_aside",
        "error",
        "not_audited",
    ];
    let n = |v: Option<f64>| v.map_or(String::new(), |x| x.to_string());
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(KEYS);
    for r in rows {
        let _ = w.write_record([
            r.folder.clone(),
            r.name.clone(),
            r.platform.clone().unwrap_or_default(),
            r.month.and_then(|m| m.month_key()).unwrap_or_default(),
            r.verdict.map_or(String::new(), |v| v.as_str().to_string()),
            r.flagged_months.to_string(),
            n(r.followers_end),
            n(r.growth_pct),
            n(r.er_post_pct),
            n(r.reach_per_follower_pct),
            r.plan_met.to_string(),
            r.plan_missed.to_string(),
            r.findings.to_string(),
            r.last_day.map_or(String::new(), |d| d.to_string()),
            r.stale.to_string(),
            r.set_aside.to_string(),
            r.error.clone().unwrap_or_default(),
            r.not_audited.clone().unwrap_or_default(),
        ]);
    }
    let _ = w.flush();
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn number(v: Option<f64>) -> Value {
    crate::report::json::number(v)
}

pub fn json(rows: &[Row]) -> String {
    let list: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                "folder": r.folder,
                "name": r.name,
                "platform": r.platform,
                "month": r.month.and_then(|m| m.month_key()),
                "verdict": r.verdict.map(|v| v.as_str()),
                "flagged_months_12": r.flagged_months,
                "followers_end": number(r.followers_end),
                "growth_pct": number(r.growth_pct),
                "er_post_pct": number(r.er_post_pct),
                "reach_per_follower_pct": number(r.reach_per_follower_pct),
                "plan_met": r.plan_met,
                "plan_missed": r.plan_missed,
                "findings_medium_or_above": r.findings,
                "worst_severity": r.worst.map(|s| s.as_str()),
                "last_day": r.last_day.map(|d| d.to_string()),
                "stale": r.stale,
                "set_aside": r.set_aside,
                "error": r.error,
                "not_audited": r.not_audited,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({
        "schema": "smm-audit/portfolio/v1",
        "accounts": list,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}

pub fn html(rows: &[Row]) -> String {
    let esc = crate::report::html::escape;
    let mut o = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>Portfolio</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}tr.likely-inflated td:nth-child(4){background:#fbd5d5;color:#b00;font-weight:bold}tr.questionable td:nth-child(4){background:#fff1cc;color:#850}tr.genuine td:nth-child(4){background:#e3f4e3;color:#060}tr.insufficient-data td:nth-child(4),tr.unread td:nth-child(4){background:#ece6f5;color:#639}</style></head><body>\n",
    );
    let _ = writeln!(
        o,
        "<h1>Portfolio: {} account{}</h1>\n<p>Most at risk first; each account's figures are of its last whole month.</p>\n<table><tr>{}</tr>",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" },
        HEADER.iter().map(|h| format!("<th>{h}</th>")).collect::<String>()
    );
    for (r, c) in rows.iter().zip(all_cells(rows)) {
        let class = match (&r.error, r.verdict) {
            (Some(_), _) | (None, None) => "unread",
            (None, Some(v)) => v.as_str(),
        };
        let c: String = c.iter().map(|x| format!("<td>{}</td>", esc(x))).collect();
        let _ = writeln!(o, "<tr class=\"{class}\">{c}</tr>");
    }
    o.push_str("</table>\n</body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(folder: &str, name: &str) -> Row {
        let mut r = Row::failed(folder.to_string(), "unreadable".into());
        r.name = name.to_string();
        r
    }

    #[test]
    fn accounts_that_share_a_name_are_told_apart_by_their_folder() {
        let rows = [
            named("clients/a", "Shop"),
            named("clients/b", "Shop"),
            named("c", "Cafe"),
        ];
        let md = markdown(&rows);
        assert!(md.contains("| Shop (clients/a) |"), "{md}");
        assert!(md.contains("| Shop (clients/b) |"), "{md}");
        assert!(md.contains("| Cafe |"), "{md}");
        assert!(table(&rows).contains("Shop (clients/b)"));
        assert!(html(&rows).contains("<td>Shop (clients/a)</td>"));
    }
}
