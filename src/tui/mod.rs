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
        restore_terminal();
    }
}

/// Leave raw mode and the alternate screen, and show the cursor again.
fn restore_terminal() {
    ratatui::restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Run the interactive audit until the user quits.
pub fn run(app: &mut App) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the interactive audit needs a terminal; to write the audit to a file use `smm-audit report [PATH] -o FILE`"
        );
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        bail!("the interactive audit cannot run on a dumb terminal (TERM=dumb); use `smm-audit report [PATH]`");
    }
    // `try_init` enters raw mode and the alternate screen and installs a panic hook that
    // restores the terminal before the panic message is printed.
    let mut terminal = ratatui::try_init()?;
    let _restore = Restore;
    // ratatui's hook leaves the alternate screen; this one also shows the cursor, before the
    // panic message is printed on the restored terminal.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    restore_on_signals();
    run_loop(&mut terminal, app, &mut CrosstermEvents)
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the program with the terminal restored (a closed
/// terminal window sends SIGHUP; `kill` sends SIGTERM).
#[cfg(unix)]
fn restore_on_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore_terminal();
            std::process::exit(128 + sig);
        }
    });
}

#[cfg(not(unix))]
fn restore_on_signals() {}

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
