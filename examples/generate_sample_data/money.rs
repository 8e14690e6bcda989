//! The ads cabinet (always-on flights, a campaign) and the site's analytics.

use crate::config::{Account, Ads, Shop, DAYS, START};
use crate::date::Date;
use crate::growth::Day;
use crate::rng::Rng;

pub struct Spend {
    pub date: Date,
    pub campaign: &'static str,
    pub objective: &'static str,
    pub amount: f64,
    pub impressions: i64,
    pub reach: i64,
    pub clicks: i64,
    pub leads: i64,
    pub follows: i64,
}

pub struct Traffic {
    pub date: Date,
    pub source: &'static str,
    pub sessions: i64,
    pub users: i64,
    pub new_users: i64,
    pub bounce_rate_pct: f64,
    pub avg_session_seconds: i64,
    pub pages_per_session: f64,
    pub conversions: i64,
    pub leads: i64,
    pub revenue: f64,
}

/// Two short always-on flights a month (starting on days 2-7 and 21-25, 3-4 days each).
fn flights(month: Date, rng: &mut Rng) -> Vec<Date> {
    let mut out = Vec::new();
    for (lo, hi) in [(2, 7), (21, 25)] {
        let first = rng.int(lo, hi);
        let len = rng.int(3, 4);
        out.extend((first..first + len).map(|d| Date::new(month.y, month.m, d)));
    }
    out
}

struct Buy {
    campaign: &'static str,
    objective: &'static str,
    daily: (f64, f64),
    cpm: (f64, f64),
}

fn row(date: Date, buy: &Buy, ads: &Ads, rng: &mut Rng) -> Spend {
    let amount = (rng.range(buy.daily) * 100.0).round() / 100.0;
    let impressions = (amount / rng.range(buy.cpm) * 1000.0).round() as i64;
    let reach = (impressions as f64 * rng.range((0.62, 0.78))).round() as i64;
    let ctr = ads.ctr * rng.jitter(0.3);
    let clicks = rng.binomial(impressions, ctr);
    Spend {
        date,
        campaign: buy.campaign,
        objective: buy.objective,
        amount,
        impressions,
        reach,
        clicks,
        leads: rng.binomial(clicks, ads.lead_rate),
        follows: rng.binomial(reach, ads.follow_rate),
    }
}

pub fn spend(acc: &Account) -> Vec<Spend> {
    let ads = &acc.ads;
    let mut rng = Rng::stream(acc.seed, "spend");
    let always = Buy {
        campaign: ads.always_on,
        objective: ads.objective,
        daily: ads.daily,
        cpm: ads.cpm,
    };
    let mut rows = Vec::new();
    for date in (0..DAYS).map(|i| START.add(i)).filter(|d| d.d == 1) {
        for day in flights(date, &mut rng) {
            rows.push(row(day, &always, ads, &mut rng));
        }
    }
    if let Some(c) = &ads.campaign {
        let buy = Buy {
            campaign: c.name,
            objective: c.objective,
            daily: c.daily,
            cpm: c.cpm,
        };
        for i in 0..=c.end.days() - c.start.days() {
            rows.push(row(c.start.add(i), &buy, ads, &mut rng));
        }
    }
    rows.sort_by(|a, b| (a.date, a.campaign).cmp(&(b.date, b.campaign)));
    rows
}

/// Site visits from instagram every day (website clicks plus ad clicks), and from
/// facebook on some days.
pub fn traffic(acc: &Account, days: &[Day], spend: &[Spend]) -> Vec<Traffic> {
    let mut rng = Rng::stream(acc.seed, "traffic");
    let mut rows = Vec::new();
    for day in days {
        let ad_clicks: i64 = spend
            .iter()
            .filter(|s| s.date == day.date)
            .map(|s| s.clicks)
            .sum();
        let visits = (day.website_clicks as f64 * 0.9 + ad_clicks as f64 * 0.8) * rng.jitter(0.15);
        rows.push(visit(
            &acc.shop,
            day.date,
            "instagram",
            (visits.round() as i64).max(1),
            &mut rng,
        ));
        if rng.chance(acc.shop.facebook_days) {
            let sessions = rng.int(1, 6);
            rows.push(visit(&acc.shop, day.date, "facebook", sessions, &mut rng));
        }
    }
    rows
}

fn visit(shop: &Shop, date: Date, source: &'static str, sessions: i64, rng: &mut Rng) -> Traffic {
    let users = ((sessions as f64 * rng.range((0.82, 0.95))).round() as i64).max(1);
    let conversions = rng.binomial(sessions, shop.conversion_rate);
    let revenue: f64 = (0..conversions).map(|_| rng.range(shop.basket)).sum();
    Traffic {
        date,
        source,
        sessions,
        users,
        new_users: (users as f64 * rng.range((0.5, 0.75))).round() as i64,
        bounce_rate_pct: rng.range(shop.bounce),
        avg_session_seconds: rng.range(shop.seconds).round() as i64,
        pages_per_session: rng.range(shop.pages),
        conversions,
        leads: rng.binomial(sessions, shop.lead_rate),
        revenue: (revenue * 100.0).round() / 100.0,
    }
}
