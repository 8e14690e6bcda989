//! Every number drawn is a whole number of the audit: each screen of both sample accounts, at
//! four sizes, is read back from the terminal buffer, and every number on it must be a value
//! of the JSON report (or of what the screen computes beside it: medians, the charts' axes,
//! the audience), rounded to the decimals shown. A number cut by a panel's edge ("post median
//! 3" for 3,191, "net 2,437 +1," for +1,253.9 %) matches nothing and fails.

#[path = "support/apps.rs"]
mod apps;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use serde_json::Value;
use smm_audit::app::{Action, App, Screen, Series};
use std::path::Path;
use std::process::Command;

const SIZES: [(u16, u16); 4] = [(160, 45), (120, 40), (100, 30), (80, 24)];

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(name)
}

fn app(name: &str) -> App {
    apps::sample_app(Some(name), true)
}

fn report(name: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .args(["report", sample(name).to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every number of a JSON value, numbers inside its texts included (warnings name lines).
fn json_numbers(v: &Value, out: &mut Vec<f64>) {
    match v {
        Value::Number(n) => out.extend(n.as_f64()),
        Value::String(s) => out.extend(tokens(s).into_iter().map(|t| t.value)),
        Value::Array(a) => a.iter().for_each(|x| json_numbers(x, out)),
        Value::Object(m) => m.values().for_each(|x| json_numbers(x, out)),
        _ => {}
    }
}

fn series(s: &Series, out: &mut Vec<f64>) {
    out.extend(s.before.iter().chain(&s.period).map(|p| p.1));
    if let Some((lo, hi)) = s.y_bounds() {
        out.extend([lo, hi]);
    }
}

/// The numbers the screen may show: the JSON report's, the month-over-month changes of its
/// KPIs, and what the screen computes beside the report.
fn accepted(app: &App, json: &Value) -> Vec<f64> {
    let mut out = Vec::new();
    json_numbers(json, &mut out);
    if let (Some(now), Some(before)) = (json["kpis"].as_object(), json["previous"].as_object()) {
        for (k, v) in now {
            if let (Some(a), Some(b)) = (v.as_f64(), before.get(k).and_then(|x| x.as_f64())) {
                out.push(a - b);
                if b != 0.0 {
                    out.push((a - b) / b.abs() * 100.0);
                }
            }
        }
    }
    let v = &app.view;
    let m = &v.medians;
    out.extend(
        [
            m.reach,
            m.impressions,
            m.engagements,
            m.er_post_pct,
            m.err_pct,
            m.er_view_pct,
        ]
        .into_iter()
        .flatten(),
    );
    for list in &v.top {
        for r in list {
            let p = &r.post;
            let values = [
                (p.reach, m.reach),
                (p.impressions, m.impressions),
                (r.rates.engagements, m.engagements),
                (r.rates.er_post_pct, m.er_post_pct),
                (r.rates.err_pct, m.err_pct),
                (r.rates.er_view_pct, m.er_view_pct),
            ];
            for (x, med) in values {
                out.extend(x);
                if let (Some(x), Some(med)) = (x, med) {
                    out.push(x / med);
                }
            }
            out.extend(
                [
                    p.likes.value(),
                    p.comments.value(),
                    p.shares.value(),
                    p.saves.value(),
                    p.clicks,
                ]
                .into_iter()
                .flatten(),
            );
        }
    }
    let c = &v.audit.charts;
    for s in [&c.followers, &c.reach, &c.impressions, &c.er_post, &c.err] {
        series(s, &mut out);
    }
    // Two lines on one chart share its range.
    for (a, b) in [(&c.reach, &c.impressions), (&c.er_post, &c.err)] {
        if let (Some(x), Some(y)) = (a.y_bounds(), b.y_bounds()) {
            out.extend([x.0.min(y.0), x.1.max(y.1)]);
        }
    }
    for t in &v.audit.audience {
        for s in &t.shares {
            out.push(s.audience_pct);
            out.extend(s.portrait_pct);
        }
        out.extend(
            [t.distance, t.outside_pct, t.portrait_outside_pct]
                .into_iter()
                .flatten(),
        );
    }
    // Numbers inside the data's own text: captions, audience values ("65+").
    for list in v.top.iter() {
        for r in list {
            out.extend(tokens(&r.post.caption).into_iter().map(|t| t.value));
        }
    }
    for r in v.finding_posts.values() {
        out.extend(tokens(&r.post.caption).into_iter().map(|t| t.value));
    }
    for t in &v.audit.audience {
        for s in &t.shares {
            out.extend(tokens(&s.label).into_iter().map(|t| t.value));
        }
    }
    // Counts the screen states: files, findings, months, days, the top 5's ranks.
    out.extend([
        app.load.sources.len() as f64,
        app.findings().len() as f64,
        app.audit.history.len() as f64,
        app.period.days() as f64,
    ]);
    // The top list: "Top 5", its ranks.
    out.extend((1..=v.top[0].len().max(5)).map(|n| n as f64));
    let flagged = app.audit.flagged_months().count() as f64;
    out.push(flagged);
    out
}

/// A number as drawn: its value and its decimals.
#[derive(Debug)]
struct Token {
    text: String,
    value: f64,
    decimals: i32,
    /// Written as an approximation: "about 540 times".
    about: bool,
    /// Ends at a panel's edge with text before it in the panel ("post median 1│"): cut.
    cut: bool,
}

const EDGES: [char; 2] = ['│', '┃'];

/// The numbers of a text. Dates (2026-10-13, 10-13), times (10:17), years and numbers glued to
/// letters (80x24, 28d) are not quantities and are left out.
fn tokens(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() || (i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut text = String::new();
        let mut decimals = 0;
        let mut seen_dot = false;
        while i < c.len() {
            let ch = c[i];
            if ch.is_ascii_digit() {
                text.push(ch);
                if seen_dot {
                    decimals += 1;
                }
            } else if ch == ','
                && i + 3 < c.len() + 1
                && c[i + 1..].iter().take(3).all(|d| d.is_ascii_digit())
                && !seen_dot
            {
                // a thousands separator
            } else if ch == '.' && !seen_dot && i + 1 < c.len() && c[i + 1].is_ascii_digit() {
                seen_dot = true;
                text.push('.');
            } else {
                break;
            }
            i += 1;
        }
        let before = if start > 0 { Some(c[start - 1]) } else { None };
        let after = c.get(i).copied();
        let next = c.get(i + 1).copied();
        let date_like = matches!(before, Some('-') | Some(':') | Some('/'))
            && start > 1
            && c[start - 2].is_ascii_digit()
            || matches!(after, Some('-') | Some(':') | Some('/'))
                && next.is_some_and(|d| d.is_ascii_digit());
        let glued = after.is_some_and(|a| a.is_alphabetic());
        let value: f64 = text.parse().unwrap_or(f64::NAN);
        let year = decimals == 0 && (2004.0..=2100.0).contains(&value) && !text.contains(',');
        if !date_like && !glued && !year && value.is_finite() {
            let lead: String = c[start.saturating_sub(6)..start].iter().collect();
            // A y-axis label sits alone between the panel's border and the axis.
            let alone = c[..start]
                .iter()
                .rev()
                .take_while(|ch| !EDGES.contains(ch))
                .all(|ch| *ch == ' ' || *ch == '+' || *ch == '-');
            let at_edge = |k: usize| c.get(k).is_some_and(|ch| EDGES.contains(ch));
            let trailing = matches!(after, Some(',') | Some('.')) && at_edge(i + 1);
            let cut = !alone && (at_edge(i) || trailing);
            out.push(Token {
                text: c[start..i].iter().collect(),
                value,
                decimals,
                about: lead == "about ",
                cut,
            });
        }
    }
    out
}

/// Whether a value of the audit, written with the token's decimals (as the program writes
/// it), is the token; "about 540" may be any value within 5 % of it.
fn matches(t: &Token, accepted: &[f64]) -> bool {
    let digits: String = t.text.chars().filter(|c| *c != ',').collect();
    // A post id is a name, not a quantity: it is checked whole against the ids.
    if digits.len() > 15 {
        return false;
    }
    let d = t.decimals as usize;
    accepted.iter().any(|v| {
        [v.abs(), v.abs() * 100.0].iter().any(|x| {
            format!("{x:.d$}") == digits || (t.about && (x - t.value).abs() <= 0.05 * t.value)
        })
    })
}

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut bounds = app.bounds;
    t.draw(|f| bounds = smm_audit::ui::render(app, f)).unwrap();
    app.set_bounds(bounds);
    let buf = t.backend().buffer();
    let mut text = String::new();
    for y in 0..h {
        for x in 0..w {
            text.push_str(buf[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// The screens of an account, each reached by actions from the dashboard.
fn screens(findings: usize) -> Vec<(String, Vec<Action>)> {
    use Action::*;
    let mut out = vec![
        ("dashboard".to_string(), vec![]),
        ("findings focused".to_string(), vec![FocusFindings]),
        (
            "KPIs at their end".to_string(),
            vec![FocusFindings, FocusNext, End],
        ),
        ("top posts".to_string(), vec![TopPosts]),
        (
            "top posts, second ranking".to_string(),
            vec![TopPosts, CycleRanking],
        ),
        (
            "top posts, third ranking".to_string(),
            vec![TopPosts, CycleRanking, CycleRanking],
        ),
        ("a post".to_string(), vec![TopPosts, OpenPost(1)]),
        ("files read".to_string(), vec![Sources]),
        ("audience".to_string(), vec![Audience]),
        ("contract".to_string(), vec![Contract]),
    ];
    for i in 0..findings {
        let mut to = vec![FocusFindings];
        to.extend(std::iter::repeat_n(Down, i));
        to.push(Open);
        out.push((format!("finding {i}"), to.clone()));
        to.push(Open);
        out.push((format!("finding {i}, its post"), to));
    }
    out
}

#[test]
fn every_number_drawn_is_a_number_of_the_audit() {
    let mut failures = Vec::new();
    for name in ["acme-coffee", "nordic-bikes"] {
        let json = report(name);
        let base = app(name);
        let accepted = accepted(&base, &json);
        let ids: Vec<String> = base.account.posts.iter().map(|p| p.id.clone()).collect();
        for (screen, actions) in screens(base.findings().len()) {
            for (w, h) in SIZES {
                let mut a = app(name);
                for action in &actions {
                    // Draw between keys, as the event loop does, so that End knows the end.
                    screen_text(&mut a, w, h);
                    a.update(*action);
                }
                if a.screen() == Screen::Help {
                    continue;
                }
                let text = screen_text(&mut a, w, h);
                for line in text.lines() {
                    for t in tokens(line) {
                        if t.cut || (!matches(&t, &accepted) && !ids.contains(&t.text)) {
                            failures.push(format!(
                                "{name}, {screen}, {w}x{h}: `{}` in «{}»",
                                t.text,
                                line.trim()
                            ));
                        }
                    }
                }
            }
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} numbers drawn that are no number of the audit:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_reader_of_numbers_reads_what_a_person_does() {
    let t = tokens("followers 9,624 +33.9 %  on 2026-10-13 at 10:17, 80x24, 10-13–10-14, ×1.01");
    let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["9,624", "33.9", "1.01"]);
    assert_eq!(t[0].value, 9624.0);
    assert_eq!(t[1].decimals, 1);
    let accepted = [9624.4, 0.339];
    assert!(matches(&t[0], &accepted));
    assert!(matches(&t[1], &accepted));
    assert!(!matches(&tokens("post median 3")[0], &[3191.0]));
    // Cut at a panel's edge, though 1 is a number of the audit.
    assert!(tokens("│reach/follower 20.55 %  post median 1│")[1].cut);
    assert!(tokens("┃net 2,437 +1,┃")[1].cut);
    assert!(!tokens("┃9,922│followers")[0].cut);
    assert!(!tokens("│Net growth      2,437      +1,253.9 %│")[0].cut);
}
