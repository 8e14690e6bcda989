//! Every screen drawn into ratatui's TestBackend at 160x45, 100x30 and 80x24, pinned with insta.
//! A missing snapshot fails under CI=true; accept changes with `cargo insta review`.

#[path = "support/accounts.rs"]
mod accounts;
#[path = "support/apps.rs"]
mod apps;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smm_audit::app::{Action, App};
use smm_audit::cli::args::Common;
use smm_audit::tui::{run_loop, Input, ScriptedEvents};
use smm_audit::ui::keymap::Key;
use std::path::Path;

const SIZES: [(u16, u16); 3] = [(160, 45), (100, 30), (80, 24)];

fn app(name: Option<&str>, no_color: bool) -> App {
    apps::sample_app(name, no_color)
}

/// An account written by the test: 5,000 followers bought on 2025-04-16, four months before
/// its last month.
fn old_incident_app() -> App {
    let dir = accounts::write(&accounts::canonical(&[(105, 5000.0)]));
    folder_app(dir.path(), "old-incident")
}

/// The audit of a folder the test wrote, with an empty user config, shown as `label`.
fn folder_app(dir: &Path, label: &str) -> App {
    let user = dir.join("config.toml");
    std::fs::write(&user, "").unwrap();
    let common = Common {
        config: Some(user),
        ..Common::default()
    };
    let mut opened = smm_audit::cli::open::open(Some(dir), &common).unwrap();
    opened.label = label.to_string();
    smm_audit::build_app(opened, false).unwrap()
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| {
        smm_audit::ui::render(app, f);
    })
    .unwrap();
    t
}

fn snap_all(name: &str, app: &App) {
    for (w, h) in SIZES {
        let t = draw(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend());
    }
}

#[test]
fn dashboard() {
    snap_all("dashboard_demo", &app(None, false));
    snap_all("dashboard_bikes", &app(Some("nordic-bikes"), false));
}

/// The flagged April is on the first screen of an account that opens on August, and `n`
/// goes to it.
#[test]
fn an_old_incident_is_visible_on_the_first_screen() {
    let mut a = old_incident_app();
    for (w, h) in [(160, 45), (80, 24)] {
        let t = draw(&a, w, h);
        let text = format!("{:?}", t.backend());
        assert!(text.contains("Apr✗"), "{text}");
        insta::assert_snapshot!(format!("old_incident_{w}x{h}"), t.backend());
    }
    a.update(Action::NextFlagged);
    assert_eq!(a.period.month_key().as_deref(), Some("2025-04"));
    insta::assert_snapshot!("old_incident_april_160x45", draw(&a, 160, 45).backend());
}

#[test]
fn top_posts_and_a_post() {
    let mut a = app(Some("nordic-bikes"), false);
    a.update(Action::TopPosts);
    snap_all("top_posts", &a);
    a.update(Action::OpenPost(1));
    snap_all("post_detail", &a);
}

#[test]
fn a_finding() {
    let mut a = app(Some("nordic-bikes"), false);
    a.update(Action::FocusFindings);
    snap_all("findings_focused", &a);
    for _ in 0..3 {
        a.update(Action::Down);
    }
    a.update(Action::Open);
    snap_all("finding_detail", &a);
}

#[test]
fn help() {
    let mut a = app(None, false);
    a.update(Action::Help);
    snap_all("help", &a);
}

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let a = app(Some("nordic-bikes"), false);
    insta::assert_snapshot!("too_small_79x24", draw(&a, 79, 24).backend());
    for w in 1..=90u16 {
        for h in [1u16, 2, 5, 12, 23, 24, 25] {
            draw(&a, w, h);
        }
    }
    let mut a = a;
    for action in [
        Action::TopPosts,
        Action::OpenPost(1),
        Action::Back,
        Action::FocusFindings,
        Action::Open,
        Action::Help,
    ] {
        a.update(action);
        for (w, h) in [(1, 1), (80, 24), (81, 25), (119, 40), (120, 40), (300, 100)] {
            draw(&a, w, h);
        }
    }
}

#[test]
fn monochrome_keeps_selection_and_severity_visible() {
    let mut a = app(Some("nordic-bikes"), true);
    a.update(Action::FocusFindings);
    let t = draw(&a, 120, 40);
    let buf = t.backend().buffer();
    let mut reversed = false;
    let mut coloured = false;
    for cell in buf.content() {
        reversed |= cell.modifier.contains(ratatui::style::Modifier::REVERSED);
        coloured |=
            cell.fg != ratatui::style::Color::Reset || cell.bg != ratatui::style::Color::Reset;
    }
    assert!(
        reversed,
        "the selection and high severity are in reverse video"
    );
    assert!(!coloured, "no colour in the monochrome theme");
    let text = format!("{}", t.backend());
    assert!(text.contains("HIGH"));
}

#[test]
fn the_event_loop_drives_the_drill_down() {
    let mut a = app(None, false);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut events = ScriptedEvents::keys(&[Key::Char('t'), Key::Char('1')]);
    run_loop(&mut t, &mut a, &mut events).unwrap();
    let screen = format!("{}", t.backend());
    assert!(screen.contains("Post 1 of the top 5 by reach"), "{screen}");
    let first = a.top_posts()[0].post.reach.unwrap();
    assert!(a.top_posts().iter().all(|p| p.post.reach.unwrap() <= first));
    let mut events = ScriptedEvents(
        vec![
            Input::Key(Key::Esc),
            Input::Resize,
            Input::Key(Key::Char('q')),
        ]
        .into(),
    );
    run_loop(&mut t, &mut a, &mut events).unwrap();
    assert!(a.should_quit());
}

/// A finding about a post names the post; Enter opens it, with its findings above the caption.
#[test]
fn a_post_finding_and_its_post() {
    let mut a = app(Some("nordic-bikes"), false);
    a.update(Action::FocusFindings);
    let i = a
        .findings()
        .iter()
        .position(|f| f.rule == "likes-exceed-reach")
        .unwrap();
    for _ in 0..i {
        a.update(Action::Down);
    }
    a.update(Action::Open);
    insta::assert_snapshot!("post_finding_160x45", draw(&a, 160, 45).backend());
    a.update(Action::Open);
    snap_all("finding_post", &a);
}

/// The load report on screen: a folder with a file set aside, a file that is not an export, and
/// warnings.
#[test]
fn files_read_set_aside_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let bikes = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nordic-bikes");
    for entry in std::fs::read_dir(&bikes).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.path().join("daily-from-the-agency.csv"),
        "date,fans,follows,unfollows,reach\n2026-10-01,5000,5,2,900\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "call the agency on Monday\n").unwrap();
    std::fs::write(
        dir.path().join("spend-extra.csv"),
        "date,campaign,amount\n2026-10-02,Autumn,abc\n2026-10-03,Autumn,1e308\n",
    )
    .unwrap();
    let mut a = folder_app(dir.path(), "bikes-and-more");
    a.update(Action::Sources);
    snap_all("sources", &a);
}

/// Help scrolls to its end and no further: after 500 × `j`, one `k` moves it back at once;
/// Home, End and the page keys work in the help, the KPI table and the findings list.
#[test]
fn scrolling_stops_at_the_end_and_pages_move() {
    let mut a = app(Some("nordic-bikes"), false);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut keys = vec![Key::Char('?')];
    keys.extend(std::iter::repeat_n(Key::Char('j'), 500));
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&keys)).unwrap();
    let end = a.help_scroll;
    assert!(end > 20 && end < 500, "help stopped at {end}");
    let last = format!("{}", t.backend());
    assert!(
        last.contains("Minter.io"),
        "the benchmarks' last row is on screen\n{last}"
    );
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::Char('k')])).unwrap();
    assert_eq!(a.help_scroll, end - 1, "one k moves back at once");
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::Home])).unwrap();
    assert_eq!(a.help_scroll, 0);
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::PageDown])).unwrap();
    let page = a.help_scroll;
    assert!(page > 10, "a page is most of the screen: {page}");
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::End])).unwrap();
    assert_eq!(a.help_scroll, end);
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::PageUp])).unwrap();
    assert_eq!(a.help_scroll, end - page);

    // The KPI table: End shows its last row, 70 × j stays there, one k moves.
    let keys = [Key::Esc, Key::Char('f'), Key::Tab, Key::End];
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&keys)).unwrap();
    let kpi_end = a.kpi_scroll;
    assert!(kpi_end > 0);
    let screen = format!("{}", t.backend());
    assert!(
        screen.contains("Median response time"),
        "last KPI rows shown\n{screen}"
    );
    let mut keys = vec![Key::Char('j'); 70];
    keys.push(Key::Char('k'));
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&keys)).unwrap();
    assert_eq!(a.kpi_scroll, kpi_end - 1);

    // The findings list: End selects the last, Home the first.
    let n = a.findings().len();
    let keys = [Key::Char('f'), Key::End];
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&keys)).unwrap();
    assert_eq!(a.finding_sel, n - 1);
    run_loop(&mut t, &mut a, &mut ScriptedEvents::keys(&[Key::Home])).unwrap();
    assert_eq!(a.finding_sel, 0);
}

/// The audience beside the portrait: countries by name, the distance the rules use; `l` goes
/// from one page to the other.
#[test]
fn the_audience_beside_the_portrait() {
    let mut a = app(Some("nordic-bikes"), false);
    a.update(Action::Audience);
    snap_all("audience", &a);
    let screen = format!("{}", draw(&a, 160, 45).backend());
    assert!(
        screen.contains("India (IN)") && screen.contains("80.0 %"),
        "{screen}"
    );
    assert!(
        screen.contains("distance from the portrait 0.73"),
        "{screen}"
    );
    a.update(Action::Sources);
    assert_eq!(
        a.screen(),
        smm_audit::app::Screen::Sources,
        "l goes from one page to the other"
    );
    a.update(Action::Sources);
    assert_eq!(a.screen(), smm_audit::app::Screen::Dashboard);
}

#[test]
fn the_portfolio_list() {
    // The two sample accounts, one written with three days of data, one with no dated row,
    // read as the portfolio reads them, on a fixed day (staleness depends on it).
    let root = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let thin = root.path().join("thin-cafe");
    std::fs::create_dir_all(&thin).unwrap();
    std::fs::write(
        thin.join("daily.csv"),
        "date,followers\n2026-10-29,1000\n2026-10-30,1004\n2026-10-31,1010\n",
    )
    .unwrap();
    let empty = root.path().join("empty-shop");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("daily.csv"), "date,followers\n2026-10-01,abc\n").unwrap();
    let user = root.path().join("config.toml");
    std::fs::write(&user, "").unwrap();
    let common = Common {
        config: Some(user),
        ..Common::default()
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap();
    let dirs = [
        (samples.as_path(), samples.join("nordic-bikes")),
        (samples.as_path(), samples.join("acme-coffee")),
        (root.path(), thin),
        (root.path(), empty),
    ];
    let rows = dirs
        .iter()
        .map(|(root, dir)| smm_audit::cli::portfolio::row_of(root, dir, &common, today));
    let mut state = smm_audit::app::portfolio::PortfolioState::new("clients".into(), 4);
    state.add(rows.collect::<Vec<_>>());
    // The account with nothing to audit selected: its reason under the list.
    state.update(Action::Down);
    state.update(Action::Down);
    let theme = smm_audit::ui::Theme::pick(None, true);
    for (w, h) in SIZES {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| {
            smm_audit::ui::portfolio::render(&state, f, &theme);
        })
        .unwrap();
        insta::assert_snapshot!(format!("portfolio_{w}x{h}"), t.backend());
    }
}
