//! The audience on screen: each dimension of the latest snapshot beside the target portrait,
//! with the distance the mismatch rules judge by.

use super::frame::panel;
use super::theme::Theme;
use crate::app::{App, Bounds};
use crate::format::group;
use crate::model::Segment;
use crate::rules::audience_table::AudienceTable;
use crate::text::one_line;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The widest bar, for 100 %.
const BAR: usize = 30;

pub fn audience(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let block = panel(
        format!(
            "Audience of {} against the target portrait (↑↓ scroll, Esc back)",
            app.period_name()
        ),
        true,
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let tables = &app.view.audit.audience;
    let mut lines = Vec::new();
    if tables.is_empty() {
        lines.push(Line::from(Span::styled(
            "No audience snapshot is dated on or before the end of this period: the folder has no audience export (Audience.csv, audience.csv) for it.",
            theme.dim,
        )));
    }
    if app.account.config.portrait.is_empty() {
        lines.push(Line::from(Span::styled(
            "audit.toml has no [portrait]: the audience is shown, but not compared with a target.",
            theme.dim,
        )));
    }
    for t in tables {
        lines.extend(table(t, theme));
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        "Distance: half the sum of the differences between the two columns, \"other\" included; 0 is the portrait itself, 1 an audience with nothing in common with it. The mismatch rules flag it above their thresholds (see ? for the rules).",
        theme.dim,
    )));
    super::help::scrolled_page(f, inner, lines, app.help_scroll)
}

fn table<'a>(t: &'a AudienceTable, theme: &Theme) -> Vec<Line<'a>> {
    let what = match t.dimension {
        "country" => "Countries",
        "age" => "Ages",
        _ => "Genders",
    };
    let who = match t.segment {
        Segment::NewFollowers => "new followers",
        Segment::Followers => "followers",
        Segment::Reached => "accounts reached",
    };
    let when = if t.in_period {
        "in this period"
    } else {
        "before this period: the rules judge only a snapshot dated in it"
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{what} of the {who}"), theme.title),
            Span::styled(format!(", snapshot of {} ({when})", t.date), theme.dim),
        ]),
        Line::from(Span::styled(
            format!("  {:<28} {:>9} {:>9}", "", "audience", "portrait"),
            theme.dim,
        )),
    ];
    for s in &t.shares {
        let portrait = s
            .portrait_pct
            .map_or_else(|| "—".to_string(), |p| format!("{} %", group(p, 1)));
        let bar = "█".repeat(
            ((s.audience_pct / 100.0) * BAR as f64)
                .round()
                .clamp(0.0, BAR as f64) as usize,
        );
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<28}", crate::text::fit(&one_line(&s.label), 28)),
                theme.text,
            ),
            Span::styled(format!(" {:>7} %", group(s.audience_pct, 1)), theme.title),
            Span::styled(format!(" {portrait:>9}  "), theme.dim),
            Span::styled(bar, theme.accent),
        ]));
    }
    if let (Some(d), Some(out)) = (t.distance, t.outside_pct) {
        let allowed = t.portrait_outside_pct.map_or_else(String::new, |p| {
            if p < 0.05 {
                " (the portrait expects none there)".to_string()
            } else {
                format!(" (the portrait leaves {} % to them)", group(p, 1))
            }
        });
        lines.push(Line::from(vec![
            Span::styled("  distance from the portrait ", theme.dim),
            Span::styled(group(d, 2), theme.title),
            Span::styled(
                format!(
                    "; outside the portrait's values: {} %{allowed}",
                    group(out, 1)
                ),
                theme.dim,
            ),
        ]));
    }
    lines
}
