//! The portfolio on screen, driven by scripted keys: the list while rows arrive, Enter opens
//! an account, Esc on its dashboard comes back to the list where it was, `s` sorts, q quits.

#[path = "support/apps.rs"]
mod apps;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smm_audit::app::portfolio::PortfolioState;
use smm_audit::portfolio::Row;
use smm_audit::rules::VerdictLevel;
use smm_audit::tui::{portfolio_loop, Input, ScriptedEvents};
use smm_audit::ui::keymap::Key;

fn row(folder: &str, name: &str, verdict: VerdictLevel, findings: usize) -> Option<Row> {
    let mut r = Row::failed(folder.to_string(), String::new());
    r.error = None;
    r.name = name.to_string();
    r.verdict = Some(verdict);
    r.findings = findings;
    Some(r)
}

#[test]
fn the_list_opens_an_account_and_comes_back_where_it_was() {
    let (tx, rx) = std::sync::mpsc::channel();
    for r in [
        row("acme", "Acme Coffee", VerdictLevel::Genuine, 0),
        None,
        row("bikes", "Nordic Bikes", VerdictLevel::LikelyInflated, 11),
        row("thin", "Thin", VerdictLevel::InsufficientData, 0),
    ] {
        tx.send(r).unwrap();
    }
    let mut state = PortfolioState::new("clients".into(), 4);
    let mut t = Terminal::new(TestBackend::new(120, 20)).unwrap();
    let theme = smm_audit::ui::Theme::pick(None, true);
    let opened = std::cell::RefCell::new(Vec::new());
    let mut open = |folder: &str| {
        opened.borrow_mut().push(folder.to_string());
        let sample = if folder == "bikes" {
            "nordic-bikes"
        } else {
            "acme-coffee"
        };
        Ok(apps::sample_app(Some(sample), true))
    };
    // Down to the second row (not enough data), back up to the first (the flagged one), open
    // it, leave it with Esc: the list again, on the same row.
    let keys = [Key::Down, Key::Up, Key::Enter, Key::Esc];
    let mut events = ScriptedEvents(keys.iter().map(|k| Input::Key(*k)).collect());
    portfolio_loop(&mut t, &mut state, &rx, &mut events, &mut open, &theme).unwrap();
    assert_eq!(*opened.borrow(), ["bikes"]);
    assert!(!state.should_quit(), "Esc came back to the list");
    assert_eq!(state.rows[state.sel].folder, "bikes");
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("portfolio clients · 3 accounts, 1 flagged"),
        "{screen}"
    );
    let order: Vec<&str> = state.rows.iter().map(|r| r.folder.as_str()).collect();
    assert_eq!(order, ["bikes", "thin", "acme"], "most at risk first");
    assert!(screen.contains("▶ Nordic Bikes"), "{screen}");
    // s sorts by name and keeps the selection; q quits.
    let mut events =
        ScriptedEvents(vec![Input::Key(Key::Char('s')), Input::Key(Key::Char('q'))].into());
    portfolio_loop(&mut t, &mut state, &rx, &mut events, &mut open, &theme).unwrap();
    assert!(state.should_quit());
    let order: Vec<&str> = state.rows.iter().map(|r| r.folder.as_str()).collect();
    assert_eq!(order, ["acme", "bikes", "thin"]);
    assert_eq!(state.rows[state.sel].folder, "bikes");
}

#[test]
fn an_account_that_cannot_be_opened_leaves_the_list_with_the_reason() {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut unaudited = Row::failed("empty".into(), String::new());
    unaudited.error = None;
    unaudited.not_audited = Some("nothing to audit: no dated row could be read".into());
    unaudited.name = "Empty".into();
    for r in [
        row("gone", "Gone Shop", VerdictLevel::Genuine, 0),
        Some(unaudited),
    ] {
        tx.send(r).unwrap();
    }
    let mut state = PortfolioState::new("clients".into(), 2);
    let mut t = Terminal::new(TestBackend::new(120, 12)).unwrap();
    let theme = smm_audit::ui::Theme::pick(None, true);
    // The folder went away after it was listed: opening it fails.
    let mut open = |folder: &str| -> anyhow::Result<smm_audit::app::App> {
        anyhow::bail!("{folder}: no such folder")
    };
    // The account with nothing to audit comes before the genuine one; it is not opened, and
    // its reason is on the list.
    let mut events = ScriptedEvents(vec![Input::Key(Key::Enter)].into());
    portfolio_loop(&mut t, &mut state, &rx, &mut events, &mut open, &theme).unwrap();
    assert!(!state.should_quit());
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("empty cannot be opened: nothing to audit: no dated row could be read"),
        "{screen}"
    );
    assert!(screen.contains("not audited"), "{screen}");
    let mut events = ScriptedEvents(vec![Input::Key(Key::Down), Input::Key(Key::Enter)].into());
    portfolio_loop(&mut t, &mut state, &rx, &mut events, &mut open, &theme).unwrap();
    assert!(!state.should_quit());
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("gone cannot be opened: gone: no such folder"),
        "{screen}"
    );
}

#[test]
fn q_inside_an_opened_account_quits_the_program() {
    let (tx, rx) = std::sync::mpsc::channel();
    tx.send(row("acme", "Acme Coffee", VerdictLevel::Genuine, 0))
        .unwrap();
    let mut state = PortfolioState::new("clients".into(), 1);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let theme = smm_audit::ui::Theme::pick(None, true);
    let mut open = |_: &str| Ok(apps::sample_app(Some("acme-coffee"), true));
    let mut events = ScriptedEvents::keys(&[Key::Enter, Key::Char('q')]);
    portfolio_loop(&mut t, &mut state, &rx, &mut events, &mut open, &theme).unwrap();
    assert!(state.should_quit());
}
