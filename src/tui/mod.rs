//! The only place that touches the real terminal: raw mode, the alternate screen, the event
//! loop, and restoring the terminal on quit, on error and on panic.

mod events;
mod export;

pub use events::{CrosstermEvents, EventSource, Input, ScriptedEvents};

use crate::app::{App, Effect};
use crate::ui;
use anyhow::{bail, Result};
use ratatui::backend::Backend;
use ratatui::Terminal;
use std::io::IsTerminal;

/// Restores the terminal when dropped, whatever path leaves `run`.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Run the interactive audit until the user quits.
pub fn run(app: &mut App) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the interactive audit needs a terminal; to write the audit to a file use `smm-audit report [PATH] -o FILE`"
        );
    }
    // `try_init` enters raw mode and the alternate screen and installs a panic hook that
    // restores the terminal before the panic message is printed.
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    run_loop(&mut terminal, app, &mut CrosstermEvents)
}

/// Draw when something changed, then block for the next event. Generic over the backend and
/// the event source so that tests drive it with a `TestBackend` and scripted keys.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut impl EventSource,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut dirty = true;
    while !app.should_quit() {
        if dirty {
            terminal.draw(|f| ui::render(app, f))?;
            dirty = false;
        }
        match events.next()? {
            Some(Input::Key(key)) => {
                if let Some(action) = ui::keymap::action_for(key, app.mode()) {
                    if app.update(action) == Effect::ExportReport {
                        export::write_report(app);
                    }
                    dirty = true;
                }
            }
            Some(Input::Resize) => {
                terminal.autoresize()?;
                dirty = true;
            }
            Some(Input::Other) => {}
            None => break,
        }
    }
    Ok(())
}
