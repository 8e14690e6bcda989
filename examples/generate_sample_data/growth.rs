//! The daily series: followers chained from follows minus unfollows, then reach.

use crate::config::{Account, Growth, DAYS, START};
use crate::content::Post;
use crate::date::Date;
use crate::money::Spend;
use crate::rng::Rng;

pub struct Day {
    pub date: Date,
    pub followers: i64,
    pub follows: i64,
    pub unfollows: i64,
    /// Followers who read and react: everyone but bots and freebie hunters.
    pub engaged: i64,
    pub reach: i64,
    pub reach_paid: i64,
    pub reach_organic: i64,
    pub impressions: i64,
    pub profile_visits: i64,
    pub website_clicks: i64,
}

/// Seasonal factor `1 ± amp`, crossing 1 at the March equinox, peaking at midsummer.
pub fn season(amp: f64, date: Date) -> f64 {
    let phase = (date.day_of_year() - 79) as f64 / 365.0;
    1.0 + amp * (std::f64::consts::TAU * phase).sin()
}

/// The index of a date in the generated year.
pub fn index(date: Date) -> usize {
    (date.days() - START.days()) as usize
}

/// Episode follows per day, split into engaged and idle newcomers, and their churn.
struct Extras {
    engaged: Vec<i64>,
    idle: Vec<i64>,
    churn: Vec<i64>,
}

fn extras(g: &Growth) -> Extras {
    let n = DAYS as usize;
    let mut ex = Extras {
        engaged: vec![0; n],
        idle: vec![0; n],
        churn: vec![0; n],
    };
    for ep in &g.episodes {
        let first = index(ep.start);
        for (k, &f) in ep.follows.iter().enumerate() {
            let e = (f as f64 * ep.engaged).round() as i64;
            ex.engaged[first + k] += e;
            ex.idle[first + k] += f - e;
        }
        // Spread the churn over the following days, decaying, in whole people.
        let total = ep.follows.iter().sum::<i64>() as f64 * ep.churn;
        let weights: Vec<f64> = (0..ep.churn_days)
            .map(|k| (-(k as f64) / ep.churn_tau).exp())
            .collect();
        let sum: f64 = weights.iter().sum();
        let (mut cum, mut done) = (0.0, 0);
        for (k, w) in weights.iter().enumerate() {
            cum += w;
            let target = (total * cum / sum).round() as i64;
            if let Some(slot) = ex.churn.get_mut(first + ep.follows.len() + k) {
                *slot += target - done;
            }
            done = target;
        }
    }
    ex
}

fn noisy(mean: f64, half: f64, rng: &mut Rng) -> i64 {
    (mean + rng.tri(half)).round().max(0.0) as i64
}

/// Followers, follows and unfollows for every day; `followers(t) = followers(t-1) + follows - unfollows`.
pub fn followers(acc: &Account) -> Vec<Day> {
    let g = &acc.growth;
    let ex = extras(g);
    let mut rng = Rng::stream(acc.seed, "followers");
    let (mut engaged, mut idle) = (g.followers0, 0);
    let mut days = Vec::with_capacity(DAYS as usize);
    for i in 0..DAYS as usize {
        let date = START.add(i as i64);
        let organic_in = noisy(
            engaged as f64 * g.follow_rate * season(g.season, date),
            g.follow_noise,
            &mut rng,
        );
        let organic_out = noisy(
            (engaged + idle) as f64 * g.unfollow_rate,
            g.unfollow_noise,
            &mut rng,
        );
        let churn = ex.churn[i].min(idle);
        engaged += organic_in + ex.engaged[i] - organic_out;
        idle += ex.idle[i] - churn;
        days.push(Day {
            date,
            followers: engaged + idle,
            follows: organic_in + ex.engaged[i] + ex.idle[i],
            unfollows: organic_out + churn,
            engaged,
            reach: 0,
            reach_paid: 0,
            reach_organic: 0,
            impressions: 0,
            profile_visits: 0,
            website_clicks: 0,
        });
    }
    days
}

/// Daily reach, impressions, profile visits and website clicks: from the engaged base,
/// the day's posts (a planted hit carries over two more days) and the day's paid reach.
pub fn fill_reach(acc: &Account, days: &mut [Day], posts: &[Post], spend: &[Spend]) {
    const WEEK: [f64; 7] = [0.97, 0.96, 0.98, 1.0, 1.02, 1.06, 1.04];
    const CARRY: [f64; 3] = [0.5, 0.3, 0.1];
    let g = &acc.growth;
    let mut rng = Rng::stream(acc.seed, "reach");
    for day in days.iter_mut() {
        let posted = posts.iter().any(|p| p.at.date == day.date);
        let carry: f64 = posts
            .iter()
            .filter(|p| p.loud)
            .map(|p| {
                let lag = usize::try_from(day.date.days() - p.at.date.days()).ok();
                lag.and_then(|l| CARRY.get(l))
                    .map_or(0.0, |share| share * p.reach as f64)
            })
            .sum();
        let base = day.engaged as f64
            * g.daily_reach
            * season(g.season, day.date)
            * WEEK[day.date.weekday()];
        let lift = if posted { 1.2 } else { 1.0 };
        let organic = (base * lift * rng.jitter(0.12) + carry).round() as i64;
        let ads: Vec<&Spend> = spend.iter().filter(|s| s.date == day.date).collect();
        let paid_impressions: i64 = ads.iter().map(|s| s.impressions).sum();
        let ad_clicks: i64 = ads.iter().map(|s| s.clicks).sum();
        day.reach_organic = organic;
        day.reach_paid = ads.iter().map(|s| s.reach).sum();
        day.reach = organic + day.reach_paid;
        day.impressions =
            (organic as f64 * 1.6 * rng.jitter(0.1)).round() as i64 + paid_impressions;
        day.profile_visits =
            (organic as f64 * g.visit_rate * rng.jitter(0.25)).round() as i64 + ad_clicks / 10;
        day.website_clicks =
            (day.profile_visits as f64 * g.click_rate * rng.jitter(0.25)).round() as i64;
    }
}
