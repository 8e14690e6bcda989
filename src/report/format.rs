//! How numbers are written for people: thousands separators, two decimals for percentages,
//! "—" for no value.

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
}
