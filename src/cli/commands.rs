//! The non-interactive commands: report, check, formats, init.

use super::args::{CheckArgs, Common, FailOn, Format, PeriodArgs, ReportArgs};
use super::open::{open, Opened};
use crate::audit::{audit_period, default_period, PeriodAudit};
use crate::config::AUDIT_TEMPLATE;
use crate::model::Period;
use crate::report::{self, ReportInput};
use crate::rules::Severity;
use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use std::path::Path;

/// The period asked for, or the default one.
pub fn choose_period(args: &PeriodArgs, opened: &Opened) -> Result<Period> {
    if let Some(m) = &args.month {
        return Period::parse_month(m)
            .ok_or_else(|| anyhow!("--month: `{m}` is not a month of the form YYYY-MM"));
    }
    if let (Some(from), Some(to)) = (&args.from, &args.to) {
        let parse = |flag: &str, s: &str| {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map_err(|_| anyhow!("{flag}: `{s}` is not a date of the form YYYY-MM-DD"))
        };
        let (start, end) = (parse("--from", from)?, parse("--to", to)?);
        return Period::new(start, end)
            .ok_or_else(|| anyhow!("--from {start} is after --to {end}"));
    }
    default_period(&opened.account).ok_or_else(|| {
        anyhow!(
            "{}: no dated rows to choose a period from; pass --month YYYY-MM",
            opened.label
        )
    })
}

/// Print the load warnings to stderr, at most 20 of them.
pub fn print_warnings(opened: &Opened) {
    let w = &opened.load.warnings;
    for warning in w.iter().take(20) {
        eprintln!("warning: {}", crate::text::one_line(&warning.to_string()));
    }
    if w.len() > 20 {
        eprintln!(
            "warning: … and {} more (the report lists them all)",
            w.len() - 20
        );
    }
}

fn input<'a>(opened: &'a Opened, audit: &'a PeriodAudit) -> ReportInput<'a> {
    ReportInput {
        account: &opened.account,
        load: &opened.load,
        audit,
        timezone: opened.tz.name().to_string(),
        demo: opened.demo,
    }
}

pub fn report(args: &ReportArgs, common: &Common) -> Result<()> {
    if let Some(path) = args.output.as_ref().filter(|p| !args.force && p.exists()) {
        bail!(
            "{}: the file exists (use --force to replace it)",
            path.display()
        );
    }
    let opened = open(args.path.as_deref(), common)?;
    print_warnings(&opened);
    let period = choose_period(&args.period, &opened)?;
    let audit = audit_period(&opened.account, &opened.thresholds, &period);
    let input = input(&opened, &audit);
    let text = match args.format {
        Format::Md => report::markdown::render(&input),
        Format::Json => report::json::render(&input),
        Format::Html => report::html::render(&input),
    };
    match &args.output {
        None => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .context("cannot write to standard output")?;
        }
        Some(path) => {
            crate::output::write_new(path, text.as_bytes(), args.force)
                .with_context(|| format!("{}: not written", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    Ok(())
}

/// Returns true when a finding is at or above the bar.
pub fn check(args: &CheckArgs, common: &Common) -> Result<bool> {
    let opened = open(args.path.as_deref(), common)?;
    print_warnings(&opened);
    let period = choose_period(&args.period, &opened)?;
    let audit = audit_period(&opened.account, &opened.thresholds, &period);
    let bar = match args.fail_on {
        FailOn::High => Severity::High,
        FailOn::Medium => Severity::Medium,
        FailOn::Low => Severity::Low,
    };
    for f in &audit.findings {
        let dates = if f.start == f.end {
            f.start.to_string()
        } else {
            format!("{}..{}", f.start, f.end)
        };
        println!(
            "{:<6} {:<22} {:<24} {}",
            f.severity.as_str(),
            dates,
            f.rule,
            crate::text::one_line(&f.title)
        );
    }
    eprintln!(
        "{}: {} finding(s) in {}; verdict: {}",
        opened.label,
        audit.findings.len(),
        period,
        audit.verdict.level.label()
    );
    Ok(audit.findings.iter().any(|f| f.severity >= bar))
}

pub fn formats() {
    println!("smm-audit reads these files; each is recognised by its header row, not its name.");
    println!("Encodings (UTF-8 with or without BOM, UTF-16, Windows-1251/1252) and delimiters");
    println!("(comma, semicolon, tab) are detected per file.\n");
    println!("Platform exports:");
    for imp in crate::import::platform::all() {
        println!("  {}", imp.format());
        println!("      recognised by: {}", imp.recognition());
        if !imp.download().is_empty() {
            println!("      download: {}", imp.download());
        }
    }
    println!("\nThe canonical format (any other source, or an agency spreadsheet):");
    for kind in crate::import::canonical::Kind::ALL {
        let optional = kind
            .optional()
            .iter()
            .filter(|c| !kind.required().contains(c))
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        println!("  {}", kind.format());
        println!("      required: {}", kind.required().join(", "));
        println!("      optional: {optional}");
    }
    println!("\nA file no importer knows can be mapped to a canonical file with [[mapping]] in audit.toml.");
}

pub fn init(path: Option<&Path>) -> Result<()> {
    let dir = path.unwrap_or_else(|| Path::new("."));
    if !dir.is_dir() {
        bail!("{}: not a folder", dir.display());
    }
    let target = dir.join("audit.toml");
    crate::output::write_new(&target, AUDIT_TEMPLATE.as_bytes(), false).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow!("{}: already exists; it was left as it is", target.display())
        } else {
            anyhow!("{}: not written: {e}", target.display())
        }
    })?;
    println!(
        "wrote {}; edit it to describe the account, the plan and the agency's claims",
        target.display()
    );
    Ok(())
}
