//! The three panels: Followers, Reach, Engagement. Each is a chart over the months around the
//! period (the period highlighted) and the period's key numbers with their month-over-month
//! deltas.

use super::frame::{focused, panel};
use super::Theme;
use crate::app::{App, Focus, Series};
use crate::metrics::{delta, Kpi};
use crate::report::format;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};
use ratatui::Frame;

/// A KPI's value and its delta, as spans.
fn kpi_spans(app: &App, label: &str, kpi: Kpi, theme: &Theme) -> Vec<Span<'static>> {
    let s = &app.view.audit.summary;
    let now = s.kpis.get(kpi);
    let d = delta(kpi, now, s.previous.get(kpi));
    let style = match d {
        Some(x) if x > 0.0 && !kpi.lower_is_better() => theme.good,
        Some(x) if x < 0.0 && kpi.lower_is_better() => theme.good,
        Some(x) if x != 0.0 => theme.bad,
        _ => theme.dim,
    };
    vec![
        Span::styled(format!("{label} "), theme.dim),
        Span::styled(format::value(kpi, now, &app.currency()), theme.title),
        Span::styled(format!(" {} ", format::delta(kpi, d)), style),
        Span::raw(" "),
    ]
}

fn numbers(app: &App, rows: &[&[(&str, Kpi)]], theme: &Theme) -> Vec<Line<'static>> {
    rows.iter()
        .map(|row| {
            Line::from(
                row.iter()
                    .flat_map(|(label, kpi)| kpi_spans(app, label, *kpi, theme))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// Split a panel's inner area into the chart and the numbers; a chart needs 4 rows.
fn split(inner: Rect, lines: u16) -> (Option<Rect>, Rect) {
    if inner.width >= 100 {
        let [nums, chart] =
            Layout::horizontal([Constraint::Length(48), Constraint::Min(10)]).areas(inner);
        return ((chart.height >= 3).then_some(chart), nums);
    }
    if inner.height < lines + 4 {
        return (None, inner);
    }
    let [chart, nums] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(lines)]).areas(inner);
    (Some(chart), nums)
}

struct Lines<'a> {
    series: Vec<(&'a Series, &'static str)>,
    extra: Vec<Dataset<'a>>,
    x_max: f64,
    x_labels: Vec<String>,
}

fn bounds(series: &[(&Series, &'static str)]) -> Option<(f64, f64)> {
    series.iter().filter_map(|(s, _)| s.y_bounds()).fold(
        None,
        |acc: Option<(f64, f64)>, (lo, hi)| {
            Some(acc.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        },
    )
}

fn draw_chart(f: &mut Frame, area: Rect, lines: Lines, theme: &Theme) {
    let Some((lo, hi)) = bounds(&lines.series) else {
        f.render_widget(
            Paragraph::new(Span::styled("no data for these months", theme.dim)),
            area,
        );
        return;
    };
    let mut sets: Vec<Dataset> = Vec::new();
    for (i, (s, name)) in lines.series.iter().enumerate() {
        let before = if i == 0 {
            theme.before_line
        } else {
            theme.second_line.patch(theme.dim)
        };
        let now = if i == 0 {
            theme.period_line
        } else {
            theme.second_line
        };
        sets.push(
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(before)
                .data(&s.before),
        );
        sets.push(
            Dataset::default()
                .name(*name)
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(now)
                .data(&s.period),
        );
    }
    sets.extend(lines.extra);
    let label = |y: f64| {
        if hi - lo < 20.0 {
            format::group(y, 1)
        } else {
            format::count(y.round())
        }
    };
    let y_labels = vec![
        Span::styled(label(lo), theme.dim),
        Span::styled(label(hi), theme.dim),
    ];
    let x_labels: Vec<Span> = lines
        .x_labels
        .into_iter()
        .map(|l| Span::styled(l, theme.dim))
        .collect();
    let chart = Chart::new(sets)
        .x_axis(
            Axis::default()
                .bounds([0.0, lines.x_max.max(1.0)])
                .labels(x_labels),
        )
        .y_axis(Axis::default().bounds([lo, hi]).labels(y_labels))
        .legend_position(None);
    f.render_widget(chart, area);
}

/// Labels of the charts' three months.
fn month_labels(app: &App) -> Vec<String> {
    let v = &app.view;
    let mid = crate::model::Period::month_of(v.window_start).next();
    vec![
        v.window_start.format("%b").to_string(),
        mid.start.format("%b").to_string(),
        app.period.start.format("%b %Y").to_string(),
    ]
}

/// Vertical markers at the marked finding's first and last day.
fn marks<'a>(
    app: &App,
    lo: f64,
    hi: f64,
    theme: &Theme,
    store: &'a mut Vec<[(f64, f64); 2]>,
) -> Vec<Dataset<'a>> {
    let Some(fnd) = app.marked_finding() else {
        return Vec::new();
    };
    let v = &app.view;
    for d in [fnd.start, fnd.end] {
        if v.window_start <= d && d <= v.window_end {
            let x = (d - v.window_start).num_days() as f64;
            store.push([(x, lo), (x, hi)]);
        }
    }
    store
        .iter()
        .map(|pts| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.marked)
                .data(pts)
        })
        .collect()
}

pub fn followers(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = panel("Followers", focused(app, Focus::Followers), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows: &[&[(&str, Kpi)]] = &[
        &[("followers", Kpi::FollowersEnd), ("net", Kpi::NetGrowth)],
        &[
            ("growth", Kpi::GrowthPct),
            ("new", Kpi::Follows),
            ("left", Kpi::Unfollows),
        ],
    ];
    let (chart, nums) = split(inner, 2);
    f.render_widget(Paragraph::new(numbers(app, rows, theme)), nums);
    if let Some(area) = chart {
        followers_chart(f, area, app, theme);
    }
}

/// The follower line with spike days and the marked finding's dates.
pub fn followers_chart(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let v = &app.view;
    let (lo, hi) = v.followers.y_bounds().unwrap_or((0.0, 1.0));
    let mut store = Vec::new();
    let mut extra = marks(app, lo, hi, theme, &mut store);
    if !v.spikes.is_empty() {
        extra.push(
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(theme.spike)
                .data(&v.spikes),
        );
    }
    let x_max = (v.window_end - v.window_start).num_days() as f64;
    draw_chart(
        f,
        area,
        Lines {
            series: vec![(&v.followers, "followers")],
            extra,
            x_max,
            x_labels: month_labels(app),
        },
        theme,
    );
}

pub fn reach(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = panel("Reach", focused(app, Focus::Reach), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows: &[&[(&str, Kpi)]] = &[
        &[("reach", Kpi::Reach), ("views", Kpi::Impressions)],
        &[
            ("daily reach/follower", Kpi::ReachPerFollowerPct),
            ("post median", Kpi::PostReachMedian),
        ],
    ];
    let (chart, nums) = split(inner, 2);
    f.render_widget(Paragraph::new(numbers(app, rows, theme)), nums);
    if let Some(area) = chart {
        let v = &app.view;
        let (lo, hi) = v.reach.y_bounds().unwrap_or((0.0, 1.0));
        let mut store = Vec::new();
        let extra = marks(app, lo, hi, theme, &mut store);
        let x_max = (v.window_end - v.window_start).num_days() as f64;
        draw_chart(
            f,
            area,
            Lines {
                series: vec![(&v.reach, "reach"), (&v.impressions, "views")],
                extra,
                x_max,
                x_labels: month_labels(app),
            },
            theme,
        );
    }
}

pub fn engagement(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = panel("Engagement", focused(app, Focus::Engagement), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows: &[&[(&str, Kpi)]] = &[
        &[("ER post", Kpi::ErPostPct), ("ERR", Kpi::ErrPct)],
        &[
            ("love", Kpi::LoveRatePct),
            ("talk", Kpi::TalkRatePct),
            ("ampl.", Kpi::AmplificationRatePct),
        ],
    ];
    let (chart, nums) = split(inner, 2);
    f.render_widget(Paragraph::new(numbers(app, rows, theme)), nums);
    if let Some(area) = chart {
        let v = &app.view;
        let labels = vec![
            v.month_labels.first().cloned().unwrap_or_default(),
            v.month_labels.last().cloned().unwrap_or_default(),
        ];
        draw_chart(
            f,
            area,
            Lines {
                series: vec![(&v.er_post, "ER post %"), (&v.err, "ERR %")],
                extra: Vec::new(),
                x_max: 5.0,
                x_labels: labels,
            },
            theme,
        );
    }
}
