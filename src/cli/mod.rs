//! The edge: arguments, opening the account, running a command, exit codes.

pub mod args;
pub mod commands;
pub mod open;

use args::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Exit statuses (interface.md).
pub const EXIT_INPUT: u8 = 1;
pub const EXIT_FINDINGS: u8 = 3;

/// Parse the arguments, run, and turn the outcome into an exit status. Errors are one sentence
/// on stderr.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Report(a)) => commands::report(a, &cli.common).map(|_| 0),
        Some(Command::Check(a)) => {
            commands::check(a, &cli.common).map(|hit| if hit { EXIT_FINDINGS } else { 0 })
        }
        Some(Command::Formats) => {
            commands::formats();
            Ok(0)
        }
        Some(Command::Init { path }) => commands::init(path.as_deref()).map(|_| 0),
        None => crate::interactive(cli.path.as_deref(), &cli.common).map(|_| 0),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {}", one_line(&format!("{e:#}")));
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// A message on one line, with whatever came from a file or a file name made inert.
fn one_line(s: &str) -> String {
    crate::text::sanitize(s).replace('\n', " ")
}
