//! The header, the footer, panel borders and the "too small" message.

use super::keymap;
use super::Theme;
use crate::app::{App, Focus, Mode};
use crate::report::verdict;
use crate::rules::VerdictLevel;
use crate::text::{fit_words, one_line};
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};
use ratatui::Frame;

pub fn too_small(f: &mut Frame, area: Rect, theme: &Theme) {
    let msg = format!(
        "Please enlarge the window to at least {}x{} (now {}x{}).",
        super::MIN_WIDTH,
        super::MIN_HEIGHT,
        area.width,
        area.height
    );
    let y = area.y + area.height / 2;
    let line = Rect {
        x: area.x,
        y,
        width: area.width,
        height: area.height.min(1),
    };
    f.render_widget(
        Paragraph::new(msg)
            .style(theme.text)
            .alignment(Alignment::Center),
        line,
    );
}

/// A bordered panel, highlighted when it has the focus.
pub fn panel<'a>(title: impl Into<String>, focused: bool, theme: &Theme) -> Block<'a> {
    let title: String = title.into();
    let (border, kind) = if focused {
        (theme.border_focus, BorderType::Thick)
    } else {
        (theme.border, BorderType::Rounded)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(border)
        .title(Span::styled(
            format!(" {title} "),
            if focused {
                theme.border_focus
            } else {
                theme.title
            },
        ))
}

pub fn focused(app: &App, f: Focus) -> bool {
    app.focus == f
}

pub fn header(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let a = &app.account.config.account;
    let name = one_line(app.account.name());
    let platform = a
        .platform
        .as_deref()
        .map(one_line)
        .unwrap_or_else(|| "platform not set".into());
    let p = &app.period;
    let mut first = vec![Span::styled(" smm-audit ", theme.title)];
    if app.origin.demo {
        first.push(Span::styled(" DEMO ", theme.demo));
        first.push(Span::raw(" "));
    }
    first.extend([
        Span::styled("│ ", theme.dim),
        Span::styled(name, theme.title),
        Span::styled(format!(" · {platform} · "), theme.text),
        Span::styled(app.period_name(), theme.accent),
    ]);
    let sources = app.load.sources.len();
    let warnings = app.load.warnings.len();
    let aside = app.load.set_aside_count();
    // The dates and the sources are left out whole when the line has no room for them.
    let optional = [
        Span::styled(format!(" ({} – {})", p.start, p.end), theme.dim),
        Span::styled(
            format!(
                "  │ {} · {sources} file{} read{}{}",
                one_line(&app.origin.label),
                if sources == 1 { "" } else { "s" },
                if aside > 0 {
                    format!(", {aside} set aside")
                } else {
                    String::new()
                },
                if warnings > 0 {
                    format!(", {warnings} warning(s)")
                } else {
                    String::new()
                }
            ),
            theme.dim,
        ),
    ];
    for span in optional {
        let used: usize = first.iter().map(|s| s.width()).sum();
        if used + span.width() <= area.width as usize {
            first.push(span);
        }
    }
    let second = verdict_line(app, area.width as usize, theme);
    let third = super::history::strip(app, area.width as usize, theme);
    f.render_widget(Paragraph::new(vec![Line::from(first), second, third]), area);
}

/// " Verdict: NOT ENOUGH DATA TO JUDGE · why": on a narrow screen the words around the level
/// give way before the reason is cut (for not enough data, the reason is what is missing).
fn verdict_line(app: &App, width: usize, theme: &Theme) -> Line<'static> {
    let v = &app.view.audit.verdict;
    let mut reason = match v.level {
        VerdictLevel::InsufficientData if !v.missing.is_empty() => v.missing.join("; "),
        _ => verdict::reason(v),
    };
    if let Some(others) = verdict::others(v, app.findings()) {
        reason = format!("{reason}; {others}");
    }
    let reason = one_line(&reason);
    let full = v.level.label().to_uppercase();
    let short = verdict::short_label(v.level).to_uppercase();
    let candidates = [
        (" Growth verdict: ", &full),
        (" Verdict: ", &full),
        (" ", &full),
        (" ", &short),
    ];
    let fits = |(prefix, level): &(&str, &String)| {
        prefix.chars().count() + level.chars().count() + 3 + reason.chars().count() <= width
    };
    // When nothing fits, what is missing matters more than the word "Verdict"; a list of
    // flagged rules is cut either way.
    let fallback = if v.level == VerdictLevel::InsufficientData {
        &candidates[3]
    } else {
        &candidates[1]
    };
    let (prefix, level) = candidates.iter().find(|c| fits(c)).unwrap_or(fallback);
    let room = width.saturating_sub(prefix.chars().count() + level.chars().count() + 3);
    Line::from(vec![
        Span::styled(prefix.to_string(), theme.text),
        Span::styled(level.to_string(), theme.verdict(v.level)),
        Span::styled(format!(" · {}", fit_words(&reason, room)), theme.dim),
    ])
}

pub fn footer(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(status) = &app.status {
        f.render_widget(
            Paragraph::new(Span::styled(format!(" {}", one_line(status)), theme.accent)),
            area,
        );
        return;
    }
    // Esc on the dashboard leads somewhere only from a portfolio's list.
    let hints: Vec<_> = keymap::footer(app.mode())
        .into_iter()
        .filter(|(k, _)| *k != "Esc" || app.mode() != Mode::Dashboard || app.in_portfolio)
        .collect();
    // Where the hints do not fit, the keys stay and the words go, from the last hint back;
    // quit and help keep theirs.
    let mut worded = vec![true; hints.len()];
    let width = |worded: &[bool]| -> usize {
        hints
            .iter()
            .zip(worded)
            .map(|((k, l), w)| k.chars().count() + 1 + if *w { l.chars().count() + 2 } else { 0 })
            .sum()
    };
    for i in (0..hints.len()).rev() {
        if width(&worded) <= area.width as usize {
            break;
        }
        if !matches!(hints[i].0, "q" | "?") {
            worded[i] = false;
        }
    }
    let mut spans = Vec::new();
    for ((keys, label), w) in hints.into_iter().zip(worded) {
        spans.push(Span::styled(format!(" {keys}"), theme.accent));
        if w {
            spans.push(Span::styled(format!(" {label} "), theme.dim));
        }
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}
