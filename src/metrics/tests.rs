//! KPIs of small accounts whose expected numbers are worked out by hand from kpis.md.

use super::*;
use crate::config::parse_audit;
use crate::import::{load_files, LoadOptions, SourceFile};

fn opts(tz: chrono_tz::Tz) -> LoadOptions {
    LoadOptions::new(tz, "2026-11-22".parse().unwrap())
}
use crate::model::{Account, Period};

fn account(files: &[(&str, &str)], toml: &str) -> Account {
    let files = files
        .iter()
        .map(|(n, t)| SourceFile::new(n.to_string(), t.as_bytes().to_vec()))
        .collect();
    let config = parse_audit(toml, "audit.toml").unwrap();
    load_files(files, config, opts(chrono_tz::UTC), "test")
        .unwrap()
        .account
}

const DAILY: &str = "date,followers,follows,unfollows,reach,impressions,website_clicks
2026-09-30,1000,,,,,
2026-10-01,1010,15,5,300,500,10
2026-10-02,1020,12,2,500,700,
2026-10-31,1100,20,,,100,5
";

const POSTS: &str = "post_id,published_at,type,reach,impressions,likes,comments,shares,saves,clicks
p1,2026-10-01 10:00,photo,200,300,20,5,5,2,4
p2,2026-10-02T12:00:00Z,reel,100,,10,,1,,
p3,2026-10-15 08:00:00,video,,50,8,2,0,,
p0,2026-09-20 08:00,photo,50,60,1,1,1,,
";

const TRAFFIC: &str = "date,source,sessions,users,bounce_rate_pct,avg_session_seconds,pages_per_session,conversions,leads,revenue
2026-10-01,instagram,100,80,40,60,2,5,2,500
2026-10-02,facebook,50,45,,120,3,1,,
";

const SPEND: &str = "date,campaign,amount,impressions,leads
2026-10-01,A,100,10000,3
2026-10-05,B,50,,
";

const MESSAGES: &str = "received_at,answered_at,channel
2026-10-01 10:00,2026-10-01 10:30,dm
2026-10-02 09:00,,dm
2026-10-03 12:00,2026-10-03 14:00,comment
2026-09-30 10:00,2026-10-01 10:00,dm
";

fn full() -> Account {
    account(
        &[
            ("daily.csv", DAILY),
            ("posts.csv", POSTS),
            ("traffic.csv", TRAFFIC),
            ("spend.csv", SPEND),
            ("messages.csv", MESSAGES),
        ],
        "[contract]\nfee = 310\n",
    )
}

fn october() -> Period {
    Period::parse_month("2026-10").unwrap()
}

fn close(k: &Kpis, kpi: Kpi, expected: f64) {
    let got = k
        .get(kpi)
        .unwrap_or_else(|| panic!("{} has no value", kpi.key()));
    assert!(
        (got - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{}: {got} != {expected}",
        kpi.key()
    );
}

#[test]
fn audience_dynamics_and_reach() {
    let k = compute(&full(), &october());
    close(&k, Kpi::FollowersStart, 1000.0);
    close(&k, Kpi::FollowersEnd, 1100.0);
    close(&k, Kpi::NetGrowth, 100.0);
    close(&k, Kpi::GrowthPct, 10.0);
    close(&k, Kpi::Follows, 47.0);
    close(&k, Kpi::Unfollows, 7.0);
    close(&k, Kpi::NewFollowerRatePct, 47.0 / 1100.0 * 100.0);
    close(&k, Kpi::UnfollowRatePct, 0.7);
    close(&k, Kpi::Reach, 800.0);
    close(&k, Kpi::Impressions, 1300.0);
    assert_eq!(k.get(Kpi::ReachPaid), None);
    close(&k, Kpi::ReachPerFollowerPct, 400.0 / 1100.0 * 100.0);
    close(&k, Kpi::PostReachMedian, 150.0);
}

#[test]
fn engagement() {
    let k = compute(&full(), &october());
    close(&k, Kpi::Posts, 3.0);
    close(&k, Kpi::PostsPerWeek, 3.0 / 31.0 * 7.0);
    close(&k, Kpi::Likes, 38.0);
    close(&k, Kpi::Comments, 7.0);
    close(&k, Kpi::Shares, 6.0);
    close(&k, Kpi::Saves, 2.0);
    // p2 has an empty comments cell: its engagements are "no value" and it is left out.
    close(&k, Kpi::Engagements, 40.0);
    let (f1, f2) = (1010.0, 1020.0);
    close(
        &k,
        Kpi::LoveRatePct,
        (20.0 / f1 + 10.0 / f2 + 8.0 / f2) / 3.0 * 100.0,
    );
    close(&k, Kpi::TalkRatePct, (5.0 / f1 + 2.0 / f2) / 2.0 * 100.0);
    close(
        &k,
        Kpi::AmplificationRatePct,
        (5.0 / f1 + 1.0 / f2 + 0.0) / 3.0 * 100.0,
    );
    close(&k, Kpi::ErPostPct, (30.0 / f1 + 10.0 / f2) / 2.0 * 100.0);
    close(&k, Kpi::ErDayPct, 40.0 / 31.0 / 1100.0 * 100.0);
    close(&k, Kpi::ErrPct, 15.0);
    close(&k, Kpi::ErViewPct, 40.0 / 350.0 * 100.0);
}

#[test]
fn traffic_and_money() {
    let k = compute(&full(), &october());
    close(&k, Kpi::Clicks, 4.0);
    close(&k, Kpi::CtrPct, 4.0 / 300.0 * 100.0);
    close(&k, Kpi::Sessions, 150.0);
    close(&k, Kpi::Visitors, 125.0);
    close(&k, Kpi::BounceRatePct, 40.0);
    close(&k, Kpi::AvgSessionSeconds, 80.0);
    close(&k, Kpi::PagesPerSession, 350.0 / 150.0);
    close(&k, Kpi::Conversions, 6.0);
    close(&k, Kpi::ConversionRatePct, 4.0);
    close(&k, Kpi::Leads, 5.0);
    close(&k, Kpi::Spend, 150.0);
    close(&k, Kpi::Fee, 310.0);
    close(&k, Kpi::Cost, 460.0);
    close(&k, Kpi::Cpm, 15.0);
    close(&k, Kpi::Cpc, 115.0);
    close(&k, Kpi::Cpl, 92.0);
    close(&k, Kpi::CostPerFollower, 460.0 / 47.0);
    close(&k, Kpi::Revenue, 500.0);
    close(&k, Kpi::RoiPct, 40.0 / 460.0 * 100.0);
}

#[test]
fn service_quality() {
    let k = compute(&full(), &october());
    close(&k, Kpi::Questions, 3.0);
    close(&k, Kpi::Answered, 2.0);
    close(&k, Kpi::ResponseRatePct, 200.0 / 3.0);
    close(&k, Kpi::ResponseMinutesMedian, 75.0);
}

#[test]
fn response_time_across_a_dst_change_is_real_time() {
    let files = vec![SourceFile::new(
        "messages.csv",
        b"received_at,answered_at\n2026-03-29 01:30,2026-03-29 03:30\n".to_vec(),
    )];
    let a = load_files(
        files,
        Default::default(),
        opts(chrono_tz::Europe::Berlin),
        "t",
    )
    .unwrap()
    .account;
    let k = compute(&a, &Period::parse_month("2026-03").unwrap());
    close(&k, Kpi::ResponseMinutesMedian, 60.0);
}

#[test]
fn clicks_fall_back_to_daily_website_clicks() {
    let a = account(&[("daily.csv", DAILY)], "");
    let k = compute(&a, &october());
    close(&k, Kpi::Clicks, 15.0);
    // CTR over the days with both values: 10/500 and 5/100.
    close(&k, Kpi::CtrPct, 15.0 / 600.0 * 100.0);
}

#[test]
fn no_value_cases() {
    let a = account(&[("daily.csv", DAILY)], "");
    let k = compute(&a, &october());
    // No posts file: counts are "no value", not 0.
    assert_eq!(k.get(Kpi::Posts), None);
    assert_eq!(k.get(Kpi::PostsPerWeek), None);
    assert_eq!(k.get(Kpi::ErPostPct), None);
    assert_eq!(k.get(Kpi::Questions), None);
    // No fee: fee 0, cost "no value" without spend.
    assert_eq!(k.get(Kpi::Fee), Some(0.0));
    assert_eq!(k.get(Kpi::Cost), None);
    assert_eq!(k.get(Kpi::Spend), None);
    assert_eq!(k.get(Kpi::Cpc), None);
    assert_eq!(k.get(Kpi::Sessions), None);

    // A posts file with nothing in the period: 0 posts, rates "no value".
    let a = account(&[("daily.csv", DAILY), ("posts.csv", POSTS)], "");
    let k = compute(&a, &Period::parse_month("2026-08").unwrap());
    assert_eq!(k.get(Kpi::Posts), Some(0.0));
    assert_eq!(k.get(Kpi::Likes), None);
    assert_eq!(k.get(Kpi::ErPostPct), None);
    // A period before the data: no follower counts at all.
    assert_eq!(k.get(Kpi::FollowersStart), None);
    assert_eq!(k.get(Kpi::FollowersEnd), None);
    assert_eq!(k.get(Kpi::GrowthPct), None);
}

#[test]
fn a_fee_without_spend_is_the_cost_and_is_prorated_for_custom_ranges() {
    let a = account(&[("daily.csv", DAILY)], "[contract]\nfee = 310\n");
    let k = compute(&a, &october());
    close(&k, Kpi::Cost, 310.0);
    let p = Period::new("2026-01-20".parse().unwrap(), "2026-03-05".parse().unwrap()).unwrap();
    close(&compute(&a, &p), Kpi::Fee, 120.0 + 310.0 + 50.0);
}

#[test]
fn followers_start_without_the_day_before_uses_the_first_day() {
    let daily = "date,followers\n2026-10-02,500\n2026-10-20,520\n";
    let a = account(&[("daily.csv", daily)], "");
    let k = compute(&a, &october());
    close(&k, Kpi::FollowersStart, 500.0);
    close(&k, Kpi::FollowersEnd, 520.0);
    let prev = compute(&a, &october().previous());
    assert_eq!(prev.get(Kpi::FollowersEnd), None);
}

#[test]
fn posts_are_assigned_to_days_in_the_account_zone() {
    let posts = "post_id,published_at,reach\nx,2026-10-31T23:30:00Z,10\n";
    let files = vec![SourceFile::new("posts.csv", posts.as_bytes().to_vec())];
    let a = load_files(
        files,
        Default::default(),
        opts(chrono_tz::Europe::Berlin),
        "t",
    )
    .unwrap()
    .account;
    let nov = compute(&a, &Period::parse_month("2026-11").unwrap());
    assert_eq!(nov.get(Kpi::Posts), Some(1.0));
    assert_eq!(compute(&a, &october()).get(Kpi::Posts), Some(0.0));
}

#[test]
fn top_posts_rank_by_reach_then_engagements_then_id() {
    let posts = "post_id,published_at,reach,likes,comments,shares
b,2026-10-01 10:00,100,5,0,0
a,2026-10-02 10:00,100,5,0,0
c,2026-10-03 10:00,100,9,0,0
d,2026-10-04 10:00,300,1,0,0
e,2026-10-05 10:00,,99,0,0
";
    let a = account(&[("daily.csv", DAILY), ("posts.csv", posts)], "");
    let ids: Vec<String> = top_posts(&a, &october(), Ranking::Reach, 5)
        .into_iter()
        .map(|r| r.post.id)
        .collect();
    assert_eq!(ids, vec!["d", "c", "a", "b"]);
    let by_e: Vec<String> = top_posts(&a, &october(), Ranking::Engagements, 2)
        .into_iter()
        .map(|r| r.post.id)
        .collect();
    assert_eq!(by_e, vec!["e", "c"]);
}

#[test]
fn plan_and_claims() {
    let toml = r#"
[[plan]]
kpi = "net_growth"
target = 150
[[plan]]
month = "2026-10"
kpi = "cpl"
target = 100
direction = "at_most"
[[plan]]
month = "2026-09"
kpi = "reach"
target = 1
[[plan]]
kpi = "revenue"
target = 1
[[claims]]
month = "2026-10"
kpi = "reach"
value = 1000
"#;
    let a = account(&[("daily.csv", DAILY)], toml);
    let s = summarize(&a, &october());
    assert_eq!(s.plan.len(), 3);
    assert_eq!(
        (s.plan[0].actual, s.plan[0].met),
        (Some(100.0), Some(false))
    );
    assert_eq!(s.plan[1].met, None);
    assert_eq!(s.plan[2].met, None);
    assert_eq!(s.claims.len(), 1);
    assert_eq!(s.claims[0].diff_pct, Some(25.0));
}

#[test]
fn an_answer_dated_before_its_question_counts_as_unanswered() {
    let files = vec![SourceFile::new("messages.csv", b"received_at,answered_at\n2026-10-10 10:00,2026-10-10 09:00\n2026-10-11 10:00,2026-10-11 10:20\n".to_vec())];
    let loaded = load_files(files, Default::default(), opts(chrono_tz::UTC), "t").unwrap();
    assert_eq!(loaded.report.warnings.len(), 1);
    assert_eq!(loaded.report.warnings[0].line, Some(2));
    let k = compute(&loaded.account, &october());
    close(&k, Kpi::Questions, 2.0);
    close(&k, Kpi::Answered, 1.0);
    close(&k, Kpi::ResponseMinutesMedian, 20.0);
}
