//! The only place that touches the real terminal: raw mode, the alternate screen, the event
//! loop, and restoring the terminal on quit, on error and on panic.

mod events;
mod export;

pub use events::{CrosstermEvents, EventSource, Input, PollingEvents, ScriptedEvents};

use crate::app::portfolio::PortfolioState;
use crate::app::{Action, App, Effect, Mode};
use crate::ui;
use anyhow::{bail, Result};
use ratatui::backend::Backend;
use ratatui::Terminal;
use std::io::IsTerminal;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Whether the interactive audit holds the terminal (from `try_init` until `Restore` drops). The
/// signal thread takes this lock while it gives the terminal back or takes it again, so that
/// quitting and a suspend never interleave.
static ACTIVE: Mutex<bool> = Mutex::new(false);

fn active() -> MutexGuard<'static, bool> {
    ACTIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Restores the terminal when dropped, whatever path leaves `run`.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        give_back(&mut active());
    }
}

/// Give the terminal back if the audit still holds it, once. A terminal that is gone (window
/// closed, ssh dropped) cannot be written to: that is not an error, and nothing may panic.
fn give_back(active: &mut bool) {
    if *active {
        restore_terminal();
        *active = false;
    }
}

/// Leave raw mode and the alternate screen, and show the cursor again, best effort.
fn restore_terminal() {
    let _ = ratatui::try_restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Run the interactive audit until the user quits.
pub fn run(app: &mut App) -> Result<()> {
    with_terminal(|terminal| run_loop(terminal, app, &mut CrosstermEvents))
}

/// Run a portfolio's list until the user quits: rows arrive from `rows` while the accounts are
/// read; Enter opens an account with `open`, Esc on its dashboard comes back to the list.
pub fn run_portfolio(
    state: &mut PortfolioState,
    rows: &std::sync::mpsc::Receiver<Option<crate::portfolio::Row>>,
    open: &mut dyn FnMut(&str) -> Result<App>,
    theme: &ui::Theme,
) -> Result<()> {
    let mut events = PollingEvents(std::time::Duration::from_millis(100));
    with_terminal(|terminal| portfolio_loop(terminal, state, rows, &mut events, open, theme))
}

/// Take the terminal, run `body`, and give the terminal back on every way out.
fn with_terminal(body: impl FnOnce(&mut ratatui::DefaultTerminal) -> Result<()>) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the interactive audit needs a terminal; to write the audit to a file use `smm-audit report [PATH] -o FILE`"
        );
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        bail!("the interactive audit cannot run on a dumb terminal (TERM=dumb); use `smm-audit report [PATH]`");
    }
    // `try_init` enters raw mode and the alternate screen. Its own panic hook is replaced by
    // one that gives the terminal back only if it is still held (never twice, never with a
    // write that can panic), then prints the message with the hook that was there before.
    let previous = std::panic::take_hook();
    let mut terminal = ratatui::try_init()?;
    *active() = true;
    let _restore = Restore;
    std::panic::set_hook(Box::new(move |info| {
        // `try_lock`: the panic may come from a thread that holds the lock.
        match ACTIVE.try_lock() {
            Ok(mut held) => give_back(&mut held),
            Err(std::sync::TryLockError::Poisoned(p)) => give_back(&mut p.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) => {}
        }
        previous(info);
    }));
    restore_on_signals();
    let result = body(&mut terminal);
    // The terminal went away and the event loop noticed before the SIGHUP did: the same end
    // as the hang-up (128 + 1), not an error message nobody can read.
    if result.as_ref().is_err_and(hung_up) {
        give_back(&mut active());
        std::process::exit(129);
    }
    result
}

/// Whether an error of the event loop means the terminal is gone.
fn hung_up(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| {
            matches!(io.raw_os_error(), Some(5) | Some(6))
                || matches!(
                    io.kind(),
                    std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof
                )
        })
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT end the program with the terminal restored (a closed
/// terminal window sends SIGHUP; `kill` sends SIGTERM). SIGTSTP (a job-control stop, e.g.
/// `kill -TSTP`) gives the terminal back before the program stops, and SIGCONT takes it again
/// and redraws the screen: a shell may have drawn on it and reset its modes meanwhile.
#[cfg(unix)]
fn restore_on_signals() {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    let Ok(mut signals) =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])
    else {
        return;
    };
    std::thread::spawn(move || {
        for sig in signals.forever() {
            match sig {
                SIGTSTP => suspend(),
                SIGCONT => resume(),
                _ => {
                    // Holding standard output until the exit keeps the rest of a frame being
                    // drawn (and its hidden cursor) from landing after the restore.
                    // (The same order as a suspend: the state lock, then standard output.)
                    let mut held = active();
                    let out = std::io::stdout();
                    let _out = out.lock();
                    give_back(&mut held);
                    std::process::exit(128 + sig);
                }
            }
        }
    });
}

/// Give the terminal back and stop until SIGCONT.
#[cfg(unix)]
fn suspend() {
    let active = active();
    // Holding standard output keeps a frame from being drawn between the restore and the stop.
    let _out = std::io::stdout().lock();
    if *active {
        restore_terminal();
    }
    // SIGTSTP's default action, emulated with SIGSTOP: the process stops here until SIGCONT.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}

/// After a stop: raw mode, the alternate screen and a hidden cursor again, then a full redraw.
#[cfg(unix)]
fn resume() {
    let active = active();
    if !*active {
        return;
    }
    // A shell may have put the terminal back in its own modes: set raw mode anew.
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::cursor::Hide
    );
    events::request_redraw();
    drop(active);
    // The event loop blocks on the terminal: a SIGWINCH wakes it with a resize event.
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
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
            let mut bounds = app.bounds;
            terminal.draw(|f| bounds = ui::render(app, f))?;
            app.set_bounds(bounds);
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
            Some(other) => dirty |= screen_event(terminal, other)?,
            None => break,
        }
    }
    Ok(())
}

/// The portfolio's list: drawn when rows arrive or a key moves it. Generic over the backend
/// and the events, as `run_loop`, so that tests drive it.
pub fn portfolio_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    state: &mut PortfolioState,
    rows: &std::sync::mpsc::Receiver<Option<crate::portfolio::Row>>,
    events: &mut impl EventSource,
    open: &mut dyn FnMut(&str) -> Result<App>,
    theme: &ui::Theme,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut dirty = true;
    while !state.should_quit() {
        let arrived: Vec<_> = rows.try_iter().collect();
        if !arrived.is_empty() {
            state.add(arrived);
            dirty = true;
        }
        if dirty {
            let mut page = state.page;
            terminal.draw(|f| page = ui::portfolio::render(state, f, theme))?;
            state.page = page;
            dirty = false;
        }
        match events.next()? {
            Some(Input::Key(key)) => {
                if let Some(action) = ui::keymap::action_for(key, Mode::Portfolio) {
                    state.update(action);
                    dirty = true;
                }
            }
            Some(other) => dirty |= screen_event(terminal, other)?,
            None => break,
        }
        if let Some(folder) = state.open.take() {
            // A folder changed since it was listed is said on the list, which stays.
            let mut app = match open(&folder) {
                Ok(app) => app,
                Err(e) => {
                    state.message = Some(format!("{folder} cannot be opened: {e:#}"));
                    dirty = true;
                    continue;
                }
            };
            app.in_portfolio = true;
            terminal.clear()?;
            run_loop(terminal, &mut app, events)?;
            if !app.back_to_list {
                state.update(Action::Quit);
            }
            terminal.clear()?;
            dirty = true;
        }
    }
    Ok(())
}

/// What every loop does with an event that is not a key: a resize redraws, a redraw after a
/// stop clears the screen and forgets what was drawn (so the next frame is whole), a tick or
/// another event changes nothing. Returns whether the screen must be drawn.
fn screen_event<B: Backend>(terminal: &mut Terminal<B>, input: Input) -> Result<bool>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    match input {
        Input::Resize => terminal.autoresize()?,
        Input::Redraw => {
            let area = terminal.size()?.into();
            terminal.resize(area)?;
        }
        Input::Key(_) | Input::Tick | Input::Other => return Ok(false),
    }
    Ok(true)
}
