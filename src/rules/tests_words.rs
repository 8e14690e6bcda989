//! Words that fit the cause, and no accusation on tiny numbers (rules.md).

use super::tests::{d, post, Synth};
use super::*;
use crate::model::{Event, EventKind, Field};

fn giveaway(s: &mut Synth) {
    s.a.config.events.push(Event {
        start: d("2026-08-08"),
        end: d("2026-08-12"),
        kind: EventKind::Giveaway,
        note: "Summer giveaway".into(),
    });
}

#[test]
fn a_giveaway_jump_is_titled_with_the_giveaway_and_never_unexplained() {
    let mut s = Synth::steady();
    giveaway(&mut s);
    s.jump(d("2026-08-10"), 1500.0);
    let f = s.run("2026-08");
    let jump = f
        .iter()
        .find(|x| matches!(x.rule, "spike-flat-engagement" | "spike-explained"))
        .expect("the jump's finding");
    assert!(
        jump.title.contains("during the giveaway «Summer giveaway»"),
        "{}",
        jump.title
    );
    for text in [&jump.title, &jump.detail] {
        let lower = text.to_lowercase();
        assert!(!lower.contains("unexplained"), "{text}");
        assert!(!lower.contains("bought"), "{text}");
    }
    // The question fits a giveaway: who stays, and do they match the portrait.
    assert!(
        jump.detail.contains("stay after the giveaway"),
        "{}",
        jump.detail
    );
    // With engagement flat, the caused jump is medium, not high.
    if jump.rule == "spike-flat-engagement" {
        assert_eq!(jump.severity, Severity::Medium);
    }
}

#[test]
fn a_jump_without_a_cause_is_still_called_unexplained() {
    let mut s = Synth::steady();
    s.jump(d("2026-08-10"), 1500.0);
    let f = s.run("2026-08");
    let jump = f
        .iter()
        .find(|x| x.rule == "spike-flat-engagement")
        .expect("spike");
    assert!(jump.title.starts_with("Unexplained follower jump"));
    assert!(jump.detail.contains("bought or bot followers"));
}

#[test]
fn a_post_with_a_reach_of_three_and_three_likes_gives_no_finding() {
    let mut s = Synth::steady();
    // Reach 3, 3 likes, no other engagement: ERR 100 %, likes equal to reach.
    let mut tiny = post("tiny", d("2026-08-20"), 3.0, 3.0);
    tiny.comments = Field::Value(0.0);
    tiny.shares = Field::Value(0.0);
    s.a.posts.push(tiny);
    // Reach 2, 3 likes: likes above reach, but three likes accuse nobody.
    let mut tinier = post("tinier", d("2026-08-21"), 2.0, 3.0);
    tinier.comments = Field::Value(0.0);
    tinier.shares = Field::Value(0.0);
    s.a.posts.push(tinier);
    let f = s.run("2026-08");
    let about_them: Vec<_> = f
        .iter()
        .filter(|x| x.posts.iter().any(|p| p == "tiny" || p == "tinier"))
        .collect();
    assert!(about_them.is_empty(), "{about_them:#?}");
    // The threshold is a named one: lowered, the same post is judged.
    let mut th = Thresholds::default();
    th.set("post_min_engagements", 1.0).unwrap();
    let f = evaluate(&s.a, &Period::parse_month("2026-08").unwrap(), &th);
    assert!(f
        .iter()
        .any(|x| x.rule == "likes-exceed-reach" && x.posts == ["tinier"]));
}

#[test]
fn a_month_before_the_data_is_insufficient_not_genuine() {
    let mut s = Synth::steady();
    let v = s.verdict("2026-01");
    assert_eq!(v.level, VerdictLevel::InsufficientData);
    assert_eq!(
        v.missing,
        vec!["no daily follower counts or follows for 31 of the 31 days".to_string()]
    );
    // The first month of the data has gains but no baseline for its first week only.
    assert_eq!(s.verdict("2026-05").level, VerdictLevel::Genuine);
}

#[test]
fn unfollows_missing_after_a_real_jump_leave_the_month_judged() {
    let mut s = Synth::steady();
    s.jump(d("2026-08-10"), 1500.0);
    // Engagement doubled with the new followers: real growth, no finding.
    s.scale_engagement(d("2026-08-11"), 2.0);
    // The export has no unfollows after the jump: the churn rule cannot judge its window.
    for (_, row) in s.a.daily.range_mut(d("2026-08-11")..) {
        row.unfollows = None;
    }
    let f = s.run("2026-08");
    assert!(f.iter().any(|x| x.rule == "not-evaluated"
        && x.evidence.get("rule").and_then(|r| r.as_str()) == Some("unfollow-wave")));
    let v = s.verdict("2026-08");
    assert_ne!(v.level, VerdictLevel::InsufficientData, "{v:?}");
    assert!(v.evaluated.contains(&"growth"), "{v:?}");
    assert!(v.missing.is_empty(), "{v:?}");
}
