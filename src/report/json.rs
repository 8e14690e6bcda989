//! The JSON report (interface.md, "JSON report"): one object with fixed keys.

use super::ReportInput;
use crate::audit::MonthVerdict;
use crate::metrics::{Kpi, Kpis, RankedPost};
use crate::model::Period;
use serde_json::{json, Map, Number, Value};

/// A number as JSON: whole numbers as integers, "no value" as `null`, never NaN or infinity.
pub fn number(v: Option<f64>) -> Value {
    match v {
        Some(x) if x.is_finite() => {
            if x.fract() == 0.0 && x.abs() < 9.0e15 {
                Value::Number(Number::from(x as i64))
            } else {
                Number::from_f64(x).map_or(Value::Null, Value::Number)
            }
        }
        _ => Value::Null,
    }
}

fn period(p: &Period) -> Value {
    json!({"start": p.start.to_string(), "end": p.end.to_string(), "days": p.days()})
}

fn kpis(k: &Kpis) -> Value {
    let mut m = Map::new();
    for (kpi, v) in k.iter() {
        m.insert(kpi.key().to_string(), number(v));
    }
    Value::Object(m)
}

fn post(r: &RankedPost) -> Value {
    let p = &r.post;
    json!({
        "rank": r.rank,
        "post_id": p.id,
        "published_at": p.published_at.to_rfc3339(),
        "type": p.kind.as_str(),
        "caption": p.caption,
        "permalink": p.permalink,
        "reach": number(p.reach),
        "impressions": number(p.impressions),
        "likes": number(p.likes.value()),
        "comments": number(p.comments.value()),
        "shares": number(p.shares.value()),
        "saves": number(p.saves.value()),
        "engagements": number(r.rates.engagements),
        "er_post_pct": number(r.rates.er_post_pct),
        "err_pct": number(r.rates.err_pct),
        "er_view_pct": number(r.rates.er_view_pct),
    })
}

fn month(m: &MonthVerdict) -> Value {
    json!({
        "month": m.month.month_key().unwrap_or_else(|| m.month.start.to_string()),
        "level": m.verdict.level,
        "families": m.verdict.families,
        "because": m.verdict.because,
        "missing": m.verdict.missing,
        "findings": m.findings,
        "followers_end": number(m.followers_end),
        "net_growth": number(m.net_growth),
        "reach": number(m.reach),
        "er_post_pct": number(m.er_post_pct),
    })
}

/// The report as a JSON value.
pub fn to_value(input: &ReportInput) -> Value {
    let account = input.account;
    let s = &input.audit.summary;
    let info = &account.config.account;
    let plan: Vec<Value> = s
        .plan
        .iter()
        .map(|p| {
            let mut entry = json!({
                "kpi": p.kpi.key(),
                "target": number(Some(p.target)),
                "direction": p.direction.as_str(),
                "actual": number(p.actual),
                "met": p.met,
            });
            if let (Some(w), Some(m)) = (p.without_flagged, entry.as_object_mut()) {
                m.insert("without_flagged".into(), number(w.value));
                m.insert("met_without_flagged".into(), json!(w.met));
                m.insert("flagged_followers".into(), number(Some(w.flagged)));
            }
            entry
        })
        .collect();
    let claims: Vec<Value> = s
        .claims
        .iter()
        .map(|c| {
            let definitions: Vec<Value> = c
                .definitions
                .iter()
                .map(|d| json!({"id": d.id, "value": number(d.value), "diff_pct": number(d.diff_pct)}))
                .collect();
            json!({
                "kpi": c.kpi.key(),
                "claimed": number(Some(c.claimed)),
                "actual": number(c.actual),
                "diff_pct": number(c.diff_pct),
                "definitions": definitions,
                "matches": c.matches(input.thresholds.get("claims_match_pct")),
            })
        })
        .collect();
    // kpis.md, "Before and during the contract".
    let contract = s.contract.as_ref().map_or(Value::Null, |c| {
        let kpis: serde_json::Map<String, Value> = c
            .rows
            .iter()
            .map(|r| {
                (
                    r.kpi.key().to_string(),
                    json!({
                        "before": number(r.before),
                        "during": number(r.during),
                        "after": number(r.after),
                        "change": number(r.change),
                    }),
                )
            })
            .collect();
        json!({
            "start": c.start.to_string(),
            "end": c.end.map(|d| d.to_string()),
            "months_before": c.before.iter().filter_map(|m| m.month_key()).collect::<Vec<_>>(),
            "months_during": c.during.iter().filter_map(|m| m.month_key()).collect::<Vec<_>>(),
            "months_after": c.after.iter().filter_map(|m| m.month_key()).collect::<Vec<_>>(),
            "flagged_followers_during": number(c.flagged_during),
            "net_growth_during_without_flagged": number(super::contract::net_growth_without_flagged(c)),
            "kpis": kpis,
        })
    });
    let findings: Vec<Value> = input
        .audit
        .findings
        .iter()
        .map(|f| serde_json::to_value(f).unwrap_or(Value::Null))
        .collect();
    json!({
        "schema": "smm-audit/report/v1",
        "account": {
            "name": account.name(),
            "platform": info.platform,
            "currency": info.currency,
            "timezone": input.timezone,
        },
        "period": period(&s.period),
        "previous_period": period(&s.previous_period),
        "sources": input.load.sources,
        "skipped": input.load.skipped,
        "warnings": input.load.warnings,
        "kpis": kpis(&s.kpis),
        "previous": kpis(&s.previous),
        "plan": plan,
        "claims": claims,
        "contract": contract,
        "metric_changes": s.changes.iter().map(|c| json!({
            "platform": c.platform,
            "date": c.date.to_string(),
            "kpis": c.kpis,
            "note": c.note,
            "source": c.source,
        })).collect::<Vec<_>>(),
        "benchmarks_absent": s.benchmarks_absent,
        "benchmarks": s.benchmarks.iter().map(|b| json!({
            "platform": b.row.platform,
            "formula": b.row.formula,
            "min_followers": b.row.min_followers,
            "max_followers": b.row.max_followers,
            "year": b.row.year,
            "median_pct": b.row.median_pct,
            "source": b.row.source,
            "account_value_pct": number(b.account),
        })).collect::<Vec<_>>(),
        "top_posts": s.top_posts.iter().map(post).collect::<Vec<_>>(),
        "top_posts_by": s.top_posts_by.label(),
        "verdict": input.audit.verdict,
        "thresholds_changed": input
            .thresholds
            .changed()
            .into_iter()
            .map(|(name, v, d)| (name.to_string(), json!({"value": number(Some(v)), "default": number(Some(d))})))
            .collect::<Map<String, Value>>(),
        "history": input.history.iter().map(month).collect::<Vec<_>>(),
        "findings": findings,
    })
}

/// The report as pretty-printed JSON text, ending in a newline.
pub fn render(input: &ReportInput) -> String {
    let mut text = serde_json::to_string_pretty(&to_value(input)).unwrap_or_default();
    text.push('\n');
    text
}

/// Every KPI key, in report order (for tests and the help screen).
pub fn kpi_keys() -> Vec<&'static str> {
    Kpi::ALL.iter().map(|k| k.key()).collect()
}
