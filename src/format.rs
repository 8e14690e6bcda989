//! How numbers and dates are written for people, in one place below the rules and the
//! renderers: thousands separators, two decimals for percentages, "—" for no value.

use crate::metrics::{Kpi, Unit};

/// The sign shown for "no value".
pub const NO_VALUE: &str = "—";

/// `12345.678` → `12,345.68`; integers without decimals.
pub fn group(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return NO_VALUE.to_string();
    }
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = v < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A count: no decimals when whole, else one.
pub fn count(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        group(v, 0)
    } else {
        group(v, 1)
    }
}

/// A KPI value for people, with its unit; "—" for no value.
pub fn value(kpi: Kpi, v: Option<f64>, currency: &str) -> String {
    let Some(v) = v else {
        return NO_VALUE.to_string();
    };
    match kpi.unit() {
        Unit::Count => count(v),
        Unit::Percent => format!("{} %", group(v, 2)),
        Unit::Money if currency.is_empty() => group(v, 2),
        Unit::Money => format!("{} {currency}", group(v, 2)),
        Unit::Ratio => group(v, 2),
        Unit::Seconds => format!("{} s", group(v, 0)),
        Unit::Minutes => format!("{} min", group(v, 1)),
    }
}

/// A month-over-month change: percentage points for percentages, a relative change otherwise.
pub fn delta(kpi: Kpi, d: Option<f64>) -> String {
    let Some(d) = d else {
        return NO_VALUE.to_string();
    };
    let sign = if d > 0.0 { "+" } else { "" };
    match kpi.unit() {
        Unit::Percent => format!("{sign}{} pp", group(d, 2)),
        _ => format!("{sign}{} %", group(d, 1)),
    }
}

/// Below this previous value a relative change misleads ("+100 %" from 1 to 2): the change is
/// shown as a difference instead.
pub const SMALL_BASE: f64 = 10.0;

/// The change from the previous period as people should read it: percentage points for
/// percentages; a relative change otherwise, except on a base under `SMALL_BASE`, where it is
/// the difference and the base ("+2 from 1").
pub fn change(kpi: Kpi, now: Option<f64>, before: Option<f64>) -> String {
    match (kpi.unit(), now, before) {
        (Unit::Percent, _, _) => delta(kpi, crate::metrics::delta(kpi, now, before)),
        (_, Some(c), Some(b)) if b.abs() < SMALL_BASE => {
            let d = c - b;
            let sign = if d > 0.0 { "+" } else { "" };
            format!("{sign}{} from {}", unit_number(kpi, d), unit_number(kpi, b))
        }
        _ => delta(kpi, crate::metrics::delta(kpi, now, before)),
    }
}

/// A number in a KPI's unit, without the currency.
fn unit_number(kpi: Kpi, v: f64) -> String {
    match kpi.unit() {
        Unit::Count => count(v),
        Unit::Seconds => format!("{} s", group(v, 0)),
        Unit::Minutes => format!("{} min", group(v, 1)),
        _ => group(v, 2),
    }
}

/// The headers of the top posts' columns that follow their ranking: reach and ERR, or, for a
/// platform that gives views, views and ER by views.
pub fn ranked_headers(by: crate::metrics::Ranking) -> (&'static str, &'static str) {
    if by == crate::metrics::Ranking::Views {
        ("views", "ER by views")
    } else {
        ("reach", "ERR")
    }
}

/// A post's values in those columns.
pub fn ranked_values(
    by: crate::metrics::Ranking,
    post: &crate::model::Post,
    rates: &crate::metrics::PostRates,
) -> (String, String) {
    if by == crate::metrics::Ranking::Views {
        (
            value(Kpi::Impressions, post.impressions, ""),
            value(Kpi::ErViewPct, rates.er_view_pct, ""),
        )
    } else {
        (
            value(Kpi::Reach, post.reach, ""),
            value(Kpi::ErrPct, rates.err_pct, ""),
        )
    }
}

/// A day, or a range of days: "2026-10-13" or "2026-10-13 – 2026-10-14".
pub fn days(start: chrono::NaiveDate, end: chrono::NaiveDate) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start} – {end}")
    }
}

/// A signed count, `+350` / `-12`.
pub fn signed_count(v: f64) -> String {
    let sign = if v > 0.0 { "+" } else { "" };
    format!("{sign}{}", count(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group(1234567.891, 2), "1,234,567.89");
        assert_eq!(group(-1234.0, 0), "-1,234");
        assert_eq!(group(999.0, 0), "999");
        assert_eq!(group(-0.001, 2), "0.00");
        assert_eq!(count(12.0), "12");
        assert_eq!(count(12.5), "12.5");
    }

    #[test]
    fn values_and_deltas() {
        assert_eq!(value(Kpi::ErPostPct, Some(3.2149), ""), "3.21 %");
        assert_eq!(value(Kpi::Cpl, Some(12.5), "EUR"), "12.50 EUR");
        assert_eq!(value(Kpi::Cpl, None, "EUR"), "—");
        assert_eq!(delta(Kpi::ErPostPct, Some(0.5)), "+0.50 pp");
        assert_eq!(delta(Kpi::Reach, Some(-12.34)), "-12.3 %");
    }

    #[test]
    fn changes_on_small_bases_are_differences() {
        assert_eq!(change(Kpi::Posts, Some(2.0), Some(1.0)), "+1 from 1");
        assert_eq!(change(Kpi::Likes, Some(3.0), Some(0.0)), "+3 from 0");
        assert_eq!(change(Kpi::Likes, Some(5.0), Some(9.0)), "-4 from 9");
        assert_eq!(change(Kpi::Likes, Some(15.0), Some(10.0)), "+50.0 %");
        assert_eq!(change(Kpi::ErPostPct, Some(3.0), Some(1.0)), "+2.00 pp");
        assert_eq!(change(Kpi::Likes, None, Some(1.0)), "—");
    }
}
