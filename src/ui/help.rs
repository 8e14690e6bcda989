//! The help screen: every key (from the keymap table), every KPI and every rule.

use super::frame::panel;
use super::keymap::help_rows;
use super::Theme;
use crate::app::{App, Bounds};
use crate::metrics::Kpi;
use crate::report::verdict;
use crate::rules::help::RULES;
use crate::rules::VerdictLevel;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// One sentence on each KPI, in the project's own words (docs/kpis.md has the formulas).
pub fn kpi_help(k: Kpi) -> &'static str {
    use Kpi::*;
    match k {
        FollowersStart => "followers before the period began",
        FollowersEnd => "followers at the period's last day",
        NetGrowth => "followers at the end minus at the start",
        GrowthPct => "net growth as a percent of the start",
        Follows => "new followers, summed by day",
        Unfollows => "people who left, summed by day",
        NewFollowerRatePct => "new followers per 100 followers at the end",
        UnfollowRatePct => "unfollows per 100 followers at the start (churn)",
        Reach => "daily reach summed: not unique people",
        ReachPaid => "the paid part of daily reach",
        ReachOrganic => "the organic part of daily reach",
        Impressions => "all views, not unique",
        ReachPerFollowerPct => "a typical day's reach per 100 followers",
        PostReachMedian => "the reach of a typical post",
        ProfileVisits => "profile opens, summed by day",
        ProfileVisitRatePct => "profile opens per 100 of daily reach",
        Posts => "posts published in the period",
        PostsPerWeek => "posting frequency",
        Likes | Comments | Shares | Saves => "totals over the period's posts",
        Engagements => "likes + comments + shares (saves shown beside)",
        LoveRatePct => "likes per follower, averaged over posts (applause)",
        TalkRatePct => "comments per follower, averaged over posts (conversation)",
        AmplificationRatePct => "shares per follower, averaged over posts",
        ErPostPct => "engagements per follower, averaged over posts",
        ErDayPct => "engagements per day per follower",
        ErrPct => "engagements per reached account (ERR)",
        ErViewPct => "engagements per view",
        Clicks => "clicks to the site",
        CtrPct => "clicks per 100 views",
        Sessions => "site visits from social",
        Visitors => "site visitors from social, summed by day",
        BounceRatePct => "visits that left at once, weighted by sessions",
        AvgSessionSeconds => "time on site, weighted by sessions",
        PagesPerSession => "pages a visit, weighted by sessions",
        Conversions => "target actions on the site",
        ConversionRatePct => "conversions per 100 sessions",
        Leads => "applications, orders and calls from social",
        Spend => "ad spend in the period",
        Fee => "the contractor's fee for the period",
        Cost => "ad spend plus the fee",
        Cpm => "ad spend per 1,000 paid impressions",
        Cpc => "all SMM costs per click to the site",
        Cpl => "all SMM costs per lead",
        CostPerFollower => "all SMM costs per new follower",
        Revenue => "revenue attributed to social",
        RoiPct => "revenue minus costs, per 100 of costs",
        Questions => "messages received",
        Answered => "of those, the ones answered",
        ResponseRatePct => "answered per 100 received",
        ResponseMinutesMedian => "typical minutes to an answer",
    }
}

/// What each verdict means, for the help screen.
const VERDICTS: [(VerdictLevel, &str); 4] = [
    (
        VerdictLevel::Genuine,
        "nothing flagged, and the daily follower data was there to judge the month",
    ),
    (
        VerdictLevel::Questionable,
        "one kind of evidence (growth, engagement, audience or money) flagged at medium or high",
    ),
    (
        VerdictLevel::LikelyInflated,
        "two or more kinds flagged: one rule alone never concludes this",
    ),
    (
        VerdictLevel::InsufficientData,
        "nothing flagged, but the follower data does not cover the month; the header says what is missing",
    ),
];

pub fn help(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let block = panel("Help (↑↓ scroll, Esc back)", true, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let mut lines: Vec<Line> = vec![Line::from(Span::styled("Keys", theme.title))];
    for (keys, what) in help_rows() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<12}"), theme.accent),
            Span::raw(what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "The verdict: one per month; the strip under the header shows every month's",
        theme.title,
    )));
    for (level, what) in VERDICTS {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {} {:<26}", verdict::mark(level), level.label()),
                theme.verdict(level),
            ),
            Span::raw(what),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "KPIs (— means no value: the data is missing or it would divide by zero)",
        theme.title,
    )));
    for k in Kpi::ALL {
        lines.push(Line::from(vec![
            Span::styled(format!("  {:<26} ", k.label()), theme.accent),
            Span::raw(kpi_help(*k)),
            Span::styled(format!("  ({})", k.key()), theme.dim),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Rules: what each finding means, why it matters, what to ask",
        theme.title,
    )));
    for (id, what, why, ask) in RULES {
        lines.push(Line::from(Span::styled(format!("  {id}"), theme.accent)));
        lines.push(Line::from(format!("    {what} {why}")));
        lines.push(Line::from(Span::styled(
            format!("    Ask: {ask}"),
            theme.dim,
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "† Changes in how the platforms count: a comparison across one is marked",
        theme.title,
    )));
    for c in crate::metrics::changes::all() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} {}: ", c.platform, c.date), theme.accent),
            Span::raw(format!("{} ({})", c.note, c.source)),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Benchmarks: where the typical values come from",
        theme.title,
    )));
    lines.push(Line::from(format!(
        "  {}",
        crate::report::contract::BENCHMARK_NOTE
    )));
    for row in crate::metrics::benchmarks::table(&app.account.config.benchmarks) {
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {}{}: {} % ",
                    row.platform,
                    row.tier(),
                    crate::evidence::percent(row.median_pct)
                ),
                theme.accent,
            ),
            Span::raw(format!(
                "{}; {}",
                row.source,
                crate::metrics::benchmarks::formula_words(&row.formula)
            )),
        ]));
    }
    scrolled_page(f, inner, lines, app.help_scroll)
}

/// A page of text in `area`, wrapped, scrolled by `scroll` lines: it stops where its last line
/// is at the bottom. Returns how far it can scroll.
pub fn scrolled_page(f: &mut Frame, area: Rect, lines: Vec<Line<'_>>, scroll: u16) -> Bounds {
    // A column of margin on the right: a wrapped line never ends against the border, where a
    // number would look cut.
    let area = Rect {
        width: area.width.saturating_sub(1).max(1),
        ..area
    };
    let page = Paragraph::new(lines).wrap(Wrap { trim: false });
    let bounds = text_bounds(page.line_count(area.width), area);
    f.render_widget(page.scroll((scroll.min(bounds.max_scroll), 0)), area);
    bounds
}

/// The bounds of `lines` lines shown in `area`: the last line at the bottom, a page of the
/// area's height less one line (a line stays in view across the turn).
pub fn text_bounds(lines: usize, area: Rect) -> Bounds {
    let lines = u16::try_from(lines).unwrap_or(u16::MAX);
    Bounds {
        max_scroll: lines.saturating_sub(area.height),
        page: area.height.saturating_sub(1).max(1),
    }
}
