//! The user-wide `config.toml`: defaults that every account inherits.

use super::error::ConfigError;
use super::validate::line_of_rule;
use crate::model::Portrait;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    /// `dark`, `light` or `mono`.
    pub theme: Option<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, f64>,
    pub portrait: Option<Portrait>,
    /// Benchmark rows of the user's own, for every account.
    #[serde(default)]
    pub benchmarks: Vec<crate::model::BenchmarkRow>,
}

/// Where the user's `config.toml` lives on this platform (e.g. `~/.config/smm-audit/` on Linux).
pub fn default_user_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "smm-audit").map(|d| d.config_dir().join("config.toml"))
}

impl UserConfig {
    pub fn parse(text: &str, file: &str) -> Result<UserConfig, ConfigError> {
        let c: UserConfig =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(file, text, &e))?;
        if let Some(theme) = &c.theme {
            if !matches!(theme.as_str(), "dark" | "light" | "mono") {
                return Err(ConfigError {
                    file: file.into(),
                    line: line_of_rule(text, "theme"),
                    message: format!("`theme`: `{theme}` is not dark, light or mono"),
                    also: Vec::new(),
                });
            }
        }
        let mut errors = Vec::new();
        errors.extend(super::checks::thresholds(&c.rules, text, file).err());
        if let Some(p) = &c.portrait {
            errors.extend(super::checks::portrait(p, text, file).err());
        }
        for b in &c.benchmarks {
            if let Err(message) = super::checks::benchmark(b) {
                errors.push(ConfigError {
                    file: file.into(),
                    line: line_of_rule(text, "formula"),
                    message,
                    also: Vec::new(),
                });
            }
        }
        ConfigError::all(errors)?;
        Ok(c)
    }

    /// Read the user's config: `explicit` must exist; the default location may be absent.
    pub fn load(explicit: Option<&Path>) -> Result<UserConfig, ConfigError> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match default_user_config_path() {
                Some(p) => (p, false),
                None => return Ok(UserConfig::default()),
            },
        };
        let file = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => UserConfig::parse(&text, &file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                Ok(UserConfig::default())
            }
            Err(e) => Err(ConfigError {
                file,
                line: None,
                message: format!("cannot be read: {e}"),
                also: Vec::new(),
            }),
        }
    }
}
