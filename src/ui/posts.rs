//! The top posts of the period, and one post's detail against the period's medians.

use super::frame::panel;
use super::Theme;
use crate::app::{App, Bounds};
use crate::format;
use crate::metrics::{Kpi, RankedPost, Ranking};
use crate::text::{fit, one_line, sanitize};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

fn v(kpi: Kpi, x: Option<f64>) -> String {
    format::value(kpi, x, "")
}

pub fn top_posts(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let next = app.next_ranking().label();
    let flagged = app.top_posts().iter().any(|r| {
        app.findings_of(&r.post.id)
            .any(|x| x.severity >= crate::rules::Severity::Medium)
    });
    let title = format!(
        "Top 5 posts of {} by {} (s: by {next}){}",
        app.period_name(),
        app.shown_ranking().label(),
        if flagged {
            " · ! a finding about the post"
        } else {
            ""
        }
    );
    let block = panel(title, true, theme);
    let posts = app.top_posts();
    if posts.is_empty() {
        let inner = block.inner(area);
        f.render_widget(block, area);
        let why = match app.shown_ranking() {
            Ranking::Reach | Ranking::Views => "No post of this period has a reach or views value.",
            Ranking::Engagements => "No post of this period has its engagements.",
            Ranking::ErPost => {
                "No post of this period has an ER post (engagements and a follower count)."
            }
        };
        f.render_widget(Paragraph::new(Span::styled(why, theme.dim)), inner);
        return Bounds::default();
    }
    // Reach and views side by side; the last rate follows the ranking shown (ER by views for a
    // list by views). The type column gives way on a narrow screen.
    let by = app.shown_ranking();
    let last = crate::format::ranked_headers(by).1;
    let wide = area.width >= 120;
    let with_type = area.width >= 100;
    // The publication: day and time, or only the day where the screen is narrow.
    let (stamp, stamp_w) = match (wide, with_type) {
        (true, _) => ("%Y-%m-%d %H:%M", 16),
        (false, true) => ("%m-%d %H:%M", 11),
        (false, false) => ("%m-%d", 5),
    };
    let last_w = last.chars().count().max(8) as u16;
    let mut headers = vec!["#", if stamp_w < 9 { "day" } else { "published" }];
    let mut widths = vec![Constraint::Length(2), Constraint::Length(stamp_w)];
    if with_type {
        headers.push("type");
        widths.push(Constraint::Length(8));
    }
    headers.extend(["reach", "views", "engagements", "ER post", last, "caption"]);
    widths.extend([
        Constraint::Length(9),
        Constraint::Length(9),
        Constraint::Length(11),
        Constraint::Length(8),
        Constraint::Length(last_w),
        Constraint::Min(10),
    ]);
    // What the fixed columns, their gaps, the borders and the selection mark leave the caption.
    let fixed: usize = 2
        + usize::from(stamp_w)
        + if with_type { 8 } else { 0 }
        + 9
        + 9
        + 11
        + 8
        + usize::from(last_w);
    let gaps = headers.len() - 1;
    let caption_width = usize::from(area.width).saturating_sub(fixed + gaps + 2 + 2);
    let header = Row::new(headers).style(theme.title);
    let rows: Vec<Row> = posts
        .iter()
        .map(|r| {
            let p = &r.post;
            let last = crate::format::ranked_values(by, p, &r.rates).1;
            // A post the audit flags carries a mark in its severity's colour.
            let worst = app.findings_of(&p.id).map(|x| x.severity).max();
            let mark = match worst {
                Some(s) if s >= crate::rules::Severity::Medium => {
                    Span::styled("!", theme.severity(s))
                }
                _ => Span::raw(" "),
            };
            let mut cells = vec![
                Cell::from(Line::from(vec![Span::raw(r.rank.to_string()), mark])),
                Cell::from(p.published_at.format(stamp).to_string()),
            ];
            if with_type {
                cells.push(Cell::from(p.kind.as_str()));
            }
            cells.extend([
                Cell::from(v(Kpi::Reach, p.reach)),
                Cell::from(v(Kpi::Impressions, p.impressions)),
                Cell::from(v(Kpi::Engagements, r.rates.engagements)),
                Cell::from(v(Kpi::ErPostPct, r.rates.er_post_pct)),
                Cell::from(last),
                Cell::from(fit(&one_line(&p.caption), caption_width)),
            ]);
            Row::new(cells)
        })
        .collect();
    let mut state = TableState::default();
    state.select(Some(app.post_sel.min(posts.len() - 1)));
    let table = Table::new(rows, widths)
        .header(header)
        .block(block)
        .row_highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    f.render_stateful_widget(table, area, &mut state);
    // The rows under the borders and the header.
    super::help::text_bounds(posts.len(), area.inner(ratatui::layout::Margin::new(1, 2)))
}

fn against(
    label: &str,
    kpi: Kpi,
    value: Option<f64>,
    median: Option<f64>,
    theme: &Theme,
) -> Line<'static> {
    let ratio = match (value, median) {
        (Some(x), Some(m)) if m != 0.0 => format!("×{} the median", format::group(x / m, 2)),
        _ => String::new(),
    };
    Line::from(vec![
        Span::styled(format!("{label:<14}"), theme.dim),
        Span::styled(format!("{:>14}", v(kpi, value)), theme.title),
        Span::styled(
            format!("   period median {:>12}   ", v(kpi, median)),
            theme.dim,
        ),
        Span::styled(ratio, theme.accent),
    ])
}

pub fn post_detail(f: &mut Frame, area: Rect, app: &App, index: usize, theme: &Theme) -> Bounds {
    let Some(r): Option<&RankedPost> = app.top_posts().get(index) else {
        f.render_widget(
            Paragraph::new("This post is not in the list any more."),
            area,
        );
        return Bounds::default();
    };
    let title = format!(
        "Post {} of the top 5 by {}",
        r.rank,
        app.shown_ranking().label()
    );
    draw_post(f, area, app, r, title, theme)
}

/// The post a finding is about (Enter in the finding's detail).
pub fn finding_post(f: &mut Frame, area: Rect, app: &App, index: usize, theme: &Theme) -> Bounds {
    let Some(r) = app.finding_post(index) else {
        f.render_widget(Paragraph::new("This finding is about no post."), area);
        return Bounds::default();
    };
    let rule = app.findings().get(index).map_or("", |x| x.rule);
    draw_post(
        f,
        area,
        app,
        r,
        format!("The post of the {rule} finding"),
        theme,
    )
}

fn draw_post(
    f: &mut Frame,
    area: Rect,
    app: &App,
    r: &RankedPost,
    title: String,
    theme: &Theme,
) -> Bounds {
    let p = &r.post;
    let block = panel(title, true, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let m = &app.view.medians;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("id ", theme.dim),
            Span::styled(one_line(&p.id), theme.title),
            Span::styled(
                format!(
                    "   published {}   type {}",
                    p.published_at.format("%Y-%m-%d %H:%M %:z"),
                    p.kind
                ),
                theme.text,
            ),
        ]),
        Line::from(Span::styled(one_line(&p.permalink), theme.accent)),
        Line::from(""),
        against("reach", Kpi::Reach, p.reach, m.reach, theme),
        against(
            "views",
            Kpi::Impressions,
            p.impressions,
            m.impressions,
            theme,
        ),
        against(
            "engagements",
            Kpi::Engagements,
            r.rates.engagements,
            m.engagements,
            theme,
        ),
        against(
            "ER post",
            Kpi::ErPostPct,
            r.rates.er_post_pct,
            m.er_post_pct,
            theme,
        ),
        against("ERR", Kpi::ErrPct, r.rates.err_pct, m.err_pct, theme),
        against(
            "ER by views",
            Kpi::ErViewPct,
            r.rates.er_view_pct,
            m.er_view_pct,
            theme,
        ),
        Line::from(vec![Span::styled(
            format!(
                "likes {}   comments {}   shares {}   saves {}   clicks {}   paid {}",
                v(Kpi::Likes, p.likes.value()),
                v(Kpi::Comments, p.comments.value()),
                v(Kpi::Shares, p.shares.value()),
                v(Kpi::Saves, p.saves.value()),
                v(Kpi::Clicks, p.clicks),
                p.paid.map_or("—", |b| if b { "yes" } else { "no" })
            ),
            theme.text,
        )]),
        Line::from(""),
    ];
    // What the audit found about this post.
    for x in app.findings_of(&p.id) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<6} ", x.severity.as_str().to_uppercase()),
                theme.severity(x.severity),
            ),
            Span::styled(
                crate::text::fit_words(
                    &one_line(&x.title),
                    usize::from(area.width).saturating_sub(12),
                ),
                theme.text,
            ),
        ]));
    }
    lines.push(Line::from(Span::styled("Caption", theme.dim)));
    let [top, caption] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(1)]).areas(inner);
    f.render_widget(Paragraph::new(lines), top);
    // The caption keeps its line breaks here, and scrolls with ↑/↓.
    let text = Paragraph::new(sanitize(&p.caption))
        .style(theme.text)
        .wrap(Wrap { trim: true });
    let bounds = super::help::text_bounds(text.line_count(caption.width), caption);
    f.render_widget(
        text.scroll((app.detail_scroll.min(bounds.max_scroll), 0)),
        caption,
    );
    bounds
}
