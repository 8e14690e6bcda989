//! The KPI groups of the reports' KPI table, in order: one table for Markdown and HTML.

use crate::metrics::Kpi;

/// The KPI groups of the report, in order.
pub const GROUPS: &[(&str, &[Kpi])] = &[
    (
        "Audience",
        &[
            Kpi::FollowersStart,
            Kpi::FollowersEnd,
            Kpi::NetGrowth,
            Kpi::GrowthPct,
            Kpi::Follows,
            Kpi::Unfollows,
            Kpi::NewFollowerRatePct,
            Kpi::UnfollowRatePct,
        ],
    ),
    (
        "Reach and views",
        &[
            Kpi::Reach,
            Kpi::ReachPaid,
            Kpi::ReachOrganic,
            Kpi::Impressions,
            Kpi::ReachPerFollowerPct,
            Kpi::PostReachMedian,
        ],
    ),
    (
        "Engagement",
        &[
            Kpi::Posts,
            Kpi::PostsPerWeek,
            Kpi::Likes,
            Kpi::Comments,
            Kpi::Shares,
            Kpi::Saves,
            Kpi::Engagements,
            Kpi::ErPostPct,
            Kpi::LoveRatePct,
            Kpi::TalkRatePct,
            Kpi::AmplificationRatePct,
            Kpi::ErDayPct,
            Kpi::ErrPct,
            Kpi::ErViewPct,
        ],
    ),
    (
        "Traffic and leads",
        &[
            Kpi::Clicks,
            Kpi::CtrPct,
            Kpi::Sessions,
            Kpi::Visitors,
            Kpi::BounceRatePct,
            Kpi::AvgSessionSeconds,
            Kpi::PagesPerSession,
            Kpi::Conversions,
            Kpi::ConversionRatePct,
            Kpi::Leads,
        ],
    ),
    (
        "Money",
        &[
            Kpi::Spend,
            Kpi::Fee,
            Kpi::Cost,
            Kpi::Cpm,
            Kpi::Cpc,
            Kpi::Cpl,
            Kpi::CostPerFollower,
            Kpi::Revenue,
            Kpi::RoiPct,
        ],
    ),
    (
        "Service",
        &[
            Kpi::Questions,
            Kpi::Answered,
            Kpi::ResponseRatePct,
            Kpi::ResponseMinutesMedian,
        ],
    ),
];
