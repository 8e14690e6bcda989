//! Synthetic accounts with planted episodes, and accounts that must not be flagged high.

use super::*;
use crate::model::{
    Account, AudienceRow, DailyRow, Event, EventKind, Field, Post, Segment, SpendRow,
};
use chrono::{Days, NaiveDate, TimeZone};

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A steady organic account: 150 days from 2026-05-01, ~20 follows and ~5 unfollows a day with
/// a little deterministic noise, a post every second day with steady engagement.
pub(super) struct Synth {
    pub(super) a: Account,
    start: NaiveDate,
}

impl Synth {
    pub(super) fn steady() -> Synth {
        let start = d("2026-05-01");
        let mut a = Account::default();
        a.presence.daily = true;
        a.presence.posts = true;
        let mut followers = 10_000.0;
        for i in 0..150u64 {
            let date = start.checked_add_days(Days::new(i)).unwrap();
            let follows = 20.0 + ((i * 7) % 11) as f64 - 5.0;
            let unfollows = 5.0 + ((i * 3) % 5) as f64 - 2.0;
            followers += follows - unfollows;
            a.daily.insert(
                date,
                DailyRow {
                    date,
                    followers: Some(followers),
                    follows: Some(follows),
                    unfollows: Some(unfollows),
                    reach: Some(3000.0),
                    ..Default::default()
                },
            );
            if i % 2 == 0 {
                a.posts.push(post(
                    &format!("p{i}"),
                    date,
                    2000.0 + ((i * 13) % 400) as f64,
                    100.0 + ((i * 7) % 20) as f64,
                ));
            }
        }
        Synth { a, start }
    }

    fn date(&self, offset: u64) -> NaiveDate {
        self.start.checked_add_days(Days::new(offset)).unwrap()
    }

    /// Add `extra` follows on a day; every later count rises by the same.
    pub(super) fn jump(&mut self, date: NaiveDate, extra: f64) {
        for (day, row) in self.a.daily.range_mut(date..) {
            row.followers = row.followers.map(|f| f + extra);
            if *day == date {
                row.follows = row.follows.map(|f| f + extra);
            }
        }
    }

    /// Add `extra` unfollows on a day; every later count falls by the same.
    fn leave(&mut self, date: NaiveDate, extra: f64) {
        for (day, row) in self.a.daily.range_mut(date..) {
            row.followers = row.followers.map(|f| f - extra);
            if *day == date {
                row.unfollows = row.unfollows.map(|u| u + extra);
            }
        }
    }

    pub(super) fn scale_engagement(&mut self, from: NaiveDate, factor: f64) {
        for p in self.a.posts.iter_mut().filter(|p| p.date >= from) {
            p.likes = Field::Value(p.likes.value().unwrap() * factor);
            p.comments = Field::Value(p.comments.value().unwrap() * factor);
        }
    }

    pub(super) fn run(&mut self, month: &str) -> Vec<Finding> {
        self.a.sort_posts();
        evaluate(
            &self.a,
            &Period::parse_month(month).unwrap(),
            &Thresholds::default(),
        )
    }
}

impl Synth {
    pub(super) fn verdict(&mut self, month: &str) -> Verdict {
        self.a.sort_posts();
        crate::audit::audit_period(
            &self.a,
            &Thresholds::default(),
            &Period::parse_month(month).unwrap(),
        )
        .verdict
    }
}

pub(super) fn post(id: &str, date: NaiveDate, reach: f64, likes: f64) -> Post {
    Post {
        reach: Some(reach),
        impressions: Some(reach * 1.5),
        likes: Field::Value(likes),
        comments: Field::Value(10.0),
        shares: Field::Value(5.0),
        ..Post::blank(id, &format!("{date}T12:00:00+00:00"))
    }
}

fn rules_of(f: &[Finding], sev: Severity) -> Vec<&'static str> {
    f.iter()
        .filter(|x| x.severity == sev)
        .map(|x| x.rule)
        .collect()
}

fn no_high(f: &[Finding]) {
    let high: Vec<_> = f.iter().filter(|x| x.severity == Severity::High).collect();
    assert!(high.is_empty(), "unexpected high findings: {high:#?}");
}

#[test]
fn steady_organic_growth_is_genuine() {
    let mut s = Synth::steady();
    for m in ["2026-06", "2026-07", "2026-08"] {
        let f = s.run(m);
        no_high(&f);
        assert!(rules_of(&f, Severity::Medium).is_empty(), "{m}: {f:#?}");
        assert_eq!(s.verdict(m).level, VerdictLevel::Genuine);
    }
}

#[test]
fn a_bought_spike_with_flat_engagement_is_high() {
    let mut s = Synth::steady();
    let (a, b) = (d("2026-08-10"), d("2026-08-11"));
    s.jump(a, 1200.0);
    s.jump(b, 1300.0);
    let f = s.run("2026-08");
    let spike = f
        .iter()
        .find(|x| x.rule == "spike-flat-engagement")
        .expect("spike finding");
    assert_eq!(spike.severity, Severity::High);
    assert_eq!((spike.start, spike.end), (a, b));
    // The title's numbers can be recomputed from the evidence.
    let days = spike.evidence["days"].as_array().unwrap();
    let excess: f64 = days
        .iter()
        .map(|v| v["gain"].as_f64().unwrap() - v["baseline_median"].as_f64().unwrap())
        .sum();
    assert!((excess - spike.evidence["excess_gain"].as_f64().unwrap()).abs() < 1e-9);
    assert!(spike.title.contains(&crate::format::count(excess.round())));
    assert_eq!(spike.evidence["round_package"], 2500.0);
    assert_eq!(spike.evidence["cause"], "none found");
    // +22 % in the month with flat engagement also dilutes engagement: two families.
    let v = s.verdict("2026-08");
    assert_eq!(v.level, VerdictLevel::LikelyInflated);
    assert_eq!(v.families, vec!["growth", "engagement"]);
    assert!(v.because.contains(&"spike-flat-engagement"));
}

#[test]
fn a_paid_campaign_with_rising_engagement_is_explained() {
    let mut s = Synth::steady();
    let day = d("2026-08-10");
    s.jump(day, 900.0);
    s.a.presence.spend = true;
    for i in 0..40 {
        let date = s.date(70 + i);
        let amount = if date == d("2026-08-09") { 500.0 } else { 20.0 };
        s.a.spend.push(SpendRow {
            date,
            amount,
            ..Default::default()
        });
    }
    s.scale_engagement(d("2026-08-11"), 1.5);
    let f = s.run("2026-08");
    no_high(&f);
    let e = f
        .iter()
        .find(|x| x.rule == "spike-explained")
        .expect("explained");
    assert_eq!(e.severity, Severity::Info);
    assert!(e.evidence["cause"].as_str().unwrap().contains("ad spend"));
}

#[test]
fn a_viral_post_explains_a_spike() {
    let mut s = Synth::steady();
    let day = d("2026-08-10");
    s.a.posts
        .push(post("viral", d("2026-08-09"), 40_000.0, 110.0));
    s.a.posts.sort_by_key(|p| p.published_at);
    s.jump(day, 800.0);
    let f = s.run("2026-08");
    no_high(&f);
    let spike = f
        .iter()
        .find(|x| matches!(x.rule, "spike-explained" | "spike-flat-engagement"))
        .unwrap();
    assert!(
        spike.evidence["cause"].as_str().unwrap().contains("viral"),
        "{spike:#?}"
    );
}

#[test]
fn a_giveaway_with_churn_is_info_not_high() {
    let mut s = Synth::steady();
    s.a.config.events.push(Event {
        start: d("2026-08-08"),
        end: d("2026-08-12"),
        kind: EventKind::Giveaway,
        note: "Summer giveaway".into(),
    });
    s.jump(d("2026-08-10"), 1500.0);
    for i in 0..10 {
        s.leave(
            d("2026-08-12").checked_add_days(Days::new(i)).unwrap(),
            80.0,
        );
    }
    let f = s.run("2026-08");
    no_high(&f);
    let churn = f
        .iter()
        .find(|x| x.rule == "giveaway-churn")
        .expect("churn");
    assert_eq!(churn.severity, Severity::Info);
    assert_eq!((churn.start, churn.end), (d("2026-08-11"), d("2026-09-09")));
    assert!(!f.iter().any(|x| x.rule == "unfollow-wave"), "{f:#?}");
}

#[test]
fn an_unfollow_wave_after_a_spike_is_medium() {
    let mut s = Synth::steady();
    s.jump(d("2026-08-10"), 2000.0);
    for i in 1..=10 {
        s.leave(
            d("2026-08-10").checked_add_days(Days::new(i)).unwrap(),
            80.0,
        );
    }
    let f = s.run("2026-08");
    let wave = f.iter().find(|x| x.rule == "unfollow-wave").expect("wave");
    assert_eq!(wave.severity, Severity::Medium);
    assert_eq!((wave.start, wave.end), (d("2026-08-11"), d("2026-08-24")));
}

#[test]
fn a_single_day_unfollow_spike_is_medium() {
    let mut s = Synth::steady();
    s.leave(d("2026-07-15"), 200.0);
    let f = s.run("2026-07");
    let wave = f.iter().find(|x| x.rule == "unfollow-wave").expect("wave");
    assert_eq!((wave.start, wave.end), (d("2026-07-15"), d("2026-07-15")));
}

#[test]
fn a_slow_drip_of_bots_dilutes_engagement() {
    let mut s = Synth::steady();
    // From 2026-08-01, 25 extra followers a day: under the spike floor of 30, +11 % in a month.
    for i in 0..31u64 {
        s.jump(
            d("2026-08-01").checked_add_days(Days::new(i)).unwrap(),
            25.0,
        );
    }
    let f = s.run("2026-08");
    assert!(
        !f.iter().any(|x| x.rule == "spike-flat-engagement"),
        "{f:#?}"
    );
    let dil = f
        .iter()
        .find(|x| x.rule == "engagement-dilution")
        .expect("dilution");
    assert_eq!(dil.severity, Severity::Medium);
    assert!(dil.evidence["growth_pct"].as_f64().unwrap() >= 10.0);
}

fn audience(date: &str, seg: Segment, shares: &[(&str, f64)]) -> Vec<AudienceRow> {
    shares
        .iter()
        .map(|(v, s)| AudienceRow {
            date: d(date),
            segment: seg,
            dimension: "country".into(),
            value: v.to_string(),
            share_pct: Some(*s),
            count: None,
        })
        .collect()
}

fn with_portrait(s: &mut Synth) {
    s.a.config.portrait.country = [
        ("DE".to_string(), 75.0),
        ("AT".into(), 15.0),
        ("CH".into(), 10.0),
    ]
    .into_iter()
    .collect();
    s.a.presence.audience = true;
}

#[test]
fn a_geography_that_misses_the_portrait_is_high() {
    let mut s = Synth::steady();
    with_portrait(&mut s);
    s.a.audience = audience(
        "2026-08-31",
        Segment::Followers,
        &[("DE", 30.0), ("AT", 5.0), ("IN", 40.0), ("BR", 20.0)],
    );
    let f = s.run("2026-08");
    let geo = f.iter().find(|x| x.rule == "geo-mismatch").expect("geo");
    // p = (.75,.15,.10,0), q = (.30,.05,0,.65): TVD = (.45+.10+.10+.65)/2 = .65.
    assert!((geo.evidence["distance"].as_f64().unwrap() - 0.65).abs() < 1e-9);
    assert_eq!(geo.severity, Severity::High);
    assert!(f
        .iter()
        .any(|x| x.rule == "not-evaluated" && x.evidence["rule"] == "age-mismatch"));
}

#[test]
fn a_matching_geography_is_not_flagged() {
    let mut s = Synth::steady();
    with_portrait(&mut s);
    s.a.audience = audience(
        "2026-08-31",
        Segment::Followers,
        &[("DE", 72.0), ("AT", 14.0), ("CH", 9.0)],
    );
    let f = s.run("2026-08");
    assert!(!f.iter().any(|x| x.rule == "geo-mismatch"), "{f:#?}");
}

#[test]
fn new_followers_from_elsewhere_after_a_spike_shift_the_geography() {
    let mut s = Synth::steady();
    with_portrait(&mut s);
    s.jump(d("2026-08-10"), 1000.0);
    s.scale_engagement(d("2026-08-11"), 2.0);
    let mut rows = audience(
        "2026-07-31",
        Segment::NewFollowers,
        &[("DE", 75.0), ("AT", 15.0), ("CH", 8.0)],
    );
    rows.extend(audience(
        "2026-08-31",
        Segment::NewFollowers,
        &[("DE", 40.0), ("AT", 8.0), ("CH", 5.0), ("BD", 47.0)],
    ));
    s.a.audience = rows;
    let f = s.run("2026-08");
    let shift = f.iter().find(|x| x.rule == "geo-shift").expect("shift");
    assert_eq!(shift.severity, Severity::High);
    assert_eq!((shift.start, shift.end), (d("2026-08-10"), d("2026-08-10")));
    assert!((shift.evidence["rise_pp"].as_f64().unwrap() - 45.0).abs() < 1e-9);
}

#[test]
fn likes_above_reach_are_high() {
    let mut s = Synth::steady();
    s.a.posts
        .push(post("bought", d("2026-08-15"), 500.0, 900.0));
    let f = s.run("2026-08");
    let l = f
        .iter()
        .find(|x| x.rule == "likes-exceed-reach")
        .expect("likes");
    assert_eq!(l.posts, vec!["bought".to_string()]);
    assert_eq!(l.start, d("2026-08-15"));
}

#[test]
fn pumped_engagement_without_reach_is_medium() {
    let mut s = Synth::steady();
    s.a.posts
        .push(post("pumped", d("2026-08-15"), 2000.0, 900.0));
    let f = s.run("2026-08");
    let e = f
        .iter()
        .find(|x| x.rule == "engagement-without-reach")
        .expect("pumped");
    assert_eq!(e.severity, Severity::Medium);
}

#[test]
fn an_inflated_claim_is_high_and_a_close_one_is_not() {
    let mut s = Synth::steady();
    s.a.config.claims.push(crate::model::Claim {
        month: Some("2026-08".into()),
        kpi: "reach".into(),
        value: 3000.0 * 31.0 * 1.3,
    });
    let f = s.run("2026-08");
    let c = f
        .iter()
        .find(|x| x.rule == "claims-mismatch")
        .expect("claim");
    assert_eq!(c.severity, Severity::High);
    assert!((c.evidence["diff_pct"].as_f64().unwrap() - 30.0).abs() < 1e-9);
    s.a.config.claims[0].value = 3000.0 * 31.0 * 1.07;
    let f = s.run("2026-08");
    assert_eq!(
        f.iter()
            .find(|x| x.rule == "claims-mismatch")
            .unwrap()
            .severity,
        Severity::Medium
    );
    s.a.config.claims[0].value = 3000.0 * 31.0 * 1.04;
    assert!(!s.run("2026-08").iter().any(|x| x.rule == "claims-mismatch"));
}

#[test]
fn mad_of_zero_uses_the_fallbacks() {
    let mut s = Synth::steady();
    for row in s.a.daily.values_mut() {
        row.follows = Some(20.0);
        row.unfollows = Some(5.0);
    }
    let mut f = 10_000.0;
    for row in s.a.daily.values_mut() {
        f += 15.0;
        row.followers = Some(f);
    }
    assert!(s
        .run("2026-07")
        .iter()
        .all(|x| x.rule != "spike-flat-engagement"));
    s.jump(d("2026-07-20"), 40.0);
    // g = 15 every day: MAD and mean AD are 0, so z = (55 - 15) / max(1, 0.15) = 40.
    let eps = series::episodes(&s.a, &series::Gains::of(&s.a), &Thresholds::default());
    assert_eq!(eps.len(), 1);
    assert_eq!(
        (eps[0].start, eps[0].end),
        (d("2026-07-20"), d("2026-07-20"))
    );
    assert!((eps[0].days[0].z - 40.0).abs() < 1e-9);
    assert!((eps[0].excess - 40.0).abs() < 1e-9);
}

#[test]
fn fewer_than_seven_baseline_days_are_not_judged() {
    let mut s = Synth::steady();
    s.jump(s.date(5), 3000.0);
    let f = s.run("2026-05");
    assert!(
        !f.iter()
            .any(|x| x.rule == "spike-flat-engagement" || x.rule == "spike-explained"),
        "{f:#?}"
    );
}

#[test]
fn a_day_after_a_gap_has_no_gain_and_gaps_are_reported() {
    let mut s = Synth::steady();
    for i in 70..75 {
        let day = s.date(i);
        s.a.daily.remove(&day);
    }
    // The day after the gap carries five days of growth: it must not look like a spike.
    let f = s.run("2026-07");
    assert!(!f.iter().any(|x| x.rule.starts_with("spike")), "{f:#?}");
    let gap = f.iter().find(|x| x.rule == "data-gap").expect("gap");
    assert_eq!((gap.start, gap.end), (s.date(70), s.date(74)));
}

#[test]
fn a_month_without_posts_and_an_account_without_audience_are_not_evaluated() {
    let mut s = Synth::steady();
    s.a.posts
        .retain(|p| p.date < d("2026-08-01") || p.date > d("2026-08-31"));
    s.jump(d("2026-08-10"), 2000.0);
    let f = s.run("2026-08");
    assert!(
        f.iter()
            .any(|x| x.rule == "not-evaluated" && x.evidence["rule"] == "spike-flat-engagement"),
        "{f:#?}"
    );
    assert!(f
        .iter()
        .any(|x| x.rule == "not-evaluated" && x.evidence["rule"] == "geo-mismatch"));
    assert!(f.iter().all(|x| x.severity != Severity::High));
}

#[test]
fn counts_that_disagree_are_info() {
    let mut s = Synth::steady();
    let day = d("2026-07-10");
    for (dd, row) in s.a.daily.range_mut(day..) {
        row.followers = row.followers.map(|f| f - 300.0);
        let _ = dd;
    }
    let f = s.run("2026-07");
    let c = f
        .iter()
        .find(|x| x.rule == "counts-disagree")
        .expect("counts");
    assert_eq!((c.start, c.end, c.severity), (day, day, Severity::Info));
}

#[test]
fn thresholds_change_the_outcome() {
    let mut s = Synth::steady();
    s.jump(d("2026-08-10"), 200.0);
    s.scale_engagement(d("2026-08-11"), 0.9);
    assert!(s
        .run("2026-08")
        .iter()
        .any(|x| x.rule == "spike-flat-engagement"));
    let mut t = Thresholds::default();
    t.set("spike_min_abs", 500.0).unwrap();
    let f = evaluate(&s.a, &Period::parse_month("2026-08").unwrap(), &t);
    assert!(!f.iter().any(|x| x.rule == "spike-flat-engagement"));
    assert!(series::episodes(&s.a, &series::Gains::of(&s.a), &t).is_empty());
}

#[test]
fn a_follower_list_names_who_arrived_in_a_spike() {
    use crate::model::Follower;
    let mut s = Synth::steady();
    s.jump(d("2026-08-10"), 1000.0);
    s.a.presence.follower_list = true;
    let at = |day: &str, h: u32| {
        chrono::Utc
            .from_utc_datetime(&d(day).and_hms_opt(h, 0, 0).unwrap())
            .fixed_offset()
    };
    for (i, name) in ["user8273645", "qwrtzpl", "anna.k", "mxkcvbn_0001"]
        .iter()
        .enumerate()
    {
        s.a.follower_list.push(Follower {
            username: name.to_string(),
            followed_at: at("2026-08-10", i as u32),
            date: d("2026-08-10"),
        });
    }
    s.a.follower_list.push(Follower {
        username: "earlier".into(),
        followed_at: at("2026-07-01", 1),
        date: d("2026-07-01"),
    });
    let f = s.run("2026-08");
    let spike = f
        .iter()
        .find(|x| x.rule == "spike-flat-engagement")
        .expect("spike");
    assert_eq!(spike.evidence["followers_listed_in_episode"], 4);
    assert_eq!(spike.evidence["generated_looking_usernames"], 3);
    assert_eq!(spike.evidence["generated_looking_share_pct"], 75.0);
}
