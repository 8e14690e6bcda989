//! The portfolio on screen: one row per account, most at risk first (or as `s` sorts), the
//! verdicts in their colours, a progress line while the accounts are read.

use super::frame::panel;
use super::keymap;
use super::Theme;
use crate::app::portfolio::PortfolioState;
use crate::portfolio::render::cells;
use crate::rules::VerdictLevel;
use ratatui::layout::{Constraint, Layout, Margin};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TableRow, Table, TableState};
use ratatui::Frame;

/// The columns shown, by their index in the portfolio's cells, and their widths; the later
/// ones give way on a narrow screen.
const COLUMNS: [(usize, &str, u16); 12] = [
    (0, "account", 30),
    (3, "verdict", 16),
    (4, "flagged", 7),
    (5, "followers", 10),
    (6, "growth", 9),
    (7, "ER post", 8),
    (11, "findings", 8),
    (12, "last data", 10),
    (1, "platform", 9),
    (2, "month", 7),
    (8, "reach/f", 8),
    (14, "note", 20),
];

/// A name that other accounts share, with its folder, in `width` columns: the folder's end is
/// what tells the rows apart, so the name gives way first and then the folder's beginning
/// (`Nordic Bi… (nordic-01)`, `…ram-germany`).
fn told_apart(name: &str, folder: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let last = crate::text::one_line(folder.rsplit('/').next().unwrap_or(folder));
    let room = width.saturating_sub(last.width() + 3);
    if room >= 4 {
        return format!("{} ({last})", crate::text::fit(name, room));
    }
    if last.width() <= width {
        return last;
    }
    // The folder's end, behind an ellipsis.
    let mut tail: Vec<char> = Vec::new();
    let mut used = 1;
    for c in last.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        tail.push(c);
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

/// Draws the list; returns the rows a page holds.
pub fn render(state: &PortfolioState, f: &mut Frame, theme: &Theme) -> u16 {
    let area = f.area();
    // What the last Enter could not open, else the selected account's note in full (why it
    // was not read or audited, or that its data is stale): the note column is short or not
    // shown. Two lines where one does not hold it.
    let note = state
        .rows
        .get(state.sel)
        .map(|r| (r, cells(r)[14].clone()))
        .filter(|(_, note)| !note.is_empty())
        .map(|(r, note)| format!(" {}: {note}", crate::text::one_line(&r.folder)));
    let note = match &state.message {
        Some(m) => Some(format!(" {}", crate::text::one_line(m))),
        None => note,
    };
    let long = note.as_ref().is_some_and(|n| {
        unicode_width::UnicodeWidthStr::width(n.as_str()) > usize::from(area.width)
    });
    let [header, body, detail, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(if long { 2 } else { 1 }),
        Constraint::Length(1),
    ])
    .areas(area);
    let flagged = state
        .rows
        .iter()
        .filter(|r| r.verdict.is_some_and(|v| v.is_flagged()))
        .count();
    let progress = if state.loading() {
        format!("reading {} of {} folders…", state.read, state.total)
    } else {
        format!("{} accounts, {flagged} flagged", state.rows.len())
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" smm-audit │ portfolio ", theme.title),
            Span::styled(crate::text::one_line(&state.root), theme.text),
            Span::styled(format!(" · {progress}"), theme.dim),
        ])),
        header,
    );
    // The columns that fit, in order; on a narrow screen the account's name gives way first
    // (names are cut with an ellipsis), so that growth and ER stay in view.
    let mut used = 4u16;
    let all_wide: u16 = 4 + COLUMNS.iter().map(|(_, _, w)| w + 1).sum::<u16>();
    let shown: Vec<(usize, &str, u16)> = COLUMNS
        .iter()
        .map(|&(i, h, w)| match i {
            0 if body.width < all_wide => (i, h, 22),
            _ => (i, h, w),
        })
        .take_while(|(_, _, w)| {
            used += w + 1;
            used <= body.width
        })
        .collect();
    let title = format!("Accounts by {} (s: sort)", state.sort.label());
    let mut names = std::collections::HashMap::new();
    for r in &state.rows {
        *names.entry(r.name.as_str()).or_insert(0) += 1;
    }
    let shared = |name: &str| names.get(name).is_some_and(|n| *n > 1);
    let head = TableRow::new(shown.iter().map(|(_, h, _)| Cell::from(*h))).style(theme.title);
    let rows: Vec<TableRow> = state
        .rows
        .iter()
        .map(|r| {
            let all = cells(r);
            TableRow::new(shown.iter().map(|(i, _, w)| {
                // The verdict in a few words where its column is short; an account whose
                // name another shares is told apart by its folder.
                let full = match (*i, r.verdict, &r.error) {
                    (3, Some(v), None) => crate::report::verdict::short_label(v).to_string(),
                    (0, _, _) if shared(&r.name) => told_apart(&all[0], &r.folder, usize::from(*w)),
                    _ => all[*i].clone(),
                };
                let text = crate::text::fit(&full, usize::from(*w));
                let cell = Cell::from(text);
                match (*i, r.verdict) {
                    (3, Some(v)) => cell.style(theme.verdict(v)),
                    (3, None) => cell.style(theme.verdict(VerdictLevel::InsufficientData)),
                    _ => cell,
                }
            }))
        })
        .collect();
    let widths: Vec<Constraint> = shown
        .iter()
        .map(|(_, _, w)| Constraint::Length(*w))
        .collect();
    let mut table_state = TableState::default();
    if !state.rows.is_empty() {
        table_state.select(Some(state.sel.min(state.rows.len() - 1)));
    }
    f.render_stateful_widget(
        Table::new(rows, widths)
            .header(head)
            .block(panel(title, true, theme))
            .row_highlight_style(theme.selected)
            .highlight_symbol("▶ "),
        body,
        &mut table_state,
    );
    if let Some(note) = note {
        // A little room left for the words the wrap moves down whole.
        let room = (usize::from(detail.width) * 2).saturating_sub(8);
        let text = crate::text::fit_words(&note, room);
        f.render_widget(
            Paragraph::new(Span::styled(text, theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            detail,
        );
    }
    let hints: Vec<Span> = keymap::footer(crate::app::Mode::Portfolio)
        .into_iter()
        .flat_map(|(k, l)| {
            [
                Span::styled(format!(" {k}"), theme.accent),
                Span::styled(format!(" {l} "), theme.dim),
            ]
        })
        .collect();
    f.render_widget(Paragraph::new(Line::from(hints)), footer);
    body.inner(Margin::new(1, 2)).height
}

#[cfg(test)]
mod tests {
    use super::told_apart;

    #[test]
    fn a_shared_name_keeps_the_end_of_its_folder() {
        assert_eq!(
            told_apart("Nordic Bikes", "clients/nordic-01", 22),
            "Nordic Bi… (nordic-01)"
        );
        assert_eq!(
            told_apart("Acme", "acme-coffee-instagram-germany", 22),
            "…fee-instagram-germany"
        );
        assert_eq!(
            told_apart("Acme", "acme-coffee-instagram-austria", 22),
            "…fee-instagram-austria"
        );
        // Wide characters are measured by the columns they take.
        let wide = told_apart("Shop", "店铺店铺店铺店铺店铺店铺", 22);
        assert!(
            unicode_width::UnicodeWidthStr::width(wide.as_str()) <= 22,
            "{wide}"
        );
        assert!(wide.ends_with("店铺"), "{wide}");
    }
}
