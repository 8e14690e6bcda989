//! The history strip under the header: every month of the data with its verdict mark, the
//! shown month highlighted, and how many earlier or later months (and flagged ones) do not fit.

use super::Theme;
use crate::app::App;
use crate::audit::MonthVerdict;
use crate::report::verdict::{legend, month_mark};
use chrono::Datelike;
use ratatui::text::{Line, Span};

/// Columns of one month: "Apr✓ ".
const MONTH_W: usize = 5;
/// Columns of a year label in front of a month: "2026 ".
const YEAR_W: usize = 5;
/// Room kept for "‹ 99 more, 9 flagged " on a side that does not fit.
const MORE_W: usize = 24;

fn width_of(history: &[MonthVerdict], from: usize, to: usize) -> usize {
    (from..=to)
        .map(|i| {
            let year = i == from || history[i].month.start.month() == 1;
            MONTH_W + if year { YEAR_W } else { 0 }
        })
        .sum()
}

/// The months `[from, to]` that fit `width` columns, the shown month among them, as late as
/// possible (the latest months matter most).
fn window(history: &[MonthVerdict], shown: usize, width: usize) -> (usize, usize) {
    let last = history.len() - 1;
    if width_of(history, 0, last) <= width {
        return (0, last);
    }
    let room = width.saturating_sub(2 * MORE_W).max(MONTH_W + YEAR_W);
    for to in (shown..=last).rev() {
        let mut from = to;
        while from > 0 && width_of(history, from - 1, to) <= room {
            from -= 1;
        }
        if from <= shown {
            return (from, to);
        }
    }
    (shown, shown)
}

fn more(history: &[MonthVerdict], n: usize, left: bool, theme: &Theme) -> Vec<Span<'static>> {
    let flagged = if left {
        history[..n]
            .iter()
            .filter(|m| m.verdict.level.is_flagged())
            .count()
    } else {
        history[history.len() - n..]
            .iter()
            .filter(|m| m.verdict.level.is_flagged())
            .count()
    };
    let arrow = if left { "‹" } else { "›" };
    let mut spans = vec![Span::styled(format!("{arrow} {n} more"), theme.dim)];
    if flagged > 0 {
        spans.push(Span::styled(format!(", {flagged} flagged"), theme.high));
    }
    spans.push(Span::raw(" "));
    spans
}

/// The strip as one line of at most `width` columns.
pub fn strip(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let history = &app.audit.history;
    let mut spans = vec![Span::styled(" History ", theme.dim)];
    if history.is_empty() {
        spans.push(Span::styled("no dated rows", theme.dim));
        return Line::from(spans);
    }
    let p = app.period;
    let touches = |m: &MonthVerdict| m.month.overlaps(&p);
    let shown = history
        .iter()
        .position(touches)
        .unwrap_or(history.len() - 1);
    let room = width.saturating_sub(9);
    let (from, to) = window(history, shown, room);
    if from > 0 {
        spans.extend(more(history, from, true, theme));
    }
    for (i, m) in history.iter().enumerate().take(to + 1).skip(from) {
        let start = m.month.start;
        if i == from || start.month() == 1 {
            spans.push(Span::styled(format!("{} ", start.year()), theme.dim));
        }
        let name = start.format("%b").to_string();
        let style = match m.empty {
            true => theme.dim,
            false => theme.verdict(m.verdict.level),
        };
        if touches(m) {
            spans.push(Span::styled(
                format!("{name}{}", month_mark(m)),
                style.patch(theme.selected),
            ));
        } else {
            spans.push(Span::styled(name, theme.text));
            spans.push(Span::styled(month_mark(m), style));
        }
        spans.push(Span::raw(" "));
    }
    if to < history.len() - 1 {
        spans.extend(more(history, history.len() - 1 - to, false, theme));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let flagged = history
        .iter()
        .filter(|m| m.verdict.level.is_flagged())
        .count();
    let hint = match flagged {
        0 => String::new(),
        1 => " 1 flagged, press n".to_string(),
        n => format!(" {n} flagged, press n"),
    };
    let legend = legend(history);
    if used + hint.chars().count() + legend.chars().count() + 3 <= width {
        spans.push(Span::styled(format!("  {legend}."), theme.dim));
    }
    if used + hint.chars().count() <= width {
        spans.push(Span::styled(hint, theme.high));
    }
    Line::from(spans)
}
