use thiserror::Error;

/// A config file that cannot be used: the file, the line where known, and why.
#[derive(Debug, Clone, Error, PartialEq)]
#[error("{}", self.sentence())]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl ConfigError {
    fn sentence(&self) -> String {
        match self.line {
            Some(line) => format!("{} line {}: {}", self.file, line, self.message),
            None => format!("{}: {}", self.file, self.message),
        }
    }

    pub(crate) fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> ConfigError {
        let line = e.span().map(|s| line_of_offset(text, s.start));
        ConfigError {
            file: file.to_string(),
            line,
            message: e.message().trim().replace('\n', " "),
        }
    }
}

/// The 1-based line of a byte offset.
pub(crate) fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line of the first `key = ...` assignment whose value contains `needle`, for messages
/// about values that parsed but are not allowed.
pub(crate) fn line_of_assignment(text: &str, key: &str, needle: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('=') && rest.contains(needle))
        })
        .map(|i| i + 1)
}
