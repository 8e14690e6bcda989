//! Drawing: pure functions of `&App` into a ratatui frame. No I/O, no terminal library.

mod audience;
mod charts;
mod contract;
mod detail;
mod frame;
mod help;
mod history;
pub mod keymap;
mod lists;
pub mod portfolio;
mod posts;
mod sources;
pub mod theme;

pub use theme::Theme;

use crate::app::{App, Bounds, Focus, Screen};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;

/// The smallest terminal the audit is drawn in; below it a one-line message asks for more.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Below this width the three panels stack.
pub const WIDE: u16 = 120;

/// Draw the whole screen. Returns how far the list or text in front can scroll, for
/// `App::set_bounds`.
pub fn render(app: &App, f: &mut Frame) -> Bounds {
    let area = f.area();
    let theme = Theme::pick(app.origin.theme.as_deref(), app.origin.no_color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame::too_small(f, area, &theme);
        return Bounds::default();
    }
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame::header(f, header, app, &theme);
    let bounds = match app.screen() {
        Screen::Dashboard => dashboard(f, body, app, &theme),
        Screen::TopPosts => posts::top_posts(f, body, app, &theme),
        Screen::PostDetail(i) => posts::post_detail(f, body, app, i, &theme),
        Screen::FindingDetail(i) => detail::finding(f, body, app, i, &theme),
        Screen::FindingPost(i) => posts::finding_post(f, body, app, i, &theme),
        Screen::Help => help::help(f, body, app, &theme),
        Screen::Sources => sources::sources(f, body, app, &theme),
        Screen::Audience => audience::audience(f, body, app, &theme),
        Screen::Contract => contract::contract(f, body, app, &theme),
    };
    frame::footer(f, footer, app, &theme);
    bounds
}

/// The dashboard; its bounds are those of the list that has the focus.
fn dashboard(f: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Bounds {
    let (findings, kpis) = if area.width >= WIDE {
        let panels_h = (area.height * 11 / 20).max(9);
        let [top, bottom] =
            Layout::vertical([Constraint::Length(panels_h), Constraint::Min(3)]).areas(area);
        let [a, b, c] = Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(top);
        charts::followers(f, a, app, theme);
        charts::reach(f, b, app, theme);
        charts::engagement(f, c, app, theme);
        let [l, r] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .areas(bottom);
        let findings = lists::findings(f, l, app, theme);
        let kpis = lists::kpis(f, r, app, theme);
        (findings, kpis)
    } else {
        let each = ((area.height.saturating_sub(7)) / 3).clamp(4, 9);
        let [a, b, c, bottom] = Layout::vertical([
            Constraint::Length(each),
            Constraint::Length(each),
            Constraint::Length(each),
            Constraint::Min(4),
        ])
        .areas(area);
        charts::followers(f, a, app, theme);
        charts::reach(f, b, app, theme);
        charts::engagement(f, c, app, theme);
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(bottom);
        let findings = lists::findings(f, l, app, theme);
        let kpis = lists::kpis(f, r, app, theme);
        (findings, kpis)
    };
    match app.focus {
        Focus::Findings => findings,
        Focus::Kpis => kpis,
        _ => Bounds::default(),
    }
}
