//! The command line (interface.md, "Commands").

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "smm-audit",
    version,
    about = "Audit the social-media-marketing contractor you pay, from the platforms' own analytics exports.",
    long_about = "Audit the social-media-marketing contractor you pay, from the platforms' own analytics exports.\n\nWithout a command, opens the interactive audit of PATH (a folder of exports or one export file), or of the built-in demo account when no PATH is given.",
    after_help = "Exit status: 0 done; 1 the input could not be used (one sentence says which file, line and value); 2 a usage error (an unknown option or a value it does not take); 3 `check` found a finding at or above its bar.",
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
    #[arg(long, global = true, value_name = "ZONE", value_parser = zone)]
    pub tz: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the period's report (Markdown, JSON or HTML)
    Report(ReportArgs),
    /// List the findings, one line each; exit status 3 when one is at or above --fail-on
    Check(CheckArgs),
    /// One row per account folder under ROOT, most at risk first; exit status 3 when an
    /// account has a finding at or above --fail-on
    Portfolio(PortfolioArgs),
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
    #[arg(long, value_name = "YYYY-MM", conflicts_with_all = ["from", "to"], value_parser = month)]
    pub month: Option<String>,

    /// First day of a custom period, YYYY-MM-DD (with --to)
    #[arg(long, value_name = "DATE", requires = "to", value_parser = date)]
    pub from: Option<String>,

    /// Last day of a custom period, YYYY-MM-DD (with --from)
    #[arg(long, value_name = "DATE", requires = "from", value_parser = date)]
    pub to: Option<String>,
}

impl PeriodArgs {
    /// What clap cannot see in one value: a custom period that ends before it starts.
    pub fn check(&self) -> Result<(), String> {
        if let (Some(from), Some(to)) = (&self.from, &self.to) {
            if from > to {
                return Err(format!("--from {from} is after --to {to}"));
            }
        }
        Ok(())
    }
}

/// `--month`: a calendar month, YYYY-MM.
fn month(s: &str) -> Result<String, String> {
    crate::model::Period::parse_month(s)
        .map(|_| s.trim().to_string())
        .ok_or_else(|| format!("`{s}` is not a month of the form YYYY-MM"))
}

/// `--from`, `--to`: a day that exists, YYYY-MM-DD.
fn date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(|d| d.to_string())
        .map_err(|_| format!("`{s}` is not a day of the form YYYY-MM-DD that exists"))
}

/// `--tz`: an IANA time zone.
fn zone(s: &str) -> Result<String, String> {
    s.trim()
        .parse::<chrono_tz::Tz>()
        .map(|_| s.trim().to_string())
        .map_err(|_| format!("`{s}` is not an IANA time zone such as Europe/Berlin"))
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PortfolioFormat {
    /// Aligned columns for the terminal
    #[default]
    Table,
    Md,
    Json,
    Csv,
    Html,
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// A folder whose folders (at most three levels down) are accounts
    pub root: PathBuf,

    /// Output format
    #[arg(long, value_enum, default_value_t = PortfolioFormat::Table)]
    pub format: PortfolioFormat,

    /// Write to FILE instead of standard output (never overwrites without --force)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,

    /// Exit with status 3 when an account has a finding at or above this severity
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
}
