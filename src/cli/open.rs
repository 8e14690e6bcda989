//! Opening an account: the user's config, the account's audit.toml, the time zone, the files.

use super::args::Common;
use crate::config::{self, UserConfig};
use crate::import::{self, LoadReport, SourceFile};
use crate::model::{Account, AuditConfig};
use crate::rules::Thresholds;
use anyhow::{anyhow, Context, Result};
use chrono_tz::Tz;
use std::path::{Path, PathBuf};

/// An account ready to audit.
pub struct Opened {
    pub account: Account,
    pub load: LoadReport,
    pub tz: Tz,
    pub thresholds: Thresholds,
    pub demo: bool,
    /// What was opened, for the header: a folder, a file, or "demo".
    pub label: String,
    pub user: UserConfig,
    /// The files a report must never be written over.
    pub inputs: crate::output::Inputs,
}

/// The built-in demo account, compiled into the binary.
pub mod demo {
    pub const NAME: &str = "acme-coffee";
    pub const AUDIT_TOML: &str = include_str!("../../sample-data/acme-coffee/audit.toml");
    pub const FILES: &[(&str, &[u8])] = &[
        (
            "audience.csv",
            include_bytes!("../../sample-data/acme-coffee/audience.csv"),
        ),
        (
            "daily.csv",
            include_bytes!("../../sample-data/acme-coffee/daily.csv"),
        ),
        (
            "messages.csv",
            include_bytes!("../../sample-data/acme-coffee/messages.csv"),
        ),
        (
            "posts.csv",
            include_bytes!("../../sample-data/acme-coffee/posts.csv"),
        ),
        (
            "spend.csv",
            include_bytes!("../../sample-data/acme-coffee/spend.csv"),
        ),
        (
            "traffic.csv",
            include_bytes!("../../sample-data/acme-coffee/traffic.csv"),
        ),
    ];
}

fn zone(common: &Common, config: &AuditConfig) -> Result<Tz> {
    if let Some(z) = &common.tz {
        return z
            .parse()
            .map_err(|_| anyhow!("--tz: `{z}` is not an IANA time zone such as Europe/Berlin"));
    }
    Ok(config
        .account
        .timezone
        .as_deref()
        .and_then(|z| z.parse().ok())
        .unwrap_or(Tz::UTC))
}

/// Where the account's audit.toml is: inside a folder, or next to a single file.
fn audit_toml_for(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("audit.toml")
    } else {
        path.parent()
            .map(|p| p.join("audit.toml"))
            .unwrap_or_else(|| PathBuf::from("audit.toml"))
    }
}

/// Open PATH, or the demo account without one.
pub fn open(path: Option<&Path>, common: &Common) -> Result<Opened> {
    let user = UserConfig::load(common.config.as_deref())?;
    let (audit, demo) = match path {
        None => (
            config::parse_audit(demo::AUDIT_TOML, "demo audit.toml")?,
            true,
        ),
        Some(p) => {
            if !p.exists() {
                return Err(anyhow!("{}: no such file or folder", p.display()));
            }
            (
                config::read_audit(&audit_toml_for(p))?.unwrap_or_default(),
                false,
            )
        }
    };
    let config = config::layer(audit, &user);
    let thresholds = Thresholds::default()
        .with(&config.rules)
        .map_err(|e| anyhow!("rule thresholds: {e}"))?;
    let tz = zone(common, &config)?;
    // The edge is where the clock is read: the core is given today's date.
    let opts = import::LoadOptions::new(tz, chrono::Local::now().date_naive());
    let (loaded, label) = match path {
        None => {
            let files = demo::FILES
                .iter()
                .map(|(name, bytes)| SourceFile::new(*name, bytes.to_vec()))
                .collect();
            (
                import::load_files(files, config, opts, "demo")?,
                "demo".to_string(),
            )
        }
        Some(p) => (
            import::load_path(p, config, opts)
                .with_context(|| format!("cannot open {}", p.display()))?,
            p.display().to_string(),
        ),
    };
    let user_config = common
        .config
        .clone()
        .or_else(config::default_user_config_path);
    let mut loaded = loaded;
    // A cost planned without a direction is read as a target to reach, which is rarely
    // what was meant: say so where the owner reads the load's warnings.
    for p in &loaded.account.config.plan {
        let lower = crate::metrics::Kpi::from_key(&p.kpi).is_some_and(|k| k.lower_is_better());
        if p.direction.is_none() && lower {
            loaded.report.warn(
                "audit.toml",
                None,
                format!(
                    "the [[plan]] for `{}` has no `direction` and is read as at least {}; for a cost or a loss write direction = \"at_most\"",
                    p.kpi, p.target
                ),
            );
        }
    }
    let read = loaded.report.sources.iter().map(|s| s.file.as_str());
    Ok(Opened {
        inputs: crate::output::Inputs::of(path, read, user_config.as_deref()),
        account: loaded.account,
        load: loaded.report,
        tz,
        thresholds,
        demo,
        label,
        user,
    })
}
