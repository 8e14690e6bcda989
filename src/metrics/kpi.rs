//! Every key of kpis.md, with its unit, in the order the reports show them.

use serde::Serialize;

/// How a KPI is measured, which decides how it is shown and how its delta is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// A count of people, posts, visits.
    Count,
    /// A percentage (2.5 means 2.5 %); its delta is in percentage points.
    Percent,
    /// Money in the account's currency.
    Money,
    /// A plain ratio such as pages per session.
    Ratio,
    Seconds,
    Minutes,
}

macro_rules! kpis {
    ($( $variant:ident => $key:literal, $unit:ident, $label:literal; )*) => {
        /// A KPI key of kpis.md.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kpi { $($variant),* }

        impl Kpi {
            /// Every KPI in report order.
            pub const ALL: &'static [Kpi] = &[$(Kpi::$variant),*];

            /// The key used in JSON and in `audit.toml`.
            pub fn key(self) -> &'static str {
                match self { $(Kpi::$variant => $key),* }
            }

            pub fn unit(self) -> Unit {
                match self { $(Kpi::$variant => Unit::$unit),* }
            }

            /// A short human label.
            pub fn label(self) -> &'static str {
                match self { $(Kpi::$variant => $label),* }
            }
        }
    };
}

kpis! {
    FollowersStart => "followers_start", Count, "Followers at start";
    FollowersEnd => "followers_end", Count, "Followers at end";
    NetGrowth => "net_growth", Count, "Net growth";
    GrowthPct => "growth_pct", Percent, "Growth";
    Follows => "follows", Count, "New followers";
    Unfollows => "unfollows", Count, "Unfollows";
    NewFollowerRatePct => "new_follower_rate_pct", Percent, "New follower rate";
    UnfollowRatePct => "unfollow_rate_pct", Percent, "Unfollow rate";
    Reach => "reach", Count, "Reach (sum of daily)";
    ReachPaid => "reach_paid", Count, "Paid reach";
    ReachOrganic => "reach_organic", Count, "Organic reach";
    Impressions => "impressions", Count, "Impressions";
    ReachPerFollowerPct => "reach_per_follower_pct", Percent, "Daily reach per follower";
    PostReachMedian => "post_reach_median", Count, "Median post reach";
    ProfileVisits => "profile_visits", Count, "Profile visits";
    ProfileVisitRatePct => "profile_visit_rate_pct", Percent, "Profile visits per reach";
    Posts => "posts", Count, "Posts";
    PostsPerWeek => "posts_per_week", Ratio, "Posts per week";
    Likes => "likes", Count, "Likes";
    Comments => "comments", Count, "Comments";
    Shares => "shares", Count, "Shares";
    Saves => "saves", Count, "Saves";
    Engagements => "engagements", Count, "Engagements";
    LoveRatePct => "love_rate_pct", Percent, "Love Rate";
    TalkRatePct => "talk_rate_pct", Percent, "Talk Rate";
    AmplificationRatePct => "amplification_rate_pct", Percent, "Amplification Rate";
    ErPostPct => "er_post_pct", Percent, "ER post";
    ErDayPct => "er_day_pct", Percent, "ER day";
    ErrPct => "err_pct", Percent, "ER by reach (ERR)";
    ErViewPct => "er_view_pct", Percent, "ER by views";
    Clicks => "clicks", Count, "Clicks to the site";
    CtrPct => "ctr_pct", Percent, "CTR";
    Sessions => "sessions", Count, "Site sessions from social";
    Visitors => "visitors", Count, "Site visitors (sum of daily)";
    BounceRatePct => "bounce_rate_pct", Percent, "Bounce rate";
    AvgSessionSeconds => "avg_session_seconds", Seconds, "Time on site";
    PagesPerSession => "pages_per_session", Ratio, "Pages per session";
    Conversions => "conversions", Count, "Conversions";
    ConversionRatePct => "conversion_rate_pct", Percent, "Conversion rate";
    Leads => "leads", Count, "Leads";
    Spend => "spend", Money, "Ad spend";
    Fee => "fee", Money, "Contractor fee";
    Cost => "cost", Money, "All SMM costs";
    Cpm => "cpm", Money, "CPM";
    Cpc => "cpc", Money, "Cost per click";
    Cpl => "cpl", Money, "Cost per lead";
    CostPerFollower => "cost_per_follower", Money, "Cost per new follower";
    Revenue => "revenue", Money, "Revenue from social";
    RoiPct => "roi_pct", Percent, "ROI";
    Questions => "questions", Count, "Questions received";
    Answered => "answered", Count, "Questions answered";
    ResponseRatePct => "response_rate_pct", Percent, "Response rate";
    ResponseMinutesMedian => "response_minutes_median", Minutes, "Median response time";
}

impl Kpi {
    /// Look a KPI up by its key.
    pub fn from_key(key: &str) -> Option<Kpi> {
        Kpi::ALL.iter().copied().find(|k| k.key() == key.trim())
    }

    /// A higher value is better for most KPIs; for these a lower one is.
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            Kpi::Unfollows
                | Kpi::UnfollowRatePct
                | Kpi::BounceRatePct
                | Kpi::Cost
                | Kpi::Cpm
                | Kpi::Cpc
                | Kpi::Cpl
                | Kpi::CostPerFollower
                | Kpi::ResponseMinutesMedian
                | Kpi::Spend
                | Kpi::Fee
        )
    }
}

/// The value of every KPI for one period; `None` is "no value".
#[derive(Debug, Clone, PartialEq)]
pub struct Kpis {
    values: Vec<Option<f64>>,
}

impl Default for Kpis {
    fn default() -> Self {
        Kpis {
            values: vec![None; Kpi::ALL.len()],
        }
    }
}

impl Kpis {
    pub fn get(&self, k: Kpi) -> Option<f64> {
        self.values[k as usize]
    }

    /// Set a value; a non-finite number is stored as "no value", never as NaN or infinity.
    pub fn set(&mut self, k: Kpi, v: Option<f64>) {
        self.values[k as usize] = v.filter(|x| x.is_finite());
    }

    pub fn iter(&self) -> impl Iterator<Item = (Kpi, Option<f64>)> + '_ {
        Kpi::ALL.iter().map(|k| (*k, self.get(*k)))
    }
}

/// The month-over-month change of a KPI: percentage points for percentages, a relative change
/// in percent for everything else (kpis.md, "Rules for every number").
pub fn delta(kpi: Kpi, current: Option<f64>, previous: Option<f64>) -> Option<f64> {
    let (c, p) = (current?, previous?);
    let d = match kpi.unit() {
        Unit::Percent => c - p,
        _ if p == 0.0 => return None,
        _ => (c - p) / p.abs() * 100.0,
    };
    d.is_finite().then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_found() {
        let mut keys: Vec<&str> = Kpi::ALL.iter().map(|k| k.key()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Kpi::ALL.len());
        assert_eq!(Kpi::from_key("er_post_pct"), Some(Kpi::ErPostPct));
        assert_eq!(Kpi::from_key("nope"), None);
    }

    #[test]
    fn deltas() {
        assert_eq!(delta(Kpi::GrowthPct, Some(3.0), Some(1.0)), Some(2.0));
        assert_eq!(delta(Kpi::Reach, Some(150.0), Some(100.0)), Some(50.0));
        assert_eq!(delta(Kpi::Reach, Some(150.0), Some(0.0)), None);
        assert_eq!(delta(Kpi::Reach, None, Some(1.0)), None);
    }

    #[test]
    fn non_finite_values_are_no_value() {
        let mut k = Kpis::default();
        k.set(Kpi::Cpl, Some(f64::INFINITY));
        assert_eq!(k.get(Kpi::Cpl), None);
    }
}
