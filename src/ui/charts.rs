//! The three panels: Followers, Reach, Engagement. Each is a chart over the months around the
//! period (the period highlighted) and the period's key numbers with their month-over-month
//! deltas.

use super::frame::{focused, panel};
use super::Theme;
use crate::app::{App, Focus, Series};
use crate::format;
use crate::metrics::{delta, Kpi};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph, Sparkline};
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
        Span::styled(
            format!(" {} ", format::change(kpi, now, s.previous.get(kpi))),
            style,
        ),
        Span::raw(" "),
    ]
}

/// The panel's key numbers, a line per row. A KPI that does not fit the line's `width` is left
/// out whole, with the ones after it: a number is never cut (interface.md).
fn numbers(app: &App, rows: &[&[(&str, Kpi)]], theme: &Theme, width: usize) -> Vec<Line<'static>> {
    rows.iter()
        .map(|row| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut used = 0;
            for (label, kpi) in row.iter() {
                let item = kpi_spans(app, label, *kpi, theme);
                let w: usize = item.iter().map(|s| s.width()).sum();
                // The trailing space of the last item may fall off the edge.
                if used + w.saturating_sub(1) > width {
                    break;
                }
                used += w;
                spans.extend(item);
            }
            Line::from(spans)
        })
        .collect()
}

/// Where a panel draws its series: a chart with axes, a sparkline beside the numbers when
/// the panel is low, or nothing when it is too small.
enum Plot {
    Chart(Rect),
    Spark(Rect),
    None,
}

/// Split a panel's inner area into the plot and the numbers; a chart needs 4 rows.
fn split(inner: Rect, lines: u16) -> (Plot, Rect) {
    if inner.width >= 100 || inner.height < lines + 4 {
        let wide = inner.width >= 100 && inner.height >= 3;
        let [nums, plot] =
            Layout::horizontal([Constraint::Length(50), Constraint::Min(0)]).areas(inner);
        return match (wide, plot.width >= 16) {
            (true, _) => (Plot::Chart(plot), nums),
            (false, true) => (Plot::Spark(plot), nums),
            _ => (Plot::None, inner),
        };
    }
    let [chart, nums] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(lines)]).areas(inner);
    (Plot::Chart(chart), nums)
}

/// A sparkline of a series (before and period joined), scaled between its lowest and highest
/// value so that a slow climb stays visible.
fn spark(f: &mut Frame, area: Rect, s: &Series, theme: &Theme) {
    let mut ys: Vec<f64> = s.before.iter().map(|p| p.1).collect();
    ys.extend(
        s.period
            .iter()
            .skip(usize::from(!s.before.is_empty()))
            .map(|p| p.1),
    );
    let width = area.width as usize;
    if ys.len() > width && width > 0 {
        let step = ys.len().div_ceil(width);
        ys = ys
            .chunks(step)
            .map(|c| c.iter().sum::<f64>() / c.len() as f64)
            .collect();
    }
    let (lo, hi) = ys
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(*y), h.max(*y)));
    if ys.is_empty() || !lo.is_finite() || !hi.is_finite() {
        return;
    }
    let range = (hi - lo).max(1e-9);
    let data: Vec<u64> = ys
        .iter()
        .map(|y| (1.0 + (y - lo) / range * 99.0) as u64)
        .collect();
    f.render_widget(
        Sparkline::default()
            .data(&data)
            .max(100)
            .style(theme.period_line),
        area,
    );
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

/// A panel: its border, its key numbers, and a chart (or a sparkline of `spark_series` when
/// the panel is low) drawn by `chart`.
struct Spec<'a> {
    focus: Focus,
    rows: &'a [&'a [(&'a str, Kpi)]],
    spark: &'a Series,
}

fn panel_with(
    f: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    spec: Spec,
    chart: impl FnOnce(&mut Frame, Rect),
) {
    let Spec {
        focus,
        rows,
        spark: spark_series,
    } = spec;
    let block = panel(focus.title(), focused(app, focus), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let (plot, nums) = split(inner, rows.len() as u16);
    f.render_widget(
        Paragraph::new(numbers(app, rows, theme, nums.width as usize)),
        nums,
    );
    match plot {
        Plot::Chart(area) => chart(f, area),
        Plot::Spark(area) => spark(f, area, spark_series, theme),
        Plot::None => {}
    }
}

/// The days of the charts' window, for the x axis.
fn window_days(app: &App) -> f64 {
    (app.view.window_end - app.view.window_start).num_days() as f64
}

pub fn followers(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows: &[&[(&str, Kpi)]] = &[
        &[("followers", Kpi::FollowersEnd), ("net", Kpi::NetGrowth)],
        &[
            ("growth", Kpi::GrowthPct),
            ("new", Kpi::Follows),
            ("left", Kpi::Unfollows),
        ],
    ];
    let spec = Spec {
        focus: Focus::Followers,
        rows,
        spark: &app.view.followers,
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        followers_chart(f, a, app, theme)
    });
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
    let lines = Lines {
        series: vec![(&v.followers, v.followers_label)],
        extra,
        x_max: window_days(app),
        x_labels: month_labels(app),
    };
    draw_chart(f, area, lines, theme);
}

pub fn reach(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows: &[&[(&str, Kpi)]] = &[
        &[("reach", Kpi::Reach), ("views", Kpi::Impressions)],
        &[
            ("daily reach/follower", Kpi::ReachPerFollowerPct),
            ("post median", Kpi::PostReachMedian),
        ],
        &[
            ("profile visits", Kpi::ProfileVisits),
            ("per reach", Kpi::ProfileVisitRatePct),
        ],
    ];
    let v = &app.view;
    let spec = Spec {
        focus: Focus::Reach,
        rows,
        spark: &v.reach,
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        let (lo, hi) = v.reach.y_bounds().unwrap_or((0.0, 1.0));
        let mut store = Vec::new();
        let extra = marks(app, lo, hi, theme, &mut store);
        let lines = Lines {
            series: vec![(&v.reach, "reach"), (&v.impressions, "views")],
            extra,
            x_max: window_days(app),
            x_labels: month_labels(app),
        };
        draw_chart(f, a, lines, theme);
    });
}

pub fn engagement(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows: &[&[(&str, Kpi)]] = &[
        &[("ER post", Kpi::ErPostPct), ("ERR", Kpi::ErrPct)],
        &[
            ("love", Kpi::LoveRatePct),
            ("talk", Kpi::TalkRatePct),
            ("ampl.", Kpi::AmplificationRatePct),
        ],
    ];
    let v = &app.view;
    let spec = Spec {
        focus: Focus::Engagement,
        rows,
        spark: &v.er_post,
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        let labels = vec![
            v.month_labels.first().cloned().unwrap_or_default(),
            v.month_labels.last().cloned().unwrap_or_default(),
        ];
        let lines = Lines {
            series: vec![(&v.er_post, "ER post %"), (&v.err, "ERR %")],
            extra: Vec::new(),
            x_max: 5.0,
            x_labels: labels,
        };
        draw_chart(f, a, lines, theme);
    });
}
