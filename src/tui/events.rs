//! Events from the terminal, or from a script in tests.

use crate::ui::keymap::Key;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Resize,
    /// The terminal was taken back after a stop: draw the whole screen anew.
    Redraw,
    /// Time passed with no event (a polling source): what runs in the background may have
    /// moved on.
    Tick,
    Other,
}

pub trait EventSource {
    /// The next event; `None` when there will be no more.
    fn next(&mut self) -> std::io::Result<Option<Input>>;
}

/// The real terminal's events, blocking until one arrives (no tick: the data is static).
pub struct CrosstermEvents;

/// Set when the screen must be drawn anew; the next resize event reports it as `Input::Redraw`.
static REDRAW: AtomicBool = AtomicBool::new(false);

#[cfg_attr(not(unix), allow(dead_code))]
pub(super) fn request_redraw() {
    REDRAW.store(true, Ordering::SeqCst);
}

impl EventSource for CrosstermEvents {
    fn next(&mut self) -> std::io::Result<Option<Input>> {
        Ok(Some(match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                match convert(k.code, k.modifiers) {
                    Some(key) => Input::Key(key),
                    None => Input::Other,
                }
            }
            Event::Resize(_, _) if REDRAW.swap(false, Ordering::SeqCst) => Input::Redraw,
            Event::Resize(_, _) => Input::Resize,
            _ => Input::Other,
        }))
    }
}

fn convert(code: KeyCode, mods: KeyModifiers) -> Option<Key> {
    Some(match code {
        KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
            Key::Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The real terminal's events, or a tick after `0` without one: for a screen that changes
/// while the user waits (a portfolio being read).
pub struct PollingEvents(pub std::time::Duration);

impl EventSource for PollingEvents {
    fn next(&mut self) -> std::io::Result<Option<Input>> {
        if event::poll(self.0)? {
            CrosstermEvents.next()
        } else {
            Ok(Some(Input::Tick))
        }
    }
}

/// A fixed list of events, for tests.
pub struct ScriptedEvents(pub VecDeque<Input>);

impl ScriptedEvents {
    pub fn keys(keys: &[Key]) -> ScriptedEvents {
        ScriptedEvents(keys.iter().map(|k| Input::Key(*k)).collect())
    }
}

impl EventSource for ScriptedEvents {
    fn next(&mut self) -> std::io::Result<Option<Input>> {
        Ok(self.0.pop_front())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_convert() {
        assert_eq!(
            convert(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(
            convert(KeyCode::Tab, KeyModifiers::SHIFT),
            Some(Key::BackTab)
        );
        assert_eq!(
            convert(KeyCode::Char(']'), KeyModifiers::NONE),
            Some(Key::Char(']'))
        );
        assert_eq!(convert(KeyCode::F(1), KeyModifiers::NONE), None);
    }
}
