//! A finding's detail: its text, its evidence, and its dates marked on the follower chart.

use super::charts::followers_chart;
use super::frame::panel;
use super::lists::dates;
use super::Theme;
use crate::app::{App, Bounds};
use crate::text::one_line;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn finding(f: &mut Frame, area: Rect, app: &App, index: usize, theme: &Theme) -> Bounds {
    let Some(x) = app.findings().get(index) else {
        f.render_widget(
            Paragraph::new("This finding is not in the list any more."),
            area,
        );
        return Bounds::default();
    };
    let chart_h = (area.height / 3).clamp(5, 12);
    let [chart_area, text_area] =
        Layout::vertical([Constraint::Length(chart_h), Constraint::Min(3)]).areas(area);
    let block = panel(format!("Followers, with {} marked", dates(x)), false, theme);
    let inner = block.inner(chart_area);
    f.render_widget(block, chart_area);
    followers_chart(f, inner, app, theme, true);

    let block = panel(
        format!("{} · {}", x.severity.as_str().to_uppercase(), x.rule),
        true,
        theme,
    );
    let inner = block.inner(text_area);
    f.render_widget(block, text_area);
    let mut lines = vec![
        Line::from(Span::styled(one_line(&x.title), theme.severity(x.severity))),
        Line::from(Span::styled(crate::format::days(x.start, x.end), theme.dim)),
    ];
    if let Some(r) = app.finding_post(index) {
        let p = &r.post;
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "The {} of {}: «{}»  ",
                    p.kind,
                    p.published_at.format("%Y-%m-%d %H:%M"),
                    crate::text::fit_words(&one_line(&p.caption), 40)
                ),
                theme.text,
            ),
            Span::styled("Enter opens the post", theme.accent),
        ]));
    }
    lines.extend([
        Line::from(""),
        Line::from(one_line(&x.detail)),
        Line::from(""),
        Line::from(Span::styled("Evidence", theme.title)),
    ]);
    for (label, values) in x.evidence.for_people(&app.currency(), 10) {
        match values.as_slice() {
            [one] => lines.push(Line::from(vec![
                Span::styled(format!("  {}: ", one_line(&label)), theme.dim),
                Span::styled(one_line(one), theme.text),
            ])),
            rows => {
                lines.push(Line::from(Span::styled(
                    format!("  {}:", one_line(&label)),
                    theme.dim,
                )));
                for row in rows {
                    lines.push(Line::from(format!("    {}", one_line(row))));
                }
            }
        }
    }
    // The posts, unless the evidence names the one post already.
    if !x.posts.is_empty() && !x.evidence.contains_key("post_id") {
        lines.push(Line::from(vec![
            Span::styled("  posts: ", theme.dim),
            Span::raw(one_line(&x.posts.join(", "))),
        ]));
    }
    if let Some((what, why, ask)) = crate::rules::help::rule_help(x.rule) {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("What it means", theme.title)));
        lines.push(Line::from(format!("  {what} {why}")));
        lines.push(Line::from(Span::styled(
            format!("  Ask: {ask}"),
            theme.accent,
        )));
    }
    super::help::scrolled_page(f, inner, lines, app.detail_scroll)
}
