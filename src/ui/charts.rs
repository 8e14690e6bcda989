//! The three panels: Followers, Reach, Engagement. Each is a chart over the same days (the two
//! months before the period and the period, highlighted), with a legend and its unit, and the
//! period's key numbers with their month-over-month deltas.

use super::frame::{focused, panel};
use super::Theme;
use crate::app::{App, Focus, Series};
use crate::format;
use crate::metrics::{delta, Kpi};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
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

/// A sparkline of a series (before and period joined). It starts at zero, so that a 5 % dip
/// looks like one; a series that goes below zero (net follows) spans its own range.
fn spark(f: &mut Frame, area: Rect, s: &Series, theme: &Theme) {
    let mut ys: Vec<f64> = s.points().map(|p| p.1).collect();
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
    let lo = lo.min(0.0);
    let range = (hi - lo).max(1e-9);
    let data: Vec<u64> = ys
        .iter()
        .map(|y| ((y - lo) / range * 100.0).round() as u64)
        .collect();
    f.render_widget(
        Sparkline::default()
            .data(&data)
            .max(100)
            .style(theme.period_line),
        area,
    );
}

/// One line of a chart: its series, what the legend calls it, its unit on the y axis.
struct Lines<'a> {
    series: Vec<(&'a Series, &'static str)>,
    /// Dots instead of lines: the values are of the days with posts, not of every day.
    dots: bool,
    /// The y axis from the lowest value instead of zero (a finding's own chart, where the
    /// jump must show even a few rows high; the axis labels say the range).
    tight: bool,
    extra: Vec<Dataset<'a>>,
    /// The legend's words for the extra marks (spike days, finding dates).
    extra_legend: Vec<(&'static str, &'static str, Style)>,
    unit: &'static str,
}

fn bounds(series: &[(&Series, &'static str)]) -> Option<(f64, f64)> {
    series.iter().filter_map(|(s, _)| s.y_bounds()).fold(
        None,
        |acc: Option<(f64, f64)>, (lo, hi)| {
            Some(acc.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        },
    )
}

/// The lowest and the highest value of the lines (the top above the bottom).
fn tight_bounds(series: &[(&Series, &'static str)]) -> Option<(f64, f64)> {
    let ys = series.iter().flat_map(|(s, _)| s.points().map(|p| p.1));
    let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(y), h.max(y)));
    (lo <= hi).then_some((lo, if hi > lo { hi } else { lo + 1.0 }))
}

fn line_styles(i: usize, theme: &Theme) -> (Style, Style) {
    if i == 0 {
        (theme.before_line, theme.period_line)
    } else {
        (theme.second_line.patch(theme.dim), theme.second_line)
    }
}

/// The legend above a chart: each line's name in its colour, the period's month, the marks;
/// an item that does not fit the width is left out whole.
fn legend(app: &App, lines: &Lines, theme: &Theme, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, (series, name)) in lines.series.iter().enumerate() {
        if series.is_empty() {
            continue;
        }
        let (_, now) = line_styles(i, theme);
        spans.push(Span::styled(if lines.dots { "• " } else { "━ " }, now));
        spans.push(Span::styled(format!("{name}  "), theme.dim));
    }
    spans.push(Span::styled("━ ", theme.before_line));
    spans.push(Span::styled(
        format!("before {}  ", app.period.start.format("%b")),
        theme.dim,
    ));
    for (mark, words, style) in &lines.extra_legend {
        spans.push(Span::styled(format!("{mark} "), *style));
        spans.push(Span::styled(format!("{words}  "), theme.dim));
    }
    // Items are pairs of spans (mark, words): keep the pairs that fit.
    let mut kept = Vec::new();
    let mut used = 0;
    for pair in spans.chunks(2) {
        let w: usize = pair.iter().map(|s| s.width()).sum();
        if used + w > width + 2 {
            break;
        }
        used += w;
        kept.extend(pair.iter().cloned());
    }
    Line::from(kept)
}

fn draw_chart(f: &mut Frame, area: Rect, app: &App, lines: Lines, theme: &Theme) {
    let range = if lines.tight {
        tight_bounds(&lines.series)
    } else {
        bounds(&lines.series)
    };
    let Some((lo, hi)) = range else {
        f.render_widget(
            Paragraph::new(Span::styled("no data for these months", theme.dim)),
            area,
        );
        return;
    };
    // The legend takes the chart's first row where the chart keeps 4 rows below it.
    let area = if area.height >= 6 {
        let [top, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        f.render_widget(
            Paragraph::new(legend(app, &lines, theme, usize::from(top.width))),
            top,
        );
        rest
    } else {
        area
    };
    let mut sets: Vec<Dataset> = Vec::new();
    for (i, (s, _)) in lines.series.iter().enumerate() {
        let (before, now) = line_styles(i, theme);
        let (marker, kind) = if lines.dots {
            (Marker::Dot, GraphType::Scatter)
        } else {
            (Marker::Braille, GraphType::Line)
        };
        for (data, style) in [(&s.before, before), (&s.period, now)] {
            sets.push(
                Dataset::default()
                    .marker(marker)
                    .graph_type(kind)
                    .style(style)
                    .data(data),
            );
        }
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
    let x_labels: Vec<Span> = month_labels(app)
        .into_iter()
        .map(|l| Span::styled(l, theme.dim))
        .collect();
    let chart = Chart::new(sets)
        .x_axis(
            Axis::default()
                .bounds([0.0, app.view.audit.charts.days().max(1.0)])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled(lines.unit, theme.dim))
                .bounds([lo, hi])
                .labels(y_labels),
        )
        .legend_position(None);
    f.render_widget(chart, area);
}

/// The x axis: the window's first and last day, at its two ends (evenly spaced month names
/// would sit away from the months' first days).
fn month_labels(app: &App) -> Vec<String> {
    let c = &app.view.audit.charts;
    vec![
        c.window_start.format("%b %-d").to_string(),
        c.window_end.format("%b %-d, %Y").to_string(),
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
    let c = &app.view.audit.charts;
    for d in [fnd.start, fnd.end] {
        if c.window_start <= d && d <= c.window_end {
            let x = c.x(d);
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

/// The legend's words for the marked finding's dates, where one is marked.
fn marks_legend(app: &App, theme: &Theme) -> Vec<(&'static str, &'static str, Style)> {
    match app.marked_finding() {
        Some(_) => vec![("│", "the finding's dates", theme.marked)],
        None => Vec::new(),
    }
}

/// The first benchmark of `formula` for the account, as a line: "typical for Instagram over 5K:
/// 0.47 % (Rival IQ, 2023)", with the account's value by that formula first where it is not a
/// KPI of the panel.
fn benchmark_note(app: &App, formula: &str, own: &str) -> Option<String> {
    let b = app
        .view
        .audit
        .summary
        .benchmarks
        .iter()
        .find(|b| b.row.formula == formula)?;
    let value = b.account?;
    Some(if formula == "er_post" {
        format!("{own} {}", b.short())
    } else {
        format!("{own} {} %, {}", crate::evidence::percent(value), b.short())
    })
}

/// A panel: its border, its key numbers, and a chart (or a sparkline of `spark_series` when
/// the panel is low) drawn by `chart`.
struct Spec<'a> {
    focus: Focus,
    rows: &'a [&'a [(&'a str, Kpi)]],
    spark: &'a Series,
    /// A line under the numbers: a benchmark by the same formula.
    note: Option<String>,
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
        note,
    } = spec;
    let block = panel(focus.title(), focused(app, focus), theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let (plot, nums) = split(inner, rows.len() as u16 + u16::from(note.is_some()));
    let note = note.filter(|_| nums.height as usize > rows.len());
    let mut lines = numbers(app, rows, theme, nums.width as usize);
    // The note takes the rows left, wrapped at words; the last row it gets ends with `…`
    // where the note is longer.
    if let Some(note) = note {
        let width = (nums.width as usize).max(1);
        let mut rest = note.as_str();
        while nums.height as usize > lines.len() && !rest.is_empty() {
            let last = nums.height as usize == lines.len() + 1;
            let piece = if last || rest.chars().count() <= width {
                crate::text::fit_words(rest, width)
            } else {
                let cut: String = rest.chars().take(width + 1).collect();
                match cut.rfind(' ') {
                    Some(i) => cut[..i].to_string(),
                    None => crate::text::fit_words(rest, width),
                }
            };
            rest = rest[piece.len().min(rest.len())..].trim_start();
            lines.push(Line::from(Span::styled(piece, theme.dim)));
        }
    }
    f.render_widget(Paragraph::new(lines), nums);
    match plot {
        Plot::Chart(area) => chart(f, area),
        Plot::Spark(area) => spark(f, area, spark_series, theme),
        Plot::None => {}
    }
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
        spark: &app.view.audit.charts.followers,
        note: None,
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        followers_chart(f, a, app, theme, false)
    });
}

/// The follower line with its spike days and the marked finding's dates; `tight` for a
/// finding's own chart (the axis from the lowest value).
pub fn followers_chart(f: &mut Frame, area: Rect, app: &App, theme: &Theme, tight: bool) {
    let c = &app.view.audit.charts;
    let series = [(&c.followers, "")];
    let (lo, hi) = if tight {
        tight_bounds(&series)
    } else {
        c.followers.y_bounds()
    }
    .unwrap_or((0.0, 1.0));
    let mut store = Vec::new();
    let mut extra = marks(app, lo, hi, theme, &mut store);
    let mut extra_legend = marks_legend(app, theme);
    if !c.spikes.is_empty() {
        extra.push(
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Scatter)
                .style(theme.spike)
                .data(&c.spikes),
        );
        extra_legend.insert(0, ("•", "spike day", theme.spike));
    }
    let lines = Lines {
        series: vec![(&c.followers, c.followers_label)],
        dots: false,
        tight,
        extra,
        extra_legend,
        unit: c.followers_label,
    };
    draw_chart(f, area, app, lines, theme);
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
    let c = &app.view.audit.charts;
    let spec = Spec {
        focus: Focus::Reach,
        rows,
        spark: &c.reach,
        note: benchmark_note(app, "post_reach_rate", "a post reaches"),
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        let (lo, hi) = bounds(&[(&c.reach, ""), (&c.impressions, "")]).unwrap_or((0.0, 1.0));
        let mut store = Vec::new();
        let extra = marks(app, lo, hi, theme, &mut store);
        let lines = Lines {
            series: vec![(&c.reach, "reach"), (&c.impressions, "views")],
            dots: false,
            tight: false,
            extra,
            extra_legend: marks_legend(app, theme),
            unit: "a day",
        };
        draw_chart(f, a, app, lines, theme);
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
    let c = &app.view.audit.charts;
    let spec = Spec {
        focus: Focus::Engagement,
        rows,
        spark: &c.er_post,
        note: benchmark_note(app, "er_post", "ER post")
            .or_else(|| benchmark_note(app, "er_likes_comments", "likes+comments")),
    };
    panel_with(f, area, app, theme, spec, |f, a| {
        let (lo, hi) = bounds(&[(&c.er_post, ""), (&c.err, "")]).unwrap_or((0.0, 1.0));
        let mut store = Vec::new();
        let extra = marks(app, lo, hi, theme, &mut store);
        let lines = Lines {
            series: vec![(&c.er_post, "ER post"), (&c.err, "ERR")],
            dots: true,
            tight: false,
            extra,
            extra_legend: marks_legend(app, theme),
            unit: "% a post, by day",
        };
        draw_chart(f, a, app, lines, theme);
    });
}
