//! Named colour slots. Dark and light themes, and a monochrome one (NO_COLOR, --no-color) in
//! which selection and severity stay visible through reverse video, bold and labels.

use crate::rules::{Severity, VerdictLevel};
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub accent: Style,
    pub period_line: Style,
    pub before_line: Style,
    pub second_line: Style,
    pub spike: Style,
    pub marked: Style,
    pub good: Style,
    pub bad: Style,
    pub high: Style,
    pub medium: Style,
    pub low: Style,
    pub info: Style,
    pub demo: Style,
    /// "Not enough data to judge": neither good nor bad.
    pub unjudged: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

pub const DARK: Theme = Theme {
    name: "dark",
    text: Style::new(),
    dim: fg(Color::DarkGray),
    title: Style::new().add_modifier(Modifier::BOLD),
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    accent: fg(Color::Cyan),
    period_line: fg(Color::Cyan),
    before_line: fg(Color::DarkGray),
    second_line: fg(Color::Magenta),
    spike: fg(Color::Red).add_modifier(Modifier::BOLD),
    marked: fg(Color::Yellow).add_modifier(Modifier::BOLD),
    good: fg(Color::Green),
    bad: fg(Color::Red),
    high: fg(Color::Red).add_modifier(Modifier::BOLD),
    medium: fg(Color::Yellow),
    low: fg(Color::Blue),
    info: fg(Color::DarkGray),
    demo: fg(Color::Black).bg(Color::Yellow),
    unjudged: fg(Color::Magenta).add_modifier(Modifier::BOLD),
};

pub const LIGHT: Theme = Theme {
    name: "light",
    text: Style::new(),
    dim: fg(Color::Gray),
    title: Style::new().add_modifier(Modifier::BOLD),
    border: fg(Color::Gray),
    border_focus: fg(Color::Blue).add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    accent: fg(Color::Blue),
    period_line: fg(Color::Blue),
    before_line: fg(Color::Gray),
    second_line: fg(Color::Magenta),
    spike: fg(Color::Red).add_modifier(Modifier::BOLD),
    marked: fg(Color::Rgb(160, 90, 0)).add_modifier(Modifier::BOLD),
    good: fg(Color::Rgb(0, 120, 0)),
    bad: fg(Color::Red),
    high: fg(Color::Red).add_modifier(Modifier::BOLD),
    medium: fg(Color::Rgb(160, 90, 0)),
    low: fg(Color::Blue),
    info: fg(Color::Gray),
    demo: fg(Color::White).bg(Color::Blue),
    unjudged: fg(Color::Magenta).add_modifier(Modifier::BOLD),
};

const B: Style = Style::new().add_modifier(Modifier::BOLD);

pub const MONO: Theme = Theme {
    name: "mono",
    text: Style::new(),
    dim: Style::new().add_modifier(Modifier::DIM),
    title: B,
    border: Style::new(),
    border_focus: B,
    selected: Style::new().add_modifier(Modifier::REVERSED),
    accent: B,
    period_line: B,
    before_line: Style::new().add_modifier(Modifier::DIM),
    second_line: Style::new(),
    spike: B,
    marked: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    good: Style::new(),
    bad: B,
    high: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    medium: B,
    low: Style::new(),
    info: Style::new().add_modifier(Modifier::DIM),
    demo: Style::new().add_modifier(Modifier::REVERSED),
    unjudged: Style::new()
        .add_modifier(Modifier::DIM)
        .add_modifier(Modifier::ITALIC),
};

impl Theme {
    /// The theme for a name from the user's config; monochrome when colour is off.
    pub fn pick(name: Option<&str>, no_color: bool) -> Theme {
        if no_color {
            return MONO;
        }
        match name {
            Some("light") => LIGHT,
            Some("mono") => MONO,
            _ => DARK,
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::High => self.high,
            Severity::Medium => self.medium,
            Severity::Low => self.low,
            Severity::Info => self.info,
        }
    }

    pub fn verdict(&self, v: VerdictLevel) -> Style {
        match v {
            VerdictLevel::Genuine => self.good.add_modifier(Modifier::BOLD),
            VerdictLevel::Questionable => self.medium.add_modifier(Modifier::BOLD),
            VerdictLevel::LikelyInflated => self.high,
            VerdictLevel::InsufficientData => self.unjudged,
        }
    }
}
