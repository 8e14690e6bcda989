//! Robust statistics of rules.md, "Statistics used".

use crate::metrics::stats::{mean, median};

/// Consistency constant of the modified z-score (Iglewicz and Hoaglin): 0.6745 = Φ⁻¹(0.75).
const MAD_SCALE: f64 = 0.6745;
/// Mean absolute deviation to standard deviation for a normal distribution (√(π/2)), the
/// fallback IBM documents for a MAD of zero.
const MEAN_AD_SCALE: f64 = 1.253314;

/// A robust z-score of `x` against `baseline`, with its median and the method used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RobustZ {
    pub z: f64,
    pub median: f64,
    /// The spread the score divides by, already scaled.
    pub scale: f64,
    pub method: &'static str,
}

/// A baseline's median and robust spread: `z(x) = (x - median) / scale`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Baseline {
    pub median: f64,
    pub scale: f64,
    pub method: &'static str,
}

impl Baseline {
    /// The spread of `values`: `MAD / 0.6745` where MAD > 0; else `1.253314 · MeanAD` where the
    /// mean absolute deviation > 0; else `max(1, 0.01 |m|)`. `None` for no values.
    pub fn of(values: &[f64]) -> Option<Baseline> {
        let m = median(values.iter().copied())?;
        let deviations: Vec<f64> = values.iter().map(|b| (b - m).abs()).collect();
        let mad = median(deviations.iter().copied())?;
        if mad > 0.0 {
            return Some(Baseline {
                median: m,
                scale: mad / MAD_SCALE,
                method: "MAD",
            });
        }
        let mean_ad = mean(deviations.iter().copied())?;
        if mean_ad > 0.0 {
            return Some(Baseline {
                median: m,
                scale: MEAN_AD_SCALE * mean_ad,
                method: "MeanAD",
            });
        }
        Some(Baseline {
            median: m,
            scale: (0.01 * m.abs()).max(1.0),
            method: "constant baseline",
        })
    }

    /// The MAD case of `of`, from a median and a MAD computed elsewhere (a sorted window).
    pub fn with_mad(median: f64, mad: f64) -> Baseline {
        Baseline {
            median,
            scale: mad / MAD_SCALE,
            method: "MAD",
        }
    }

    pub fn z(&self, x: f64) -> RobustZ {
        RobustZ {
            z: (x - self.median) / self.scale,
            median: self.median,
            scale: self.scale,
            method: self.method,
        }
    }
}

/// `z = 0.6745 (x - m) / MAD` where MAD > 0; else `(x - m) / (1.253314 · MeanAD)` where the
/// mean absolute deviation > 0; else `(x - m) / max(1, 0.01 |m|)`. `None` for an empty baseline.
pub fn robust_z(x: f64, baseline: &[f64]) -> Option<RobustZ> {
    Baseline::of(baseline).map(|b| b.z(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mad_score() {
        // median 3, deviations 2,1,0,1,2 → MAD 1.
        let r = robust_z(10.0, &[1.0, 2.0, 3.0, 4.0, 5.0]).unwrap();
        assert!((r.z - 0.6745 * 7.0).abs() < 1e-12);
        assert_eq!(r.method, "MAD");
    }

    #[test]
    fn mean_ad_fallback_when_mad_is_zero() {
        // median 5, deviations 0,0,0,0,10 → MAD 0, MeanAD 2.
        let r = robust_z(9.0, &[5.0, 5.0, 5.0, 5.0, 15.0]).unwrap();
        assert!((r.z - 4.0 / (1.253314 * 2.0)).abs() < 1e-12);
        assert_eq!(r.method, "MeanAD");
    }

    #[test]
    fn constant_baseline_fallback() {
        let r = robust_z(20.0, &[10.0; 8]).unwrap();
        assert!((r.z - 10.0).abs() < 1e-12);
        let r = robust_z(1000.0, &[500.0; 8]).unwrap();
        assert!((r.z - 100.0).abs() < 1e-12);
        assert!(robust_z(1.0, &[]).is_none());
    }
}
