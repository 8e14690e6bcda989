//! The edge: arguments, opening the account, running a command, exit codes.

pub mod args;
pub mod commands;
pub mod open;
pub mod portfolio;

use args::{Cli, Command};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Exit statuses (interface.md).
pub const EXIT_INPUT: u8 = 1;
pub const EXIT_FINDINGS: u8 = 3;

/// Parse the arguments, run, and turn the outcome into an exit status. Errors are one sentence
/// on stderr.
pub fn main() -> ExitCode {
    // A panic's message may quote text from a file: it is printed made inert, on one line (the
    // interactive audit restores the terminal before this hook runs).
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let at = info.location().map(|l| (l.file(), l.line()));
        // Never `eprintln!` here: with the terminal gone it would panic inside the hook.
        let _ = writeln!(std::io::stderr(), "{}", panic_text(&message, at));
    }));
    let cli = Cli::parse();
    // A value clap cannot judge alone is a usage error too: exit 2 in clap's own words.
    let period = match &cli.command {
        Some(Command::Report(a)) => Some(&a.period),
        Some(Command::Check(a)) => Some(&a.period),
        _ => None,
    };
    if let Some(Err(why)) = period.map(|p| p.check()) {
        use clap::CommandFactory;
        Cli::command()
            .error(clap::error::ErrorKind::ValueValidation, why)
            .exit();
    }
    let result = match &cli.command {
        Some(Command::Report(a)) => commands::report(a, &cli.common).map(|_| 0),
        Some(Command::Check(a)) => {
            commands::check(a, &cli.common).map(|hit| if hit { EXIT_FINDINGS } else { 0 })
        }
        Some(Command::Portfolio(a)) => {
            portfolio::portfolio(a, &cli.common).map(|hit| if hit { EXIT_FINDINGS } else { 0 })
        }
        Some(Command::Formats) => commands::formats().map(|_| 0),
        Some(Command::Init { path }) => commands::init(path.as_deref()).map(|_| 0),
        None => crate::interactive(cli.path.as_deref(), &cli.common).map(|_| 0),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {}", one_line(&format!("{e:#}")));
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// What a panic prints: a sentence saying the program failed, where, and its message made inert.
fn panic_text(message: &str, at: Option<(&str, u32)>) -> String {
    let at = at.map_or(String::new(), |(file, line)| format!(" at {file}:{line}"));
    format!(
        "smm-audit stopped on an internal error{at}: {} (please report it with the files that caused it)",
        one_line(message)
    )
}

/// A message on one line, with whatever came from a file or a file name made inert.
fn one_line(s: &str) -> String {
    crate::text::sanitize(s).replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_message_is_printed_inert() {
        let text = panic_text(
            "bad cell `\u{1b}]0;pwned\u{7}`\nnext",
            Some(("src/x.rs", 7)),
        );
        assert_eq!(
            text,
            "smm-audit stopped on an internal error at src/x.rs:7: bad cell `␛]0;pwned␇` next (please report it with the files that caused it)"
        );
        assert!(!text.contains('\u{1b}'));
    }
}
