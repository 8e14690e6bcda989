//! A tiny deterministic PRNG (SplitMix64) and the few draws the generator needs.

pub struct Rng(u64);

impl Rng {
    /// An independent stream per (account seed, purpose), so that tuning one file's
    /// numbers never shifts the random draws of another.
    pub fn stream(seed: u64, purpose: &str) -> Self {
        let mut h = seed ^ 0xCBF2_9CE4_8422_2325;
        for b in purpose.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
        Rng(h)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn range(&mut self, (lo, hi): (f64, f64)) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Uniform integer in `[lo, hi]`, both inclusive.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Triangular noise in `[-half, half]`: bounded, so no freak outliers.
    pub fn tri(&mut self, half: f64) -> f64 {
        half * (self.unit() - self.unit())
    }

    /// A multiplicative jitter `1 ± half`.
    pub fn jitter(&mut self, half: f64) -> f64 {
        1.0 + self.tri(half)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// A label drawn with the given weights.
    pub fn weighted(&mut self, items: &[(&'static str, f64)]) -> &'static str {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.unit() * total;
        for (label, w) in items {
            if x < *w {
                return label;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }

    /// Successes in `n` trials of probability `p`.
    pub fn binomial(&mut self, n: i64, p: f64) -> i64 {
        (0..n).filter(|_| self.chance(p)).count() as i64
    }
}
