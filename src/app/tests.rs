//! The drill-down as a pure sequence of actions on the state.

use super::*;
use crate::config::read_audit;
use crate::import::load_path;
use std::path::Path;

pub(crate) fn sample_app(name: &str) -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name);
    let config = read_audit(&dir.join("audit.toml")).unwrap().unwrap();
    let tz: chrono_tz::Tz = config.account.timezone.as_deref().unwrap().parse().unwrap();
    let opts = crate::import::LoadOptions::new(tz, "2026-11-22".parse().unwrap());
    let loaded = load_path(&dir, config, opts).unwrap();
    let period = crate::audit::default_period(&loaded.account).unwrap();
    let origin = Origin {
        label: name.to_string(),
        demo: false,
        timezone: tz.name().to_string(),
        theme: None,
        no_color: false,
        inputs: Default::default(),
    };
    App::new(
        loaded.account,
        loaded.report,
        Thresholds::default(),
        origin,
        period,
    )
}

#[test]
fn drill_down_into_the_top_posts() {
    let mut app = sample_app("acme-coffee");
    assert_eq!(app.period.month_key().as_deref(), Some("2026-10"));
    assert_eq!(app.screen(), Screen::Dashboard);
    app.update(Action::TopPosts);
    assert_eq!(app.screen(), Screen::TopPosts);
    let reach: Vec<f64> = app
        .top_posts()
        .iter()
        .map(|p| p.post.reach.unwrap())
        .collect();
    assert_eq!(reach.len(), 5);
    assert!(reach.windows(2).all(|w| w[0] >= w[1]), "{reach:?}");
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.post_sel, 2);
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::PostDetail(2));
    app.update(Action::Back);
    app.update(Action::OpenPost(1));
    assert_eq!(app.screen(), Screen::PostDetail(0));
    app.update(Action::OpenPost(5));
    assert_eq!(app.screen(), Screen::PostDetail(4));
    assert_eq!(
        app.stack.len(),
        3,
        "opening another post replaces the open one"
    );
    app.update(Action::Back);
    // `s` cycles reach, views, engagements, ER post.
    app.update(Action::CycleRanking);
    assert_eq!(app.ranking, Ranking::Views);
    let views: Vec<f64> = app
        .top_posts()
        .iter()
        .map(|p| p.post.impressions.unwrap())
        .collect();
    assert!(views.windows(2).all(|w| w[0] >= w[1]), "{views:?}");
    app.update(Action::CycleRanking);
    assert_eq!(app.ranking, Ranking::Engagements);
    let e: Vec<f64> = app
        .top_posts()
        .iter()
        .map(|p| p.rates.engagements.unwrap())
        .collect();
    assert!(e.windows(2).all(|w| w[0] >= w[1]));
    app.update(Action::CycleRanking);
    app.update(Action::CycleRanking);
    assert_eq!(app.ranking, Ranking::Reach);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Dashboard);
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Dashboard);
    app.update(Action::Quit);
    assert!(app.should_quit());
}

#[test]
fn months_move_within_the_data() {
    let mut app = sample_app("acme-coffee");
    app.update(Action::NextMonth);
    assert_eq!(app.period.month_key().as_deref(), Some("2026-10"));
    assert!(app.status.as_deref().unwrap().contains("no data after"));
    app.update(Action::PrevMonth);
    assert_eq!(app.period.month_key().as_deref(), Some("2026-09"));
    assert_eq!(app.status, None);
    for _ in 0..20 {
        app.update(Action::PrevMonth);
    }
    assert_eq!(app.period.month_key().as_deref(), Some("2025-11"));
    app.update(Action::NextMonth);
    assert_eq!(app.period.month_key().as_deref(), Some("2025-12"));
}

#[test]
fn findings_focus_select_and_open() {
    let mut app = sample_app("nordic-bikes");
    assert!(app.findings().len() >= 5);
    assert_eq!(app.findings()[0].severity, crate::rules::Severity::High);
    for _ in 0..3 {
        app.update(Action::FocusNext);
    }
    assert_eq!(app.focus, Focus::Findings);
    app.update(Action::Down);
    app.update(Action::Down);
    let marked = app.marked_finding().unwrap().rule;
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::FindingDetail(2));
    assert_eq!(app.marked_finding().unwrap().rule, marked);
    app.update(Action::Back);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Engagement);
    app.update(Action::TopPosts);
    app.update(Action::FocusFindings);
    assert_eq!(
        (app.screen(), app.focus),
        (Screen::Dashboard, Focus::Findings)
    );
}

#[test]
fn a_month_change_closes_what_belonged_to_the_old_month() {
    let mut app = sample_app("nordic-bikes");
    app.update(Action::TopPosts);
    app.update(Action::OpenPost(1));
    app.update(Action::Back);
    app.update(Action::PrevMonth);
    assert_eq!(app.screen(), Screen::TopPosts);
    assert_eq!(app.post_sel, 0);
    let sept = app.view.audit.verdict.level;
    app.update(Action::NextMonth);
    assert_ne!(app.view.audit.verdict.level, sept);
}

#[test]
fn help_toggles_and_export_is_an_effect() {
    let mut app = sample_app("acme-coffee");
    app.update(Action::Help);
    assert_eq!(app.screen(), Screen::Help);
    app.update(Action::Down);
    assert_eq!(app.help_scroll, 1);
    app.update(Action::Help);
    assert_eq!(app.screen(), Screen::Dashboard);
    assert_eq!(app.update(Action::Export), Effect::ExportReport);
    assert!(app
        .report_stem()
        .starts_with("smm-audit-acme-coffee-2026-10"));
}

#[test]
fn n_goes_to_the_next_flagged_month_and_round_again() {
    let mut app = sample_app("nordic-bikes");
    let flagged: Vec<String> = app
        .audit
        .flagged_months()
        .filter_map(|m| m.month.month_key())
        .collect();
    assert_eq!(flagged, vec!["2026-10".to_string()]);
    // From an earlier month, `n` goes forward to October.
    for _ in 0..4 {
        app.update(Action::PrevMonth);
    }
    assert_eq!(app.period.month_key().as_deref(), Some("2026-06"));
    app.update(Action::NextFlagged);
    assert_eq!(app.period.month_key().as_deref(), Some("2026-10"));
    assert!(app.status.as_deref().unwrap().contains("1 flagged month"));
    // On the only flagged month, it says so and stays.
    app.update(Action::NextFlagged);
    assert_eq!(app.period.month_key().as_deref(), Some("2026-10"));
    assert_eq!(
        app.status.as_deref(),
        Some("this is the only flagged month")
    );
    // The demo has none.
    let mut demo = sample_app("acme-coffee");
    demo.update(Action::NextFlagged);
    assert_eq!(
        demo.status.as_deref(),
        Some("no month of the history is flagged")
    );
}

#[test]
fn the_history_has_every_month_and_the_shown_one_matches_its_verdict() {
    let app = sample_app("nordic-bikes");
    let months: Vec<String> = app
        .audit
        .history
        .iter()
        .filter_map(|m| m.month.month_key())
        .collect();
    assert_eq!(months.first().map(String::as_str), Some("2025-11"));
    assert_eq!(months.last().map(String::as_str), Some("2026-10"));
    assert_eq!(months.len(), 12);
    let shown = app.audit.history.last().unwrap();
    assert_eq!(shown.verdict, app.view.audit.verdict);
}

#[test]
fn a_post_finding_opens_its_post() {
    let mut app = sample_app("nordic-bikes");
    app.update(Action::FocusFindings);
    let i = app
        .findings()
        .iter()
        .position(|f| f.rule == "likes-exceed-reach")
        .expect("the sample plants likes above reach");
    for _ in 0..i {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::FindingDetail(i));
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::FindingPost(i));
    let post = app.finding_post(i).expect("the post");
    assert_eq!(post.post.id, app.findings()[i].posts[0]);
    assert!(app
        .findings_of(&post.post.id)
        .any(|f| f.rule == "likes-exceed-reach"));
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::FindingDetail(i));
}
