//! The command line (interface.md, "Commands").

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "smm-audit",
    version,
    about = "Audit the social-media-marketing contractor you pay, from the platforms' own analytics exports.",
    long_about = "Audit the social-media-marketing contractor you pay, from the platforms' own analytics exports.\n\nWithout a command, opens the interactive audit of PATH (a folder of exports or one export file), or of the built-in demo account when no PATH is given.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// A folder of exports (with an optional audit.toml) or a single export file
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub common: Common,
}

/// Options every command takes.
#[derive(Debug, Clone, Args, Default)]
pub struct Common {
    /// The user-wide config file (default: config.toml in the user's config directory)
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// No colours (also when the NO_COLOR variable is set)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// The time zone posts are assigned to days in (default: the account's, else UTC)
    #[arg(long, global = true, value_name = "ZONE")]
    pub tz: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the period's report (Markdown or JSON)
    Report(ReportArgs),
    /// List the findings, one line each; exit status 3 when one is at or above --fail-on
    Check(CheckArgs),
    /// List the export formats smm-audit reads and how each is recognised
    Formats,
    /// Write a commented audit.toml template into PATH (default: the current folder)
    Init {
        /// The folder of the exports
        path: Option<PathBuf>,
    },
}

/// Which period to look at.
#[derive(Debug, Clone, Args, Default)]
pub struct PeriodArgs {
    /// A calendar month, YYYY-MM (default: the last whole month of the daily data)
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"])]
    pub month: Option<String>,

    /// First day of a custom period, YYYY-MM-DD (with --to)
    #[arg(long, value_name = "DATE", requires = "to")]
    pub from: Option<String>,

    /// Last day of a custom period, YYYY-MM-DD (with --from)
    #[arg(long, value_name = "DATE", requires = "from")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Md,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A folder of exports or a single export file (default: the demo account)
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub period: PeriodArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Md)]
    pub format: Format,

    /// Write to FILE instead of standard output (never overwrites without --force)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum FailOn {
    #[default]
    High,
    Medium,
    Low,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A folder of exports or a single export file (default: the demo account)
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub period: PeriodArgs,

    /// Exit with status 3 when a finding is at or above this severity
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
}
