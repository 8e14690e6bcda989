//! The load report on screen: the files read and what each gave, the files set aside and why,
//! the files that are not exports, and every warning, with file and line.

use super::frame::panel;
use super::theme::Theme;
use crate::app::{App, Bounds};
use crate::text::one_line;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

pub fn sources(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let block = panel(
        "Files read, set aside, warnings (↑↓ scroll, Esc back)",
        true,
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let load = &app.load;
    let heading = |text: String| Line::from(Span::styled(text, theme.title));
    let mut lines = vec![heading(format!("Files read ({})", load.sources.len()))];
    for s in &load.sources {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", one_line(&s.file)), theme.accent),
            Span::raw(format!(
                "  {} · {} row{} · {} · {}",
                s.format,
                crate::format::count(s.rows as f64),
                if s.rows == 1 { "" } else { "s" },
                s.encoding,
                one_line(&s.supplies)
            )),
        ]));
    }
    let (aside, other): (Vec<_>, Vec<_>) = load.skipped.iter().partition(|s| s.set_aside);
    if !aside.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(format!(
            "Set aside: recognised, but nothing of them is in the audit ({})",
            aside.len()
        )));
        for s in aside {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", one_line(&s.file)), theme.high),
                Span::raw(format!("  {}", one_line(&s.reason))),
            ]));
        }
    }
    if !other.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(format!(
            "Not exports, left alone ({})",
            other.len()
        )));
        for s in other {
            lines.push(Line::from(Span::styled(
                format!("  {}: {}", one_line(&s.file), one_line(&s.reason)),
                theme.dim,
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(heading(format!("Warnings ({})", load.warnings.len())));
    if load.warnings.is_empty() {
        lines.push(Line::from(Span::styled("  none", theme.dim)));
    }
    for w in &load.warnings {
        lines.push(Line::from(format!("  {}", one_line(&w.to_string()))));
    }
    super::help::scrolled_page(f, inner, lines, app.help_scroll)
}
