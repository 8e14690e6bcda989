//! Sums, means and medians that know "no value".

/// The sum of the values that exist; `None` when none does (an empty cell is never 0).
pub fn sum_opt(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    values
        .into_iter()
        .flatten()
        .fold(None, |acc, v| Some(acc.unwrap_or(0.0) + v))
}

/// The mean; `None` for no values.
pub fn mean(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The median (the mean of the two middle values for an even count); `None` for no values.
pub fn median(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.into_iter().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    // Selection instead of a full sort: the rules take many medians of long windows.
    let n = v.len();
    let (below, mid, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    let upper = *mid;
    Some(if n % 2 == 1 {
        upper
    } else {
        let lower = below.iter().copied().fold(f64::MIN, f64::max);
        (lower + upper) / 2.0
    })
}

/// `a / b`, "no value" when either has none or `b` is 0.
pub fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    let (a, b) = (a?, b?);
    (b != 0.0).then(|| a / b).filter(|x| x.is_finite())
}

/// `a / b * 100`, likewise.
pub fn pct(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    ratio(a, b).map(|r| r * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_know_no_value() {
        assert_eq!(sum_opt([None, None]), None);
        assert_eq!(sum_opt([None, Some(0.0)]), Some(0.0));
        assert_eq!(sum_opt([Some(1.0), None, Some(2.0)]), Some(3.0));
    }

    #[test]
    fn medians() {
        assert_eq!(median([3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median([4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(Vec::<f64>::new()), None);
    }

    #[test]
    fn ratios_refuse_zero() {
        assert_eq!(ratio(Some(1.0), Some(0.0)), None);
        assert_eq!(pct(Some(1.0), Some(4.0)), Some(25.0));
        assert_eq!(pct(None, Some(4.0)), None);
        assert_eq!(mean([1.0, 2.0]), Some(1.5));
    }
}
