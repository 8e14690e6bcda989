//! Shares of an audience (country, age, gender, city) as weights, blended month by month
//! and rounded to tenths of a percent that sum to exactly 100.

use crate::rng::Rng;

pub type Shares = Vec<(&'static str, f64)>;

/// Each weight multiplied by `1 ± half`, then normalised.
pub fn jittered(base: &[(&'static str, f64)], rng: &mut Rng, half: f64) -> Shares {
    let raw: Shares = base
        .iter()
        .map(|&(k, w)| (k, w * rng.jitter(half)))
        .collect();
    normalised(raw)
}

pub fn normalised(raw: Shares) -> Shares {
    let total: f64 = raw.iter().map(|(_, w)| w).sum();
    raw.into_iter().map(|(k, w)| (k, w / total)).collect()
}

/// `a` weighted by `wa` people plus `b` weighted by `wb` people; keys in first-seen order.
pub fn blend(a: &Shares, wa: f64, b: &Shares, wb: f64) -> Shares {
    let mut out: Shares = a.iter().map(|&(k, w)| (k, w * wa)).collect();
    for &(k, w) in b {
        match out.iter_mut().find(|(key, _)| *key == k) {
            Some(slot) => slot.1 += w * wb,
            None => out.push((k, w * wb)),
        }
    }
    normalised(out)
}

/// Shares in tenths of a percent, largest remainder first, summing to exactly 1000.
pub fn tenths(shares: &Shares) -> Vec<(&'static str, i64)> {
    let exact: Vec<f64> = shares.iter().map(|(_, w)| w * 1000.0).collect();
    let mut out: Vec<(&'static str, i64)> = shares
        .iter()
        .zip(&exact)
        .map(|(&(k, _), x)| (k, x.floor() as i64))
        .collect();
    let missing = 1000 - out.iter().map(|(_, t)| t).sum::<i64>();
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&i, &j| {
        let (ri, rj) = (exact[i] - exact[i].floor(), exact[j] - exact[j].floor());
        rj.total_cmp(&ri).then(i.cmp(&j))
    });
    for &i in order.iter().take(missing.max(0) as usize) {
        out[i].1 += 1;
    }
    out
}
