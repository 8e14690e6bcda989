//! One keymap table: it drives the key dispatch, the footer and the help screen.

use crate::app::{Action, Mode};

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Tab,
    BackTab,
    Enter,
    Esc,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    /// The modes it works in; empty means every mode.
    pub modes: &'static [Mode],
    /// How the keys are written in the footer and the help ("" = shown with the one before).
    pub shown: &'static str,
    pub label: &'static str,
    /// Whether the footer shows it.
    pub footer: bool,
}

use Mode::*;

const BROWSE: &[Mode] = &[Dashboard, TopPosts];

pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        action: Action::Quit,
        modes: &[],
        shown: "q",
        label: "quit",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('?')],
        action: Action::Help,
        modes: &[Dashboard, TopPosts, Detail, Help],
        shown: "?",
        label: "help",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('[')],
        action: Action::PrevMonth,
        modes: BROWSE,
        shown: "[ ]",
        label: "month",
        footer: true,
    },
    Binding {
        keys: &[Key::Char(']')],
        action: Action::NextMonth,
        modes: BROWSE,
        shown: "",
        label: "next month",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('n')],
        action: Action::NextFlagged,
        modes: BROWSE,
        shown: "n",
        label: "next flagged month",
        footer: true,
    },
    Binding {
        keys: &[Key::Tab],
        action: Action::FocusNext,
        modes: &[Dashboard],
        shown: "Tab",
        label: "focus",
        footer: true,
    },
    Binding {
        keys: &[Key::BackTab],
        action: Action::FocusPrev,
        modes: &[Dashboard],
        shown: "Shift-Tab",
        label: "focus back",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('l')],
        action: Action::Sources,
        modes: &[Dashboard, TopPosts, Detail, Help],
        shown: "l",
        label: "files read",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('a')],
        action: Action::Audience,
        modes: &[Dashboard, TopPosts, Detail, Help],
        shown: "a",
        label: "audience",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('c')],
        action: Action::Contract,
        modes: &[Dashboard, TopPosts, Detail, Help],
        shown: "c",
        label: "contract",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('t')],
        action: Action::TopPosts,
        modes: &[Dashboard, Detail],
        shown: "t",
        label: "top posts",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('f')],
        action: Action::FocusFindings,
        modes: &[Dashboard, TopPosts, Detail],
        shown: "f",
        label: "findings",
        footer: true,
    },
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        action: Action::Up,
        modes: &[],
        shown: "↑↓ jk",
        label: "move",
        footer: true,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        action: Action::Down,
        modes: &[],
        shown: "",
        label: "move down",
        footer: false,
    },
    Binding {
        keys: &[Key::PageUp],
        action: Action::PageUp,
        modes: &[],
        shown: "PgUp PgDn",
        label: "page",
        footer: false,
    },
    Binding {
        keys: &[Key::PageDown],
        action: Action::PageDown,
        modes: &[],
        shown: "",
        label: "page down",
        footer: false,
    },
    Binding {
        keys: &[Key::Home, Key::Char('g')],
        action: Action::Home,
        modes: &[],
        shown: "Home End",
        label: "first, last",
        footer: false,
    },
    Binding {
        keys: &[Key::End, Key::Char('G')],
        action: Action::End,
        modes: &[],
        shown: "",
        label: "last",
        footer: false,
    },
    Binding {
        keys: &[Key::Enter],
        action: Action::Open,
        modes: &[Dashboard, TopPosts, Detail, Portfolio],
        shown: "Enter",
        label: "open",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::Sort,
        modes: &[Portfolio],
        shown: "s",
        label: "sort",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('1')],
        action: Action::OpenPost(1),
        modes: &[TopPosts, Detail],
        shown: "1-5",
        label: "open post N",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('2')],
        action: Action::OpenPost(2),
        modes: &[TopPosts, Detail],
        shown: "",
        label: "",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('3')],
        action: Action::OpenPost(3),
        modes: &[TopPosts, Detail],
        shown: "",
        label: "",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('4')],
        action: Action::OpenPost(4),
        modes: &[TopPosts, Detail],
        shown: "",
        label: "",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('5')],
        action: Action::OpenPost(5),
        modes: &[TopPosts, Detail],
        shown: "",
        label: "",
        footer: false,
    },
    Binding {
        keys: &[Key::Char('s')],
        action: Action::CycleRanking,
        modes: &[TopPosts],
        shown: "s",
        label: "rank by",
        footer: true,
    },
    Binding {
        keys: &[Key::Char('e')],
        action: Action::Export,
        modes: BROWSE,
        shown: "e",
        label: "write report",
        footer: true,
    },
    Binding {
        keys: &[Key::Esc],
        action: Action::Back,
        modes: &[Dashboard, TopPosts, Detail, Help],
        shown: "Esc",
        label: "back",
        footer: true,
    },
];

/// The help screen's description of each key group.
pub fn describe(action: Action) -> &'static str {
    match action {
        Action::Quit => "quit (also Ctrl-C); the terminal is restored",
        Action::Help => "this help: every key, KPI and rule",
        Action::Sources => {
            "the files read and what each gave, the files set aside and why, every warning"
        }
        Action::Audience => {
            "the latest audience snapshot (countries, ages, genders) beside the target portrait"
        }
        Action::Contract => {
            "the months before and during the contract ([contract] start in audit.toml), KPI by KPI"
        }
        Action::PrevMonth => "previous / next month",
        Action::NextFlagged => {
            "the next month the audit flags (questionable or likely inflated) in the history strip"
        }
        Action::FocusNext => "move the focus between panels",
        Action::FocusPrev => "move the focus back",
        Action::TopPosts => "the top 5 posts of the period",
        Action::FocusFindings => "focus the findings (their dates are marked on the charts)",
        Action::Up => "move in a list, scroll a page",
        Action::PageUp => "a page up or down in the list or text in front",
        Action::Home => "to the first or the last line (also g, G)",
        Action::Open => {
            "open the selected finding (with the findings focused) or post; in a finding about a post, open the post"
        }
        Action::OpenPost(_) => "in the top posts, open post N",
        Action::CycleRanking => "rank the top posts by reach, views, engagements or ER post",
        Action::Export => "write the month's Markdown report to a new file in the current folder",
        Action::Back => "back",
        Action::Sort => "in a portfolio, sort by risk, name, followers or last data",
        Action::NextMonth | Action::Down | Action::PageDown | Action::End => "",
    }
}

fn applies(b: &Binding, mode: Mode) -> bool {
    b.modes.is_empty() || b.modes.contains(&mode)
}

/// The action of a key in a mode.
pub fn action_for(key: Key, mode: Mode) -> Option<Action> {
    KEYMAP
        .iter()
        .find(|b| applies(b, mode) && b.keys.contains(&key))
        .map(|b| b.action)
}

/// The footer's hints for a mode: (keys, label).
pub fn footer(mode: Mode) -> Vec<(&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| b.footer && applies(b, mode))
        .map(|b| (b.shown, b.label))
        .collect()
}

/// The help screen's key list: (keys, description).
pub fn help_rows() -> Vec<(&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| !b.shown.is_empty())
        .map(|b| (b.shown, describe(b.action)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_interface_is_bound() {
        let cases = [
            (Key::Char('q'), Mode::Dashboard, Action::Quit),
            (Key::Ctrl('c'), Mode::Help, Action::Quit),
            (Key::Char('?'), Mode::Detail, Action::Help),
            (Key::Char('['), Mode::Dashboard, Action::PrevMonth),
            (Key::Char(']'), Mode::TopPosts, Action::NextMonth),
            (Key::Tab, Mode::Dashboard, Action::FocusNext),
            (Key::BackTab, Mode::Dashboard, Action::FocusPrev),
            (Key::Char('t'), Mode::Dashboard, Action::TopPosts),
            (Key::Char('j'), Mode::TopPosts, Action::Down),
            (Key::Up, Mode::Help, Action::Up),
            (Key::Enter, Mode::TopPosts, Action::Open),
            (Key::Char('3'), Mode::TopPosts, Action::OpenPost(3)),
            (Key::Char('s'), Mode::TopPosts, Action::CycleRanking),
            (Key::Char('f'), Mode::Dashboard, Action::FocusFindings),
            (Key::Char('e'), Mode::Dashboard, Action::Export),
            (Key::Esc, Mode::Detail, Action::Back),
            (Key::PageDown, Mode::Help, Action::PageDown),
            (Key::PageUp, Mode::Dashboard, Action::PageUp),
            (Key::Home, Mode::TopPosts, Action::Home),
            (Key::End, Mode::Detail, Action::End),
        ];
        for (key, mode, action) in cases {
            assert_eq!(action_for(key, mode), Some(action), "{key:?} in {mode:?}");
        }
        assert_eq!(action_for(Key::Char('s'), Mode::Dashboard), None);
    }

    #[test]
    fn footer_and_help_come_from_the_table() {
        assert!(footer(Mode::TopPosts).contains(&("s", "rank by")));
        assert!(help_rows().iter().any(|(k, _)| *k == "1-5"));
        assert!(help_rows().iter().all(|(_, d)| !d.is_empty()));
    }
}
