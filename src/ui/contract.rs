//! Before and during the contract on screen: the contract's months against the months before
//! it, KPI by KPI (the reports' table).

use super::frame::panel;
use super::theme::Theme;
use crate::app::{App, Bounds};
use crate::report::contract::{rows, sentence, HEADER};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

pub fn contract(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let block = panel(
        "Before and during the contract (↑↓ scroll, Esc back)",
        true,
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(c) = &app.view.audit.summary.contract else {
        let lines = vec![Line::from(Span::styled(
            "audit.toml has no [contract] start: add the day the agency started (start = 2026-01-01 under [contract]) to compare the months before it with the months since.",
            theme.dim,
        ))];
        return super::help::scrolled_page(f, inner, lines, app.help_scroll);
    };
    let table = rows(c, &app.currency());
    // Columns as wide as their widest cell.
    let mut widths = HEADER.map(|h| h.chars().count());
    for r in &table {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| -> String {
        let mut s = format!("{:<w$}", cells[0], w = widths[0]);
        for (cell, w) in cells[1..].iter().zip(&widths[1..]) {
            s.push_str(&format!("  {cell:>w$}"));
        }
        s
    };
    let mut lines = vec![
        Line::from(Span::styled(sentence(c), theme.text)),
        Line::from(""),
        Line::from(Span::styled(line(HEADER), theme.dim)),
    ];
    for r in &table {
        lines.push(Line::from(Span::styled(
            line([&r[0], &r[1], &r[2], &r[3], &r[4]]),
            theme.text,
        )));
    }
    for note in crate::report::contract::change_notes(&c.changes)
        .into_iter()
        .chain(crate::report::contract::flagged_note(c))
    {
        lines.push(Line::from(Span::styled(note, theme.accent)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "The change compares the contract's months with the months before it: relative for counts and money, in percentage points for percentages. Seasons and changes in how the platforms count move these numbers too.",
        theme.dim,
    )));
    super::help::scrolled_page(f, inner, lines, app.help_scroll)
}
