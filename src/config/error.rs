use thiserror::Error;

/// A config file that cannot be used: the file, the line where known, and why.
#[derive(Debug, Clone, Error, PartialEq)]
#[error("{}", self.sentence())]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    /// The file's other mistakes, found in the same reading: (line, message).
    pub also: Vec<(Option<usize>, String)>,
}

impl ConfigError {
    fn sentence(&self) -> String {
        let at = |line: Option<usize>| line.map_or(String::new(), |l| format!(" line {l}"));
        let mut s = format!("{}{}: {}", self.file, at(self.line), self.message);
        for (line, message) in &self.also {
            s.push_str(&format!("; also{}: {message}", at(*line)));
        }
        s
    }

    /// One error for a file's mistakes (in line order), or none.
    pub(crate) fn all(mut errors: Vec<ConfigError>) -> Result<(), ConfigError> {
        errors.sort_by_key(|e| e.line.unwrap_or(usize::MAX));
        let mut rest = errors.into_iter();
        let Some(mut first) = rest.next() else {
            return Ok(());
        };
        for e in rest {
            first.also.push((e.line, e.message));
            first.also.extend(e.also);
        }
        Err(first)
    }

    pub(crate) fn from_toml(file: &str, text: &str, e: &toml::de::Error) -> ConfigError {
        let line = e.span().map(|s| line_of_offset(text, s.start));
        let mut message = e.message().trim().replace('\n', " ");
        // toml says "duplicate key" without the key: the span holds it.
        if message == "duplicate key" {
            if let Some(key) = e.span().and_then(|s| text.get(s)) {
                message = format!("`{}` is set twice in the same table", key.trim());
            }
        }
        ConfigError {
            file: file.to_string(),
            line,
            message,
            also: Vec::new(),
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
