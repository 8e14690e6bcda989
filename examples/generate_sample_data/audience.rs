//! Monthly audience snapshots (last day of each month) of the whole base and of the
//! month's new followers. The base drifts as each month's newcomers blend into it.

use crate::config::{Account, Mix, Weights};
use crate::date::Date;
use crate::dist::{blend, jittered, normalised, tenths, Shares};
use crate::growth::Day;
use crate::rng::Rng;

pub struct Snapshot {
    pub date: Date,
    pub segment: &'static str,
    pub dimension: &'static str,
    pub value: &'static str,
    /// Share in tenths of a percent; the tenths of one (date, segment, dimension) sum to 1000.
    pub tenths: i64,
    pub count: i64,
}

const DIMENSIONS: [&str; 4] = ["country", "age", "gender", "city"];

fn dims(mix: &Mix) -> [Weights; 4] {
    [mix.country, mix.age, mix.gender, mix.city]
}

pub fn snapshots(acc: &Account, days: &[Day]) -> Vec<Snapshot> {
    let base = &acc.audience.base;
    let mut rng = Rng::stream(acc.seed, "audience");
    let mut whole: [Shares; 4] = dims(base).map(|w| jittered(w, &mut rng, 0.05));
    let (mut before, mut follows, mut unfollows) = (acc.growth.followers0, 0, 0);
    let mut rows = Vec::new();
    for day in days {
        follows += day.follows;
        unfollows += day.unfollows;
        if !day.date.is_month_end() {
            continue;
        }
        let month = day.date.month();
        let newcomers: [Shares; 4] =
            match acc.audience.new_overrides.iter().find(|(m, _)| *m == month) {
                Some((_, mix)) => dims(mix).map(|w| normalised(w.to_vec())),
                None => dims(base).map(|w| jittered(w, &mut rng, 0.12)),
            };
        let stayed = (before - unfollows).max(0) as f64;
        for (shares, new) in whole.iter_mut().zip(&newcomers) {
            *shares = blend(shares, stayed, new, follows as f64);
        }
        push(&mut rows, day.date, "followers", &whole, day.followers);
        push(&mut rows, day.date, "new_followers", &newcomers, follows);
        (before, follows, unfollows) = (day.followers, 0, 0);
    }
    rows
}

fn push(
    rows: &mut Vec<Snapshot>,
    date: Date,
    segment: &'static str,
    shares: &[Shares; 4],
    people: i64,
) {
    for (dimension, dist) in DIMENSIONS.iter().zip(shares) {
        for (value, t) in tenths(dist) {
            let count = (t as f64 * people as f64 / 1000.0).round() as i64;
            rows.push(Snapshot {
                date,
                segment,
                dimension,
                value,
                tenths: t,
                count,
            });
        }
    }
}
