//! The HTML report: the Markdown report's content as one self-contained page (no scripts, no
//! external resources), every text from the exports escaped.

use super::groups::GROUPS;
use super::markdown::period_name;
use super::verdict;
use super::ReportInput;
use crate::format::{self, NO_VALUE};
use crate::model::Direction;
use std::fmt::Write;

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:1rem 0;display:block;max-width:100%;overflow-x:auto}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}\
td.n{text-align:right}.high{color:#b00;font-weight:bold}.medium{color:#a60}.low{color:#04a}.info{color:#666}\
.verdict{font-size:1.2rem}.no{color:#b00;font-weight:bold}\
.history td{text-align:center;width:2.2rem}td.genuine{background:#e3f4e3;color:#060}\
td.questionable{background:#fff1cc;color:#850}td.likely-inflated{background:#fbd5d5;color:#b00;font-weight:bold}\
td.insufficient-data{background:#ece6f5;color:#639}td.shown{outline:3px solid #222}\
p.insufficient-data strong{color:#639}span.about{color:#666}p.likely-inflated strong{color:#b00}p.questionable strong{color:#850}\
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:.5rem 1rem;margin:1rem 0}\
figure{margin:0}svg{width:100%;height:auto;display:block}\
@media (max-width:40rem){body{margin:1rem auto;font-size:15px}h1{font-size:1.4rem}td,th{padding:.2rem .3rem}\
.history td,.history th{width:auto;padding:.1rem .15rem;font-size:.75rem}}\
@page{size:A4;margin:14mm}\
@media print{body{max-width:none;margin:0;padding:0;font-size:10pt;color:#000}a{color:#000;text-decoration:none}\
h2,h3{break-after:avoid}table,figure,li{break-inside:avoid}.charts{grid-template-columns:repeat(3,1fr)}\
td.genuine,td.questionable,td.likely-inflated,td.insufficient-data{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// Every month's verdict: a row a year, each month a coloured cell, the report's period
/// outlined; then the flagged months with what flagged them.
fn history(o: &mut String, input: &ReportInput) {
    if input.history.is_empty() {
        return;
    }
    let period = &input.audit.summary.period;
    let _ = writeln!(
        o,
        "<h2>Every month's verdict</h2>\n<p>{}. {}; a blank month is before the first or after the last with data. The period of this report is outlined.</p>\n<table class=\"history\"><tr><th>year</th>{}</tr>",
        escape(&verdict::history_summary(input.history)),
        escape(verdict::legend(input.history)),
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            .iter()
            .map(|m| format!("<th>{m}</th>"))
            .collect::<String>()
    );
    for (year, slots) in verdict::by_year(input.history) {
        let _ = write!(o, "<tr><th>{year}</th>");
        for slot in slots {
            match slot {
                Some(m) => {
                    let shown = m.month.overlaps(period);
                    let _ = write!(
                        o,
                        "<td class=\"{}{}\" title=\"{}: {}\">{}</td>",
                        // A month without any row is left uncoloured.
                        if m.empty {
                            "empty"
                        } else {
                            m.verdict.level.as_str()
                        },
                        if shown { " shown" } else { "" },
                        escape(&period_name(&m.month)),
                        escape(&verdict::sentence(&m.verdict)),
                        verdict::month_mark(m)
                    );
                }
                None => o.push_str("<td></td>"),
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n");
    let flagged: Vec<_> = input
        .history
        .iter()
        .filter(|m| m.verdict.level.is_flagged())
        .collect();
    if !flagged.is_empty() {
        o.push_str("<ul>\n");
        for m in flagged {
            let _ = writeln!(
                o,
                "<li>{}: <strong class=\"{}\">{}</strong> ({})</li>",
                escape(&period_name(&m.month)),
                m.verdict.level.as_str(),
                escape(m.verdict.level.label()),
                escape(&verdict::reason(&m.verdict))
            );
        }
        o.push_str("</ul>\n");
    }
}

/// One numbered list of the questions the findings put to the agency.
fn questions(o: &mut String, input: &ReportInput) {
    let asked: Vec<_> = super::questions::asked(&input.audit.findings).collect();
    if asked.is_empty() {
        return;
    }
    o.push_str("<h2>Questions for the agency</h2>\n<ol>\n");
    for f in asked {
        let _ = writeln!(
            o,
            "<li>{} <span class=\"about\">({}: {})</span></li>",
            escape(&super::questions::question(f)),
            format::days(f.start, f.end),
            escape(&crate::text::fit_words(&f.title, 90))
        );
    }
    o.push_str("</ol>\n");
}

fn cell(s: &str) -> String {
    format!("<td class=\"n\">{}</td>", escape(s))
}

pub fn render(input: &ReportInput) -> String {
    let s = &input.audit.summary;
    let a = input.account;
    let cur = a.config.account.currency.clone().unwrap_or_default();
    let mut o = String::new();
    let title = format!("{}: SMM audit, {}", a.name(), period_name(&s.period));
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        o,
        "<p>{} to {} ({} days), compared with {} to {}; time zone {}{}.</p>",
        s.period.start,
        s.period.end,
        s.period.days(),
        s.previous_period.start,
        s.previous_period.end,
        escape(&input.timezone),
        if cur.is_empty() {
            String::new()
        } else {
            format!("; amounts in {}", escape(&cur))
        }
    );
    let v = &input.audit.verdict;
    let _ = writeln!(
        o,
        "<p class=\"verdict {}\">Growth verdict: <strong>{}</strong>. {}.</p>",
        v.level.as_str(),
        escape(&verdict::title(v.level)),
        escape(&verdict::capitalised(&verdict::reason(v)))
    );
    if let Some(others) = verdict::others(v, &input.audit.findings) {
        let _ = writeln!(o, "<p>{}.</p>", escape(&verdict::capitalised(&others)));
    }
    if let Some(changed) = verdict::changed_thresholds(input.thresholds) {
        let _ = writeln!(o, "<p>{}</p>", escape(&changed));
    }
    history(&mut o, input);
    o.push_str(&super::svg::charts(
        &input.audit.charts,
        &s.period.start.format("%b").to_string(),
    ));
    o.push_str("<h2>Findings</h2>\n");
    if input.audit.findings.is_empty() {
        o.push_str("<p>The rules found nothing to flag in this period.</p>\n");
    }
    for f in &input.audit.findings {
        let sev = f.severity.as_str();
        let _ = writeln!(
            o,
            "<h3 class=\"{sev}\">[{}] {}</h3>\n<p><em>{}, {} – {}</em></p>\n<p>{}</p>",
            sev.to_uppercase(),
            escape(&f.title),
            f.rule,
            f.start,
            f.end,
            escape(&f.detail)
        );
        if !f.evidence.is_empty() {
            o.push_str("<table>");
            for (label, values) in f.evidence.for_people(&cur, 10) {
                let values: Vec<String> = values.iter().map(|v| escape(v)).collect();
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    escape(&label),
                    values.join("<br>")
                );
            }
            o.push_str("</table>\n");
        }
    }
    questions(&mut o, input);
    o.push_str("<h2>Plan vs actual</h2>\n");
    if s.plan.is_empty() {
        o.push_str("<p>No planned KPI applies to this period.</p>\n");
    } else {
        o.push_str("<table><tr><th>KPI</th><th>target</th><th>actual</th><th>met</th></tr>\n");
        for p in &s.plan {
            let sign = if p.direction == Direction::AtLeast {
                "≥"
            } else {
                "≤"
            };
            let text = escape(&verdict::plan_met(p, &cur));
            let met = if verdict::plan_failed(p) {
                format!("<span class=\"no\">{text}</span>")
            } else {
                text
            };
            let _ = writeln!(
                o,
                "<tr><td>{}</td>{}{}<td>{met}</td></tr>",
                escape(&super::contract::label(p.kpi, &s.changes)),
                cell(&format!(
                    "{sign} {}",
                    format::value(p.kpi, Some(p.target), &cur)
                )),
                cell(&format::value(p.kpi, p.actual, &cur))
            );
        }
        o.push_str("</table>\n");
    }
    o.push_str("<h2>The agency's figures vs the platform's</h2>\n");
    if s.claims.is_empty() {
        o.push_str("<p>No claim recorded for this period.</p>\n");
    } else {
        o.push_str(
            "<table><tr><th>KPI</th><th>claimed</th><th>measured</th><th>differs by</th><th>the claim equals</th></tr>\n",
        );
        for c in &s.claims {
            let diff = c.diff_pct.map_or(NO_VALUE.to_string(), |d| {
                format!(
                    "{}{} %",
                    if d > 0.0 { "+" } else { "" },
                    format::group(d, 2)
                )
            });
            let _ = writeln!(
                o,
                "<tr><td>{}</td>{}{}{}<td>{}</td></tr>",
                escape(&super::contract::label(c.kpi, &s.changes)),
                cell(&format::value(c.kpi, Some(c.claimed), &cur)),
                cell(&format::value(c.kpi, c.actual, &cur)),
                cell(&diff),
                escape(&verdict::claim_matches(
                    c,
                    input.thresholds.get("claims_match_pct"),
                    &cur
                ))
            );
        }
        o.push_str("</table>\n");
        for c in &s.claims {
            if let Some(note) = verdict::claim_flagged(c, input.audit.flagged_followers) {
                let _ = writeln!(o, "<p>{}.</p>", escape(&note));
            }
        }
    }
    if let Some(c) = &s.contract {
        let _ = writeln!(
            o,
            "<h2>Before and during the contract</h2>\n<p>{}</p>\n<table><tr>{}</tr>",
            escape(&super::contract::sentence(c)),
            super::contract::HEADER
                .iter()
                .map(|h| format!("<th>{h}</th>"))
                .collect::<String>()
        );
        for r in super::contract::rows(c, &cur) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td>{}</tr>",
                escape(&r[0]),
                r[1..].iter().map(|x| cell(x)).collect::<String>()
            );
        }
        o.push_str("</table>\n");
        for note in super::contract::change_notes(&c.changes)
            .into_iter()
            .chain(super::contract::flagged_note(c))
        {
            let _ = writeln!(o, "<p class=\"about\">{}</p>", escape(&note));
        }
    }
    if let Some(why) = &s.benchmarks_absent {
        let _ = writeln!(
            o,
            "<h2>Against published benchmarks</h2>\n<p>{}</p>",
            escape(why)
        );
    }
    if !s.benchmarks.is_empty() {
        let _ = writeln!(
            o,
            "<h2>Against published benchmarks</h2>\n<p>{}</p>\n<table><tr><th>typical</th><th>the source's formula</th><th>this account by it</th></tr>",
            escape(super::contract::BENCHMARK_NOTE)
        );
        for r in super::contract::benchmark_rows(&s.benchmarks) {
            let _ = writeln!(
                o,
                "<tr><td>{}</td><td>{}</td>{}</tr>",
                escape(&r[0]),
                escape(&r[1]),
                cell(&r[2])
            );
        }
        o.push_str("</table>\n");
    }
    let by = s.top_posts_by;
    let (first, last) = format::ranked_headers(by);
    let _ = writeln!(
        o,
        "<h2>Top 5 posts by {}</h2>\n<table><tr><th>#</th><th>published</th><th>type</th><th>caption</th><th>{first}</th><th>engagements</th><th>ER post</th><th>{last}</th></tr>",
        by.label()
    );
    for r in &s.top_posts {
        let p = &r.post;
        let (first, last) = format::ranked_values(by, p, &r.rates);
        let caption = if p.permalink.starts_with("https://") {
            format!(
                "<a href=\"{}\">{}</a>",
                escape(&p.permalink),
                escape(&p.caption)
            )
        } else {
            escape(&p.caption)
        };
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{caption}</td>{}{}{}{}</tr>",
            r.rank,
            p.published_at.format("%Y-%m-%d %H:%M"),
            p.kind.as_str(),
            cell(&first),
            cell(&format::value(
                crate::metrics::Kpi::Engagements,
                r.rates.engagements,
                ""
            )),
            cell(&format::value(
                crate::metrics::Kpi::ErPostPct,
                r.rates.er_post_pct,
                ""
            )),
            cell(&last)
        );
    }
    o.push_str("</table>\n");
    let _ = writeln!(
        o,
        "<h2>KPIs</h2>\n<table><tr><th>KPI</th><th>{}</th><th>{}</th><th>change</th></tr>",
        escape(&period_name(&s.period)),
        escape(&period_name(&s.previous_period))
    );
    for (group, keys) in GROUPS {
        let _ = writeln!(o, "<tr><th colspan=\"4\">{group}</th></tr>");
        for kpi in keys.iter().copied() {
            let (now, before) = (s.kpis.get(kpi), s.previous.get(kpi));
            let _ = writeln!(
                o,
                "<tr><td>{} <code>{}</code></td>{}{}{}</tr>",
                escape(&super::contract::label(kpi, &s.changes)),
                kpi.key(),
                cell(&format::value(kpi, now, &cur)),
                cell(&format::value(kpi, before, &cur)),
                cell(&format::change(kpi, now, before))
            );
        }
    }
    o.push_str("</table>\n");
    for note in super::contract::change_notes(&s.changes) {
        let _ = writeln!(o, "<p class=\"about\">{}</p>", escape(&note));
    }
    o.push_str(
        "<h2>Data sources</h2>\n<table><tr><th>file</th><th>read as</th><th>rows</th><th>encoding</th><th>gives</th></tr>\n",
    );
    for src in &input.load.sources {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td>{}<td>{}</td><td>{}</td></tr>",
            escape(&src.file),
            escape(&src.format),
            cell(&src.rows.to_string()),
            escape(&src.encoding),
            escape(&src.supplies)
        );
    }
    o.push_str("</table>\n");
    if !input.load.warnings.is_empty() {
        o.push_str("<ul>\n");
        for w in &input.load.warnings {
            let _ = writeln!(o, "<li>{}</li>", escape(&w.to_string()));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script>&\u{1b}[31m"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;␛[31m"
        );
        assert_eq!(escape("a\"b"), "a&quot;b");
    }
}
