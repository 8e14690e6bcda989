//! The Markdown report: the one page an owner forwards to the agency (kpis.md, "The monthly
//! report").

use super::groups::GROUPS;
use super::verdict;
use super::ReportInput;
use crate::format::{self, NO_VALUE};
use crate::metrics::{Kpi, PeriodSummary};
use crate::model::Period;
use std::fmt::Write;

/// Text from exports made safe for Markdown: one line, control characters dropped, the
/// characters that Markdown or HTML would interpret escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(ch);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// At most `n` characters, with an ellipsis when cut.
fn cut(text: &str, n: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        one_line
    } else {
        format!("{}…", one_line.chars().take(n - 1).collect::<String>())
    }
}

pub(crate) fn period_name(p: &Period) -> String {
    match p.month_key() {
        Some(_) => p.start.format("%B %Y").to_string(),
        None => format!("{} – {}", p.start, p.end),
    }
}

pub fn render(input: &ReportInput) -> String {
    let mut out = String::new();
    let s = &input.audit.summary;
    let account = input.account;
    let cur = account.config.account.currency.clone().unwrap_or_default();
    let platform = account.config.account.platform.clone().unwrap_or_default();
    let demo = if input.demo { " (demo data)" } else { "" };
    let _ = writeln!(
        out,
        "# {}: SMM audit, {}{demo}\n",
        escape(account.name()),
        period_name(&s.period)
    );
    let mut facts = vec![format!(
        "period {} to {} ({} days), compared with {} to {}",
        s.period.start,
        s.period.end,
        s.period.days(),
        s.previous_period.start,
        s.previous_period.end
    )];
    if !platform.is_empty() {
        facts.insert(0, format!("Platform: {}", escape(&platform)));
    }
    if !cur.is_empty() {
        facts.push(format!("amounts in {}", escape(&cur)));
    }
    facts.push(format!("time zone {}", escape(&input.timezone)));
    let _ = writeln!(out, "{}.\n", facts.join("; "));
    // What the owner forwards: the verdict and every month's, the findings and the questions
    // they put, then the plan, the claims, the posts and the KPIs.
    verdict(&mut out, input);
    history(&mut out, input);
    findings(&mut out, input);
    questions(&mut out, input);
    plan(&mut out, s, &cur);
    claims(&mut out, s, &cur, input.thresholds.get("claims_match_pct"));
    for c in &s.claims {
        if let Some(note) = verdict::claim_flagged(c, input.audit.flagged_followers) {
            let _ = writeln!(out, "{}.\n", escape(&note));
        }
    }
    contract(&mut out, s, &cur);
    benchmarks(&mut out, s);
    top_posts(&mut out, s);
    headline(&mut out, s, &cur);
    flagged(&mut out, input, &cur);
    kpi_table(&mut out, s, &cur);
    sources(&mut out, input);
    out
}

fn verdict(out: &mut String, input: &ReportInput) {
    let v = &input.audit.verdict;
    let _ = writeln!(
        out,
        "**Growth verdict: {}.** {}.\n",
        verdict::title(v.level),
        escape(&verdict::capitalised(&verdict::reason(v)))
    );
    if let Some(others) = verdict::others(v, &input.audit.findings) {
        let _ = writeln!(out, "{}.\n", escape(&verdict::capitalised(&others)));
    }
    if let Some(changed) = verdict::changed_thresholds(input.thresholds) {
        let _ = writeln!(out, "{}\n", escape(&changed));
    }
}

/// Every month of the data with its verdict: one row a year, the period's months in bold,
/// then the flagged months with what flagged them.
fn history(out: &mut String, input: &ReportInput) {
    if input.history.is_empty() {
        return;
    }
    let period = &input.audit.summary.period;
    let _ = writeln!(out, "## Every month's verdict\n");
    let _ = writeln!(
        out,
        "{}. {}; a blank month is before the first or after the last with data. The period of this report is in bold.\n",
        verdict::history_summary(input.history),
        verdict::legend(input.history)
    );
    let _ = writeln!(
        out,
        "| year | Jan | Feb | Mar | Apr | May | Jun | Jul | Aug | Sep | Oct | Nov | Dec |\n| --- |{}",
        " :---: |".repeat(12)
    );
    for (year, slots) in verdict::by_year(input.history) {
        let cells: Vec<String> = slots
            .iter()
            .map(|m| match m {
                Some(m) if m.month.overlaps(period) => {
                    format!("**{}**", verdict::month_mark(m))
                }
                Some(m) => verdict::month_mark(m).to_string(),
                None => String::new(),
            })
            .collect();
        let _ = writeln!(out, "| {year} | {} |", cells.join(" | "));
    }
    out.push('\n');
    let flagged: Vec<_> = input
        .history
        .iter()
        .filter(|m| m.verdict.level.is_flagged())
        .collect();
    for m in &flagged {
        let _ = writeln!(
            out,
            "- {}: **{}** ({})",
            period_name(&m.month),
            m.verdict.level.label(),
            escape(&verdict::reason(&m.verdict))
        );
    }
    if !flagged.is_empty() {
        out.push('\n');
    }
}

fn headline(out: &mut String, s: &PeriodSummary, cur: &str) {
    let k = &s.kpis;
    let v = |kpi: Kpi| format::value(kpi, k.get(kpi), cur);
    let _ = writeln!(out, "## The month in brief\n");
    let growth = match k.get(Kpi::NetGrowth) {
        Some(n) => format!(
            "{} ({})",
            format::signed_count(n),
            format::value(Kpi::GrowthPct, k.get(Kpi::GrowthPct), cur)
        ),
        None => NO_VALUE.to_string(),
    };
    let lines = [
        format!("- Followers on {}: {}; growth in the period: {growth}", s.period.end, v(Kpi::FollowersEnd)),
        format!("- Reach (daily reach summed, not unique people): {}; views: {}", v(Kpi::Reach), v(Kpi::Impressions)),
        format!("- Posts: {} ({} a week)", v(Kpi::Posts), v(Kpi::PostsPerWeek)),
        format!(
            "- ER post: {} (Love {} / Talk {} / Amplification {}); ERR: {}",
            v(Kpi::ErPostPct),
            v(Kpi::LoveRatePct),
            v(Kpi::TalkRatePct),
            v(Kpi::AmplificationRatePct),
            v(Kpi::ErrPct)
        ),
        format!(
            "- Site visitors from social (summed by day): {}; sessions: {}; leads: {} (conversion rate {})",
            v(Kpi::Visitors),
            v(Kpi::Sessions),
            v(Kpi::Leads),
            v(Kpi::ConversionRatePct)
        ),
        format!(
            "- Cost per new follower: {}; per click: {}; per lead: {}",
            v(Kpi::CostPerFollower),
            v(Kpi::Cpc),
            v(Kpi::Cpl)
        ),
    ];
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

/// The month's growth and cost of a follower without the followers the rules flagged, so that
/// bought followers cannot make the month look better (rules.md).
fn flagged(out: &mut String, input: &ReportInput, cur: &str) {
    let Some(n) = input.audit.flagged_followers else {
        return;
    };
    let k = &input.audit.summary.kpis;
    let without = |kpi| crate::metrics::without_flagged(kpi, n, k).flatten();
    let (net, cost) = (without(Kpi::NetGrowth), without(Kpi::CostPerFollower));
    let _ = writeln!(
        out,
        "Without the {} followers the rules flag this month: net growth {}, cost per new follower {}.\n",
        format::count(n.round()),
        net.map_or(NO_VALUE.to_string(), format::signed_count),
        format::value(Kpi::CostPerFollower, cost, cur)
    );
}

fn kpi_table(out: &mut String, s: &PeriodSummary, cur: &str) {
    let _ = writeln!(out, "## KPIs\n");
    let _ = writeln!(
        out,
        "Changes are in percentage points (pp) for percentages and relative (%) for everything else.\n"
    );
    let _ = writeln!(
        out,
        "| KPI | key | {} | {} | change |\n| --- | --- | ---: | ---: | ---: |",
        period_name(&s.period),
        period_name(&s.previous_period)
    );
    for (group, keys) in GROUPS {
        let _ = writeln!(out, "| **{group}** | | | | |");
        for kpi in keys.iter().copied() {
            let (now, before) = (s.kpis.get(kpi), s.previous.get(kpi));
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {} | {} |",
                escape(&super::contract::label(kpi, &s.changes)),
                kpi.key(),
                format::value(kpi, now, cur),
                format::value(kpi, before, cur),
                format::change(kpi, now, before)
            );
        }
    }
    out.push('\n');
    for note in super::contract::change_notes(&s.changes) {
        let _ = writeln!(out, "{}\n", escape(&note));
    }
}

fn plan(out: &mut String, s: &PeriodSummary, cur: &str) {
    let _ = writeln!(out, "## Plan vs actual\n");
    if s.plan.is_empty() {
        let _ = writeln!(
            out,
            "No planned KPI applies to this period (`[[plan]]` in audit.toml).\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "| KPI | target | actual | met |\n| --- | ---: | ---: | :---: |"
    );
    for p in &s.plan {
        let sign = match p.direction {
            crate::model::Direction::AtLeast => "≥",
            crate::model::Direction::AtMost => "≤",
        };
        let met = if verdict::plan_failed(p) {
            format!("**{}**", verdict::plan_met(p, cur))
        } else {
            verdict::plan_met(p, cur)
        };
        let _ = writeln!(
            out,
            "| {} | {sign} {} | {} | {met} |",
            escape(&super::contract::label(p.kpi, &s.changes)),
            format::value(p.kpi, Some(p.target), cur),
            format::value(p.kpi, p.actual, cur)
        );
    }
    out.push('\n');
}

fn claims(out: &mut String, s: &PeriodSummary, cur: &str, match_pct: f64) {
    let _ = writeln!(out, "## The agency's figures vs the platform's\n");
    if s.claims.is_empty() {
        let _ = writeln!(
            out,
            "No claim recorded for this period (`[[claims]]` in audit.toml).\n"
        );
        return;
    }
    let _ = writeln!(
        out,
        "| KPI | claimed | measured | claim differs by | the claim equals |\n| --- | ---: | ---: | ---: | --- |"
    );
    for c in &s.claims {
        let diff = match c.diff_pct {
            Some(d) => format!(
                "{}{} %",
                if d > 0.0 { "+" } else { "" },
                format::group(d, 2)
            ),
            None => NO_VALUE.to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {diff} | {} |",
            escape(&super::contract::label(c.kpi, &s.changes)),
            format::value(c.kpi, Some(c.claimed), cur),
            format::value(c.kpi, c.actual, cur),
            escape(&super::verdict::claim_matches(c, match_pct, cur))
        );
    }
    out.push('\n');
}

fn contract(out: &mut String, s: &PeriodSummary, cur: &str) {
    let Some(c) = &s.contract else {
        return;
    };
    let _ = writeln!(
        out,
        "## Before and during the contract\n\n{}\n",
        escape(&super::contract::sentence(c))
    );
    let h = super::contract::HEADER;
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | ---: |",
        h[0], h[1], h[2], h[3], h[4]
    );
    for r in super::contract::rows(c, cur) {
        let cells: Vec<String> = r.iter().map(|x| escape(x)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
    for note in super::contract::change_notes(&c.changes)
        .into_iter()
        .chain(super::contract::flagged_note(c))
    {
        let _ = writeln!(out, "{}\n", escape(&note));
    }
}

fn benchmarks(out: &mut String, s: &PeriodSummary) {
    if let Some(why) = &s.benchmarks_absent {
        let _ = writeln!(out, "## Against published benchmarks\n\n{}\n", escape(why));
    }
    if s.benchmarks.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Against published benchmarks\n\n{}\n\n| typical | the source's formula | this account by it |\n| --- | --- | ---: |",
        escape(super::contract::BENCHMARK_NOTE)
    );
    for r in super::contract::benchmark_rows(&s.benchmarks) {
        let cells: Vec<String> = r.iter().map(|x| escape(x)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn top_posts(out: &mut String, s: &PeriodSummary) {
    let by = s.top_posts_by;
    let _ = writeln!(out, "## Top 5 posts by {}\n", by.label());
    if s.top_posts.is_empty() {
        let _ = writeln!(out, "No post of this period has a reach or views value.\n");
        return;
    }
    let (first, last) = format::ranked_headers(by);
    let _ = writeln!(
        out,
        "| # | published | type | caption | {first} | engagements | ER post | {last} |\n| ---: | --- | --- | --- | ---: | ---: | ---: | ---: |"
    );
    for r in &s.top_posts {
        let (first, last) = format::ranked_values(by, &r.post, &r.rates);
        let p = &r.post;
        let caption = escape(&cut(&p.caption, 60));
        let caption = if p.permalink.starts_with("https://") {
            format!(
                "[{caption}](<{}>)",
                p.permalink.replace(['<', '>', ' '], "")
            )
        } else {
            caption
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            r.rank,
            p.published_at.format("%Y-%m-%d %H:%M"),
            p.kind.as_str(),
            caption,
            first,
            format::value(Kpi::Engagements, r.rates.engagements, ""),
            format::value(Kpi::ErPostPct, r.rates.er_post_pct, ""),
            last
        );
    }
    out.push('\n');
}

fn findings(out: &mut String, input: &ReportInput) {
    let _ = writeln!(out, "## Findings\n");
    let list = &input.audit.findings;
    if list.is_empty() {
        let _ = writeln!(out, "The rules found nothing to flag in this period.\n");
        return;
    }
    for f in list {
        let dates = format::days(f.start, f.end);
        let _ = writeln!(
            out,
            "### [{}] {}\n\n*{}, {dates}*\n\n{}\n",
            f.severity.as_str().to_uppercase(),
            escape(&f.title),
            f.rule,
            escape(&f.detail)
        );
        if !f.evidence.is_empty() {
            let _ = writeln!(out, "| evidence | value |\n| --- | --- |");
            let cur = input
                .account
                .config
                .account
                .currency
                .clone()
                .unwrap_or_default();
            for (label, values) in f.evidence.for_people(&cur, 10) {
                let values: Vec<String> = values.iter().map(|v| escape(&cut(v, 300))).collect();
                let _ = writeln!(out, "| {} | {} |", escape(&label), values.join("<br>"));
            }
            out.push('\n');
        }
        if !f.posts.is_empty() {
            let ids: Vec<String> = f.posts.iter().map(|p| escape(p)).collect();
            let _ = writeln!(out, "Posts: {}\n", ids.join(", "));
        }
    }
}

/// One numbered list of the questions the findings put to the agency.
fn questions(out: &mut String, input: &ReportInput) {
    let asked: Vec<_> = super::questions::asked(&input.audit.findings).collect();
    if asked.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Questions for the agency\n");
    for (i, f) in asked.iter().enumerate() {
        let dates = format::days(f.start, f.end);
        let _ = writeln!(
            out,
            "{}. {} ({dates}: {})",
            i + 1,
            escape(&super::questions::question(f)),
            escape(&crate::text::fit_words(&f.title, 90))
        );
    }
    out.push('\n');
}

fn sources(out: &mut String, input: &ReportInput) {
    let _ = writeln!(out, "## Data sources\n");
    let _ = writeln!(
        out,
        "| file | read as | rows | encoding | gives |\n| --- | --- | ---: | --- | --- |"
    );
    for s in &input.load.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&s.file),
            s.format,
            s.rows,
            escape(&s.encoding),
            escape(&s.supplies)
        );
    }
    for s in &input.load.skipped {
        let _ = writeln!(
            out,
            "| {} | {}: {} | | | |",
            escape(&s.file),
            if s.set_aside {
                "**set aside, not used**"
            } else {
                "skipped"
            },
            escape(&s.reason)
        );
    }
    out.push('\n');
    if !input.load.warnings.is_empty() {
        let _ = writeln!(out, "Warnings while loading:\n");
        for w in &input.load.warnings {
            let _ = writeln!(out, "- {}", escape(&w.to_string()));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "Numbers come from the platform's own exports. \"{NO_VALUE}\" means no value: the data needed for it is missing, or it would divide by zero."
    );
}
