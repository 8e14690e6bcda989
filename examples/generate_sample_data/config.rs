//! What an account scenario is made of: the knobs of the simulation, the planted
//! episodes, and what goes into its audit.toml.

use crate::date::Date;

/// The generated year: 2025-11-01 through 2026-10-31.
pub const START: Date = Date::new(2025, 11, 1);
pub const DAYS: i64 = 365;

/// Labels with weights (shares, portraits, post types).
pub type Weights = &'static [(&'static str, f64)];
pub type Words = &'static [&'static str];

pub struct Account {
    pub slug: &'static str,
    pub name: &'static str,
    pub currency: &'static str,
    pub timezone: &'static str,
    pub seed: u64,
    /// Post ids count up from here: 20 digits, far above 2^53.
    pub id_base: u64,
    pub growth: Growth,
    pub content: Content,
    pub ads: Ads,
    pub shop: Shop,
    pub inbox: Inbox,
    pub audience: Audience,
    pub audit: Audit,
}

pub struct Growth {
    /// Followers at the end of the day before the first row.
    pub followers0: i64,
    /// Organic follows a day per engaged follower, and their noise (± people).
    pub follow_rate: f64,
    pub follow_noise: f64,
    /// Organic unfollows a day per follower, and their noise.
    pub unfollow_rate: f64,
    pub unfollow_noise: f64,
    /// Seasonal swing of reach and follows (share, peaking at midsummer).
    pub season: f64,
    /// Organic daily reach per engaged follower.
    pub daily_reach: f64,
    /// Profile visits per reached person; website clicks per profile visit.
    pub visit_rate: f64,
    pub click_rate: f64,
    pub episodes: Vec<Episode>,
}

/// Extra follows on consecutive days from `start`, and the churn that follows them.
pub struct Episode {
    pub start: Date,
    pub follows: &'static [i64],
    /// Share of the newcomers who engage like the existing base (bots: 0).
    pub engaged: f64,
    /// Share of the newcomers who leave again, over `churn_days` after the last day,
    /// decaying with time constant `churn_tau` days.
    pub churn: f64,
    pub churn_days: i64,
    pub churn_tau: f64,
}

pub struct Content {
    /// Chance that a week has 4 posts rather than 3.
    pub four_a_week: f64,
    /// Publishing hours, `[first, last]`.
    pub hours: (i64, i64),
    pub types: Weights,
    /// Post reach per engaged follower; likes per reached person.
    pub reach: f64,
    pub like_rate: f64,
    pub captions: Words,
    pub fillers: &'static [(&'static str, Words)],
    pub boosts: Vec<Boost>,
    pub specials: Vec<Special>,
}

/// A window in which posts reach and engage more (a campaign, the weeks after a hit).
pub struct Boost {
    pub start: Date,
    pub end: Date,
    pub reach: f64,
    pub engagement: f64,
    /// Share of the window's posts promoted with paid reach.
    pub paid_share: f64,
    pub captions: Words,
}

/// A post planted on a given day.
pub struct Special {
    pub date: Date,
    pub minute: i64,
    pub kind: &'static str,
    pub plant: Plant,
    pub caption: &'static str,
}

pub enum Plant {
    /// Reach this many times the usual.
    Viral(f64),
    /// Reach multiplied, and a comment game (comments per like).
    Giveaway { reach: f64, comments: f64 },
    /// Reach collapsed to this share of the engaged base, likes this many times the reach.
    BoughtLikes { reach: f64, likes: f64 },
}

pub struct Ads {
    pub always_on: &'static str,
    pub objective: &'static str,
    pub daily: (f64, f64),
    pub cpm: (f64, f64),
    /// Clicks per impression, leads per click, follows per reached person.
    pub ctr: f64,
    pub lead_rate: f64,
    pub follow_rate: f64,
    pub campaign: Option<Campaign>,
}

pub struct Campaign {
    pub name: &'static str,
    pub objective: &'static str,
    pub start: Date,
    pub end: Date,
    pub daily: (f64, f64),
    pub cpm: (f64, f64),
}

/// The site's analytics for visits from social.
pub struct Shop {
    pub conversion_rate: f64,
    pub lead_rate: f64,
    pub basket: (f64, f64),
    pub bounce: (f64, f64),
    pub seconds: (f64, f64),
    pub pages: (f64, f64),
    /// Share of days with a (small) row from facebook too.
    pub facebook_days: f64,
}

pub struct Inbox {
    pub per_day: (i64, i64),
    pub answered: f64,
    /// Reply delay in minutes within opening hours `[open, close)`.
    pub delay: (i64, i64),
    pub open: (i64, i64),
}

pub struct Mix {
    pub country: Weights,
    pub age: Weights,
    pub gender: Weights,
    pub city: Weights,
}

pub struct Audience {
    pub base: Mix,
    /// Months (`YYYY-MM`) whose new followers have this exact make-up.
    pub new_overrides: Vec<(&'static str, Mix)>,
}

pub struct Audit {
    pub country: Weights,
    pub age: Weights,
    pub gender: Weights,
    pub fee: f64,
    /// The day the agency started, for the before/during comparison.
    pub contract_start: Option<&'static str>,
    pub plans: Vec<Plan>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}

pub struct Plan {
    pub month: Option<&'static str>,
    pub kpi: &'static str,
    pub target: f64,
    pub direction: &'static str,
}

/// A claim: the true monthly sum of `kpi` (reach or follows) times `factor`,
/// rounded to a multiple of `round_to`.
pub struct Claim {
    pub month: &'static str,
    pub kpi: &'static str,
    pub factor: f64,
    pub round_to: f64,
}

pub struct Event {
    pub start: Date,
    pub end: Date,
    pub kind: &'static str,
    pub note: &'static str,
}
