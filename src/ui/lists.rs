//! The Findings list and the KPIs panel (plan vs actual, claims vs measured, every KPI).

use super::frame::{focused, panel};
use super::Theme;
use crate::app::{App, Bounds, Focus};
use crate::format;
use crate::metrics::Kpi;
use crate::rules::Finding;
use crate::text::one_line;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use ratatui::Frame;

pub fn dates(f: &Finding) -> String {
    if f.start == f.end {
        f.start.format("%m-%d").to_string()
    } else {
        format!("{}–{}", f.start.format("%m-%d"), f.end.format("%m-%d"))
    }
}

pub fn findings(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let list = app.findings();
    let has_focus = focused(app, Focus::Findings);
    let title = format!("Findings ({})", list.len());
    let block = panel(title, has_focus, theme);
    if list.is_empty() {
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(
            Paragraph::new(Span::styled(
                "The rules found nothing to flag in this period.",
                theme.dim,
            )),
            inner,
        );
        return Bounds::default();
    }
    // The title gets what the borders, the selection mark, the severity and the dates leave,
    // cut between words so that no number is cut (Enter shows it whole).
    let room = usize::from(area.width).saturating_sub(2 + 2 + 6 + 13);
    let items: Vec<ListItem> = list
        .iter()
        .map(|x| {
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("{:<6}", x.severity.as_str().to_uppercase()),
                    theme.severity(x.severity),
                ),
                Span::styled(format!(" {:<11} ", dates(x)), theme.dim),
                Span::styled(
                    crate::text::fit_words(&one_line(&x.title), room),
                    theme.text,
                ),
            ]))
        })
        .collect();
    let mut state = ListState::default();
    if has_focus {
        state.select(Some(app.finding_sel.min(list.len() - 1)));
    }
    let widget = List::new(items)
        .block(block)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    f.render_stateful_widget(widget, area, &mut state);
    super::help::text_bounds(list.len(), area.inner(ratatui::layout::Margin::new(1, 1)))
}

pub fn kpis(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let has_focus = focused(app, Focus::Kpis);
    let block = panel("KPIs: plan, claims, all", has_focus, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let s = &app.view.audit.summary;
    let cur = app.currency();
    let mut lines: Vec<Line> = Vec::new();
    for p in &s.plan {
        let without = p.without_flagged.and_then(|w| w.met);
        let (mark, style) = match (p.met, without) {
            (Some(true), Some(false)) => ("✗ flagged", theme.bad),
            (Some(true), _) => ("✓ met    ", theme.good),
            (Some(false), _) => ("✗ missed ", theme.bad),
            (None, _) => ("— n/a    ", theme.dim),
        };
        let sign = if p.direction == crate::model::Direction::AtLeast {
            "≥"
        } else {
            "≤"
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(
                format!(
                    "{} {sign} {}: ",
                    p.kpi.label(),
                    format::value(p.kpi, Some(p.target), &cur)
                ),
                theme.text,
            ),
            Span::styled(format::value(p.kpi, p.actual, &cur), theme.title),
        ]));
        if p.without_flagged.is_some() {
            lines.push(Line::from(Span::styled(
                format!(
                    "  {}",
                    crate::report::verdict::plan_met(p, &cur).replace("yes, also", "met, also")
                ),
                if without == Some(false) {
                    theme.bad
                } else {
                    theme.dim
                },
            )));
        }
    }
    for c in &s.claims {
        let off = c.diff_pct.map(|d| d.abs() > 5.0).unwrap_or(false);
        let style = if off { theme.bad } else { theme.good };
        let diff = c
            .diff_pct
            .map(|d| {
                format!(
                    "{}{} %",
                    if d > 0.0 { "+" } else { "" },
                    format::group(d, 1)
                )
            })
            .unwrap_or_else(|| format::NO_VALUE.into());
        lines.push(Line::from(vec![
            Span::styled(if off { "✗ claim   " } else { "✓ claim   " }, style),
            Span::styled(
                format!(
                    "{} claimed {}, measured {} ",
                    c.kpi.label(),
                    format::value(c.kpi, Some(c.claimed), &cur),
                    format::value(c.kpi, c.actual, &cur)
                ),
                theme.text,
            ),
            Span::styled(diff, style),
        ]));
        if let Some(note) =
            crate::report::verdict::claim_flagged(c, app.view.audit.flagged_followers)
        {
            lines.push(Line::from(Span::styled(format!("  {note}"), theme.bad)));
        }
        if off && c.definitions.len() > 1 {
            let matched = crate::report::verdict::claim_matches(
                c,
                app.thresholds.get("claims_match_pct"),
                &cur,
            );
            lines.push(Line::from(Span::styled(
                format!("  the claim equals: {matched}"),
                theme.dim,
            )));
        }
    }
    if s.plan.is_empty() && s.claims.is_empty() {
        lines.push(Line::from(Span::styled(
            "No plan or claim for this period in audit.toml.",
            theme.dim,
        )));
    }
    for note in crate::report::contract::change_notes(&s.changes) {
        lines.push(Line::from(Span::styled(note, theme.accent)));
    }
    // The table's rows never wrap and never cut a label: where the longest label does not fit
    // beside the value and the change, each KPI takes two lines (its label, then its numbers).
    let rows: Vec<(String, String, String)> = Kpi::ALL
        .iter()
        .map(|kpi| {
            let now = s.kpis.get(*kpi);
            let value = format::value(*kpi, now, &cur);
            (
                crate::report::contract::label(*kpi, &s.changes),
                value,
                format::change(*kpi, now, s.previous.get(*kpi)),
            )
        })
        .collect();
    let width = |t: &str| t.chars().count();
    let value_w = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0).max(5);
    let change_w = rows.iter().map(|r| width(&r.2)).max().unwrap_or(0).max(11);
    let label_max = rows.iter().map(|r| width(&r.0)).max().unwrap_or(0);
    // A column of margin on the right, so that no number ends against the border.
    let inner_w = (inner.width as usize).saturating_sub(1);
    let mut table = Vec::new();
    if label_max + value_w + change_w + 2 <= inner_w {
        let label_w = inner_w - value_w - change_w - 2;
        table.push(Line::from(Span::styled(
            format!(
                "{:<label_w$} {:>value_w$} {:>change_w$}",
                "KPI", "value", "vs previous"
            ),
            theme.dim,
        )));
        for (label, value, change) in &rows {
            table.push(Line::from(vec![
                Span::styled(format!("{label:<label_w$}"), theme.text),
                Span::styled(format!(" {value:>value_w$}"), theme.title),
                Span::styled(format!(" {change:>change_w$}"), theme.dim),
            ]));
        }
    } else {
        table.push(Line::from(Span::styled(
            "KPI: value, and vs previous",
            theme.dim,
        )));
        for (label, value, change) in &rows {
            table.push(Line::from(Span::styled(
                truncate(label, inner_w.max(2)),
                theme.text,
            )));
            let numbers = format!("{value:>value_w$} {change:>change_w$}");
            let pad = inner_w.saturating_sub(width(&numbers));
            table.push(Line::from(vec![
                Span::raw(" ".repeat(pad)),
                Span::styled(format!("{value:>value_w$}"), theme.title),
                Span::styled(format!(" {change:>change_w$}"), theme.dim),
            ]));
        }
    }
    // Plan and claim lines wrap (at most half the panel); the KPI rows below them scroll and
    // are cut to the panel's width.
    let w = usize::from(inner.width.max(1));
    let needed: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    let top = (needed as u16).min(inner.height / 2);
    let [plan_area, table_area] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(top),
        ratatui::layout::Constraint::Min(0),
    ])
    .areas(inner);
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        plan_area,
    );
    let bounds = super::help::text_bounds(table.len(), table_area);
    let scroll = app.kpi_scroll.min(bounds.max_scroll);
    f.render_widget(Paragraph::new(table).scroll((scroll, 0)), table_area);
    bounds
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}
