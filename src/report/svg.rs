//! The HTML report's charts: inline SVG drawn here (no script, nothing fetched), the same
//! days, lines and marks as the screen's charts: followers with the spike days, reach and
//! views, engagement; the period on a light band, the findings' windows shaded.

use crate::audit::{Charts, Series};
use crate::format;
use std::fmt::Write;

const W: f64 = 400.0;
const H: f64 = 230.0;
/// The plot inside the picture: room for the legend above, the y labels left, the months below.
const LEFT: f64 = 50.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 26.0;

const PERIOD: &str = "#1f6fb2";
const SECOND: &str = "#b2367f";
const SPIKE: &str = "#c00000";

/// One line of a chart and what the legend calls it.
struct Line<'a> {
    series: &'a Series,
    name: &'a str,
    colour: &'static str,
    /// Dots for the days with a value, not a line through every day (the days with posts).
    dots: bool,
}

/// The three charts, one `<figure>` each.
pub fn charts(c: &Charts, period_month: &str) -> String {
    let mut out = String::from("<div class=\"charts\">\n");
    out.push_str(&chart(
        c,
        "Followers",
        c.followers_label,
        &[Line {
            series: &c.followers,
            name: c.followers_label,
            colour: PERIOD,
            dots: false,
        }],
        &c.spikes,
        period_month,
    ));
    out.push_str(&chart(
        c,
        "Reach",
        "a day",
        &[
            Line {
                series: &c.reach,
                name: "reach",
                colour: PERIOD,
                dots: false,
            },
            Line {
                series: &c.impressions,
                name: "views",
                colour: SECOND,
                dots: false,
            },
        ],
        &[],
        period_month,
    ));
    out.push_str(&chart(
        c,
        "Engagement",
        "% a post, by day",
        &[
            Line {
                series: &c.er_post,
                name: "ER post",
                colour: PERIOD,
                dots: true,
            },
            Line {
                series: &c.err,
                name: "ERR",
                colour: SECOND,
                dots: true,
            },
        ],
        &[],
        period_month,
    ));
    out.push_str("</div>\n");
    out
}

fn chart(
    c: &Charts,
    title: &str,
    unit: &str,
    lines: &[Line],
    spikes: &[(f64, f64)],
    period_month: &str,
) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<figure><svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{title}, {} to {}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui,sans-serif\" font-size=\"11\">",
        c.window_start, c.window_end
    );
    let _ = write!(
        o,
        "<title>{title}, {} to {}</title>",
        c.window_start, c.window_end
    );
    let ys = lines
        .iter()
        .flat_map(|l| l.series.points().map(|p| p.1))
        .chain(spikes.iter().map(|p| p.1));
    let (lo, hi) = ys.fold((f64::MAX, f64::MIN), |(l, h), y| (l.min(y), h.max(y)));
    let days = c.days().max(1.0);
    let x = |d: f64| LEFT + d / days * (W - LEFT - RIGHT);
    let plot_bottom = H - BOTTOM;
    // The period on a light band, the findings' windows shaded over it.
    let period_x = c.x(c.period_start);
    let _ = write!(
        o,
        "<rect x=\"{:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#eef4fa\"/>",
        x(period_x),
        x(days) - x(period_x),
        plot_bottom - TOP
    );
    for (a, b) in &c.findings {
        let _ = write!(
            o,
            "<rect x=\"{:.1}\" y=\"{TOP}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#f7caca\" fill-opacity=\".7\"/>",
            x(*a),
            (x(*b + 1.0).min(x(days)) - x(*a)).max(2.0),
            plot_bottom - TOP
        );
    }
    legend(
        &mut o,
        lines,
        !spikes.is_empty(),
        !c.findings.is_empty(),
        period_month,
    );
    let _ = write!(
        o,
        "<text x=\"4\" y=\"{:.1}\" fill=\"#555\">{}</text>",
        TOP - 6.0,
        super::html::escape(unit)
    );
    if lo > hi {
        let _ = writeln!(
            o,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#555\">no data for these months</text></svg></figure>",
            LEFT + 10.0,
            (TOP + plot_bottom) / 2.0
        );
        return o;
    }
    // Counts start at zero; a series below zero (net follows) keeps its own range. The grid
    // lines fall on round numbers.
    let step = nice_step((hi - lo.min(0.0)).max(1e-9) / 5.0);
    let lo = (lo.min(0.0) / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    let y = |v: f64| plot_bottom - (v - lo) / (hi - lo) * (plot_bottom - TOP);
    let ticks = ((hi - lo) / step).round() as i32;
    for i in 0..=ticks {
        let v = lo + step * f64::from(i);
        let label = if step < 1.0 {
            format::group(v, if step < 0.1 { 2 } else { 1 })
        } else {
            format::count(v.round())
        };
        let _ = write!(
            o,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"#ddd\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{label}</text>",
            W - RIGHT,
            y(v),
            y(v),
            LEFT - 4.0,
            y(v) + 4.0
        );
    }
    for (at, name) in c.months() {
        let _ = write!(
            o,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{plot_bottom:.1}\" stroke=\"#ccc\" stroke-dasharray=\"2 3\"/><text x=\"{1:.1}\" y=\"{2:.1}\" fill=\"#555\">{name}</text>",
            x(at),
            x(at) + 3.0,
            H - 8.0
        );
    }
    for l in lines {
        // The days before the period in the line's colour, faded.
        for (part, opacity) in [(&l.series.before, 0.4), (&l.series.period, 1.0)] {
            if part.is_empty() {
                continue;
            }
            let colour = l.colour;
            if l.dots {
                for (a, b) in part.iter() {
                    let _ = write!(
                        o,
                        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2\" fill=\"{colour}\" fill-opacity=\"{opacity}\"/>",
                        x(*a),
                        y(*b)
                    );
                }
                continue;
            }
            let points: Vec<String> = part
                .iter()
                .map(|(a, b)| format!("{:.1},{:.1}", x(*a), y(*b)))
                .collect();
            let _ = write!(
                o,
                "<polyline fill=\"none\" stroke=\"{colour}\" stroke-opacity=\"{opacity}\" stroke-width=\"1.6\" points=\"{}\"/>",
                points.join(" ")
            );
        }
    }
    for (a, b) in spikes {
        let _ = write!(
            o,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.2\" fill=\"{SPIKE}\"/>",
            x(*a),
            y(*b)
        );
    }
    o.push_str("</svg></figure>\n");
    o
}

/// A round step for about `raw`: 1, 2, 2.5 or 5 times a power of ten.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powi(raw.log10().floor() as i32);
    let f = raw / power;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 2.5 {
        2.5
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// How a legend item is drawn.
enum Swatch<'a> {
    Stroke(&'a str),
    Dots(&'a str),
    /// The lines before the period.
    Faded,
    Dot,
    Shade,
}

/// The legend across the top: a swatch and a name for each line, then the marks.
fn legend(o: &mut String, lines: &[Line], spikes: bool, findings: bool, period_month: &str) {
    let before = format!("before {period_month}");
    let mut items: Vec<(Swatch, &str)> = lines
        .iter()
        .filter(|l| !l.series.is_empty())
        .map(|l| {
            let swatch = if l.dots {
                Swatch::Dots(l.colour)
            } else {
                Swatch::Stroke(l.colour)
            };
            (swatch, l.name)
        })
        .collect();
    items.push((Swatch::Faded, &before));
    if spikes {
        items.push((Swatch::Dot, "spike day"));
    }
    if findings {
        items.push((Swatch::Shade, "finding"));
    }
    let mut at = 4.0;
    for (swatch, words) in items {
        let _ = match swatch {
            Swatch::Stroke(colour) => write!(
                o,
                "<line x1=\"{at:.1}\" x2=\"{:.1}\" y1=\"10\" y2=\"10\" stroke=\"{colour}\" stroke-width=\"3\"/>",
                at + 12.0
            ),
            Swatch::Dots(colour) => write!(
                o,
                "<circle cx=\"{:.1}\" cy=\"10\" r=\"3\" fill=\"{colour}\"/>",
                at + 6.0
            ),
            Swatch::Faded => write!(
                o,
                "<line x1=\"{at:.1}\" x2=\"{:.1}\" y1=\"10\" y2=\"10\" stroke=\"{PERIOD}\" stroke-opacity=\"0.4\" stroke-width=\"3\"/>",
                at + 12.0
            ),
            Swatch::Dot => write!(
                o,
                "<circle cx=\"{:.1}\" cy=\"10\" r=\"3.2\" fill=\"{SPIKE}\"/>",
                at + 6.0
            ),
            Swatch::Shade => write!(
                o,
                "<rect x=\"{at:.1}\" y=\"4\" width=\"12\" height=\"12\" fill=\"#f7caca\"/>"
            ),
        };
        let _ = write!(
            o,
            "<text x=\"{:.1}\" y=\"14\" fill=\"#333\">{}</text>",
            at + 16.0,
            super::html::escape(words)
        );
        at += 24.0 + words.chars().count() as f64 * 6.0;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn grid_steps_are_round() {
        assert_eq!(super::nice_step(2052.0), 2500.0);
        assert_eq!(super::nice_step(1200.0), 2000.0);
        assert_eq!(super::nice_step(35.0), 50.0);
        assert_eq!(super::nice_step(0.7), 1.0);
        assert_eq!(super::nice_step(0.22), 0.25);
    }
}
