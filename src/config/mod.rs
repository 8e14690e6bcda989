//! Reading `audit.toml` and the user-wide `config.toml`, and writing the `audit.toml` template.

mod checks;
mod error;
mod user;
mod validate;

pub use error::ConfigError;
pub use user::{default_user_config_path, UserConfig};

use crate::model::AuditConfig;
use std::path::Path;

/// The template `smm-audit init` writes.
pub const AUDIT_TEMPLATE: &str = include_str!("../../assets/audit.toml");

/// Parse the text of an `audit.toml`; `file` names it in errors.
pub fn parse_audit(text: &str, file: &str) -> Result<AuditConfig, ConfigError> {
    let config: AuditConfig =
        toml::from_str(text).map_err(|e| ConfigError::from_toml(file, text, &e))?;
    validate::audit(&config, text, file)?;
    Ok(config)
}

/// Read an `audit.toml` if it exists.
pub fn read_audit(path: &Path) -> Result<Option<AuditConfig>, ConfigError> {
    let file = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|_| ConfigError {
                file: file.clone(),
                line: None,
                message: "is not valid UTF-8 text".into(),
                also: Vec::new(),
            })?;
            parse_audit(&text, &file).map(Some)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError {
            file,
            line: None,
            message: format!("cannot be read: {e}"),
            also: Vec::new(),
        }),
    }
}

/// The account's config with the user's defaults under it: a portrait the account does not
/// set comes from the user's config; rule thresholds are the user's, then the account's.
pub fn layer(mut account: AuditConfig, user: &UserConfig) -> AuditConfig {
    if account.portrait.is_empty() {
        if let Some(p) = &user.portrait {
            account.portrait = p.clone();
        }
    }
    let mut rules = user.rules.clone();
    rules.extend(account.rules);
    account.rules = rules;
    // The account's own rows come last: they win over the user's for the same slot.
    let mut benchmarks = user.benchmarks.clone();
    benchmarks.append(&mut account.benchmarks);
    account.benchmarks = benchmarks;
    account
}

#[cfg(test)]
mod tests;
