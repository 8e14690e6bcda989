//! The non-interactive commands: report, check, formats, init.

use super::args::{CheckArgs, Common, FailOn, Format, PeriodArgs, ReportArgs};
use super::open::{open, Opened};
use crate::audit::{default_period, AccountAudit, MonthVerdict, PeriodAudit};
use crate::config::AUDIT_TEMPLATE;
use crate::model::Period;
use crate::report::{self, ReportInput};
use crate::rules::{Finding, Severity, VerdictLevel};
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
    default_period(&opened.account).ok_or_else(|| anyhow!("{}", nothing_dated(opened)))
}

/// Why an account opens on nothing: no file gave a dated row; the warnings printed before
/// say what the files lack.
pub fn nothing_dated(opened: &Opened) -> String {
    let told = !opened.load.warnings.is_empty() || opened.load.skipped.iter().any(|s| s.set_aside);
    let a = &opened.account;
    let other = !a.traffic.is_empty() || !a.spend.is_empty() || !a.messages.is_empty();
    format!(
        "{}: no file gives a dated daily row or post, so there is no month to audit{}{}",
        opened.label,
        match told {
            true => " (the warnings above say what the files lack)",
            false => "",
        },
        match other {
            true =>
                "; for a month of site traffic, ad spend or messages alone, pass --month YYYY-MM",
            false => "",
        }
    )
}

/// Print the files set aside and the load warnings to stderr, at most 20 warnings.
pub fn print_warnings(opened: &Opened) {
    for s in opened.load.skipped.iter().filter(|s| s.set_aside) {
        eprintln!(
            "set aside: {}: {}",
            crate::text::one_line(&s.file),
            crate::text::one_line(&s.reason)
        );
    }
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

fn input<'a>(
    opened: &'a Opened,
    audit: &'a PeriodAudit,
    history: &'a [MonthVerdict],
) -> ReportInput<'a> {
    ReportInput {
        account: &opened.account,
        load: &opened.load,
        audit,
        history,
        thresholds: &opened.thresholds,
        timezone: opened.tz.name().to_string(),
        demo: opened.demo,
    }
}

pub fn report(args: &ReportArgs, common: &Common) -> Result<()> {
    // What can be refused without loading is refused before: a file that exists without
    // --force, a folder or a device even with it.
    let special = crate::output::Inputs::default();
    if let Some(path) = &args.output {
        if let Some(why) = special.refuse(path) {
            bail!("{}: not written: {why}", path.display());
        }
        if !args.force && path.exists() {
            bail!(
                "{}: the file exists (use --force to replace it)",
                path.display()
            );
        }
    }
    let opened = open(args.path.as_deref(), common)?;
    if let Some(path) = &args.output {
        if let Some(why) = opened.inputs.refuse(path) {
            bail!("{}: not written: {why}", path.display());
        }
        if let Some(format) = export_format(path, &opened) {
            bail!(
                "{}: not written: it is an analytics export ({format}); a report never replaces an export, even with --force",
                path.display()
            );
        }
    }
    print_warnings(&opened);
    let period = choose_period(&args.period, &opened)?;
    let whole = AccountAudit::new(&opened.account, &opened.thresholds);
    let audit = whole.period(&opened.account, &opened.thresholds, &period);
    let input = input(&opened, &audit, &whole.history);
    let text = match args.format {
        Format::Md => report::markdown::render(&input),
        Format::Json => report::json::render(&input),
        Format::Html => report::html::render(&input),
    };
    match &args.output {
        None => emit(&text)?,
        Some(path) => {
            crate::output::write_new(path, text.as_bytes(), args.force)
                .with_context(|| format!("{}: not written", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
    }
    // The process ends here and its memory goes back at once: dropping a hundred thousand
    // posts one by one would only make the owner wait.
    std::mem::forget(input);
    std::mem::forget(audit);
    std::mem::forget(whole);
    std::mem::forget(opened);
    Ok(())
}

/// The format of the export a path holds, if the file exists and an importer reads it: `--force`
/// replaces an earlier report, never a download of another account (or of this one, opened
/// as a single file).
fn export_format(path: &Path, opened: &Opened) -> Option<String> {
    if !path.is_file() {
        return None;
    }
    let opts = crate::import::LoadOptions::new(opened.tz, chrono::Local::now().date_naive());
    let loaded = crate::import::load_path(path, crate::model::AuditConfig::default(), opts).ok()?;
    loaded.report.sources.first().map(|s| s.format.clone())
}

/// One finding as one line of `check`.
fn finding_line(f: &Finding) -> String {
    let dates = if f.start == f.end {
        f.start.to_string()
    } else {
        format!("{}..{}", f.start, f.end)
    };
    format!(
        "{:<6} {:<22} {:<24} {}",
        f.severity.as_str(),
        dates,
        f.rule,
        crate::text::one_line(&f.title)
    )
}

/// One month of the history as one line of `check`.
fn month_line(m: &MonthVerdict) -> String {
    let key = m.month.month_key().unwrap_or_else(|| m.month.to_string());
    format!(
        "{key}  {:<17} {}",
        m.verdict.level.as_str(),
        crate::text::one_line(&report::verdict::reason(&m.verdict))
    )
}

/// Returns true when a finding is at or above the bar. With a period, its findings and
/// verdict; without one, the whole history (interface.md): each finding once, then a line
/// per month.
pub fn check(args: &CheckArgs, common: &Common) -> Result<bool> {
    let opened = open(args.path.as_deref(), common)?;
    print_warnings(&opened);
    let bar = match args.fail_on {
        FailOn::High => Severity::High,
        FailOn::Medium => Severity::Medium,
        FailOn::Low => Severity::Low,
    };
    let (account, th) = (&opened.account, &opened.thresholds);
    let whole = AccountAudit::new(account, th);
    let asked = &args.period;
    if asked.month.is_some() || asked.from.is_some() {
        let period = choose_period(asked, &opened)?;
        let audit = whole.period(account, th, &period);
        let lines: Vec<String> = audit.findings.iter().map(finding_line).collect();
        emit_lines(&lines)?;
        let v = &audit.verdict;
        // The notes of rules that could not judge are listed, but they are not findings.
        let notes = audit
            .findings
            .iter()
            .filter(|f| f.rule == "not-evaluated")
            .count();
        let notes = match notes {
            0 => String::new(),
            n => format!(" and {n} \"not evaluated\" note(s)"),
        };
        eprintln!(
            "{}: {} finding(s){notes} in {}; verdict: {}{}",
            opened.label,
            audit.findings.len()
                - audit
                    .findings
                    .iter()
                    .filter(|f| f.rule == "not-evaluated")
                    .count(),
            period,
            v.level.label(),
            if v.level == VerdictLevel::InsufficientData {
                format!(" ({})", v.missing.join("; "))
            } else {
                String::new()
            }
        );
        return Ok(audit.findings.iter().any(|f| f.severity >= bar));
    }
    if whole.history.is_empty() {
        bail!("{}", nothing_dated(&opened));
    }
    // Every finding once: one that touches several months is met in each of them.
    let mut seen: Vec<&Finding> = Vec::new();
    let mut keys = std::collections::HashSet::new();
    let mut notes = 0usize;
    for f in whole.history.iter().flat_map(|m| &m.found) {
        if f.rule == "not-evaluated" {
            notes += 1;
        } else if keys.insert((f.rule, f.start, f.end, &f.title)) {
            seen.push(f);
        }
    }
    crate::rules::sort_findings(&mut seen);
    let mut lines: Vec<String> = seen.iter().map(|f| finding_line(f)).collect();
    lines.extend(whole.history.iter().map(month_line));
    emit_lines(&lines)?;
    let count = |level: VerdictLevel| {
        whole
            .history
            .iter()
            .filter(|m| m.verdict.level == level)
            .count()
    };
    let (first, last) = (
        &whole.history[0].month,
        &whole.history[whole.history.len() - 1].month,
    );
    eprintln!(
        "{}: {} month(s) checked, {} to {}: {} likely inflated, {} questionable, {} genuine, {} without enough data; {} finding(s){}",
        opened.label,
        whole.history.len(),
        first.month_key().unwrap_or_default(),
        last.month_key().unwrap_or_default(),
        count(VerdictLevel::LikelyInflated),
        count(VerdictLevel::Questionable),
        count(VerdictLevel::Genuine),
        count(VerdictLevel::InsufficientData),
        seen.len(),
        if notes > 0 {
            format!(" (and {notes} \"not evaluated\" notes: `check --month YYYY-MM` lists a month's)")
        } else {
            String::new()
        }
    );
    Ok(seen.iter().any(|f| f.severity >= bar))
}

pub fn formats() -> Result<()> {
    use std::fmt::Write as _;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "smm-audit reads these files; each is recognised by its header row, not its name."
    );
    let _ = writeln!(
        o,
        "Encodings (UTF-8 with or without BOM, UTF-16, Windows-1251/1252) and delimiters"
    );
    let _ = writeln!(o, "(comma, semicolon, tab) are detected per file.\n");
    let _ = writeln!(o, "Platform exports:");
    for format in crate::import::platform::all()
        .filter(|f| !matches!(f.reader, crate::import::platform::Reader::Canonical))
    {
        let _ = writeln!(o, "  {}", format.name);
        let _ = writeln!(o, "      recognised by: {}", format.recognition);
        let _ = writeln!(o, "      download: {}", format.download);
    }
    let _ = writeln!(
        o,
        "\nThe canonical format (any other source, or an agency spreadsheet):"
    );
    for kind in crate::import::canonical::Kind::ALL {
        let optional = kind
            .optional()
            .iter()
            .filter(|c| !kind.required().contains(c))
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(o, "  {}", kind.format());
        let _ = writeln!(o, "      required: {}", kind.required().join(", "));
        let _ = writeln!(o, "      optional: {optional}");
    }
    let _ = writeln!(o, "\nA file no importer knows can be mapped to a canonical file with [[mapping]] in audit.toml.");
    emit(&o)
}

pub fn init(path: Option<&Path>) -> Result<()> {
    let dir = path.unwrap_or_else(|| Path::new("."));
    if !dir.is_dir() {
        bail!("{}: not a folder", dir.display());
    }
    let target = dir.join("audit.toml");
    if target.exists() {
        bail!("{}: already exists; it was left as it is", target.display());
    }
    // The folder's name stands for the account's until the owner writes another.
    let folder = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .map(|n| {
            n.replace(['"', '\\'], "")
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        })
        .filter(|n| !n.is_empty());
    // What the folder shows: the account its posts' links name (else the folder's name), the
    // platform of its exports, this computer's zone.
    let mut text = AUDIT_TEMPLATE.to_string();
    let mut filled = Vec::new();
    let today = chrono::Local::now().date_naive();
    let opts = crate::import::LoadOptions::new(chrono_tz::UTC, today);
    let exports = crate::import::exports_account(dir, opts).unwrap_or_default();
    let linked = exports
        .name
        .map(|n| crate::text::one_line(&n).replace(['"', '\\'], ""));
    match (linked, folder) {
        (Some(name), _) => {
            text = fill(&text, "name", &name);
            filled.push(format!("name {name} (from the posts' links)"));
        }
        (None, Some(name)) => text = fill(&text, "name", &name),
        (None, None) => {}
    }
    if let Some(platform) = exports.platform {
        text = fill(&text, "platform", platform);
        filled.push(format!("platform {platform} (from the exports)"));
    }
    let zone = iana_time_zone::get_timezone().ok();
    if let Some(zone) = zone.filter(|z| z.parse::<chrono_tz::Tz>().is_ok()) {
        text = fill(&text, "timezone", &zone);
        filled.push(format!("time zone {zone} (this computer's)"));
    }
    crate::output::write_new(&target, text.as_bytes(), false).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow!("{}: already exists; it was left as it is", target.display())
        } else {
            anyhow!("{}: not written: {e}", target.display())
        }
    })?;
    let filled = match filled.is_empty() {
        true => String::new(),
        false => format!(" with {}", filled.join(" and ")),
    };
    println!(
        "wrote {}{filled}; edit it to describe the account, the plan and the agency's claims",
        target.display()
    );
    Ok(())
}

/// The template's first line of `key` (the one in `[account]`) given `value` and no `#` in
/// front, its comment kept in its column.
fn fill(template: &str, key: &str, value: &str) -> String {
    let mut done = false;
    let lines: Vec<String> = template
        .lines()
        .map(|line| {
            let bare = line.strip_prefix("# ").unwrap_or(line);
            let rest = bare.strip_prefix(key).and_then(|r| r.strip_prefix(" = \""));
            let Some(rest) = rest.filter(|_| !done) else {
                return line.to_string();
            };
            done = true;
            let comment = rest.find('#').map(|i| &line[line.len() - rest.len() + i..]);
            let set = format!("{key} = \"{value}\"");
            match comment {
                Some(c) => format!("{set:<36}{c}"),
                None => set,
            }
        })
        .collect();
    lines.join("\n") + "\n"
}

/// Write to standard output. A reader that has gone (`| head`) ends the output quietly: that
/// is not an error of the audit.
pub(super) fn emit(text: &str) -> Result<()> {
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
        .context("cannot write to standard output")
}

fn emit_lines(lines: &[String]) -> Result<()> {
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    emit(&text)
}
