//! Files no importer knows (VK, Telegram, Livedune, Popsters, an agency's spreadsheet), read
//! through the user's `[[mapping]]` entries of `audit.toml`: a file whose name matches an entry's
//! `file` glob is read as the entry's canonical `kind`, its columns renamed by `columns` (file
//! column → canonical column, names compared case-insensitively) and its rows parsed like the
//! canonical importer's, but with numbers and dates as people write them (`rows.rs`).

mod rows;

use super::cells::quoted;
use super::{Ctx, Format, Reader};
use crate::import::canonical::{Kind, Parsed};
use crate::import::cells::shorten;
use crate::import::table::{normalise_header, Table};
use crate::import::ImportError;
use crate::model::{AuditConfig, Mapping};
use chrono::format::{Item, StrftimeItems};

pub(super) const FORMATS: &[&Format] = &[&MAPPED];

/// Whether `name` matches `pattern`, where `*` is any run of characters (case-insensitive).
pub fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.trim().to_lowercase().chars().collect();
    let n: Vec<char> = name.to_lowercase().chars().collect();
    // Iterative matching with one backtrack point (the last `*`).
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if pi < p.len() && p[pi] == n[ni] {
            pi += 1;
            ni += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The entry that reads `file`: the first whose glob matches its name.
fn entry<'a>(config: &'a AuditConfig, file: &str) -> Option<&'a Mapping> {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    config
        .mapping
        .iter()
        .find(|m| glob(&m.file, base) || glob(&m.file, file))
}

pub const MAPPED: Format = Format {
    name: "mapping/audit.toml",
    recognition: "a delimited file whose name matches the `file` glob of a `[[mapping]]` entry in audit.toml; \
     read as that entry's canonical kind with its `columns` renamed",
    download: "any tool's CSV export (VK, Telegram, Livedune, Popsters, an agency spreadsheet), described \
     by a [[mapping]] entry in audit.toml",
    undated_audience: false,
    reader: Reader::Table(|_table, file, config| entry(config, file).is_some(), read_mapped),
};

fn read_mapped(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let (config, file) = (ctx.config, ctx.file);
    let Some(m) = entry(config, file) else {
        return Ok(Vec::new());
    };
    let plan = plan(m, table).map_err(|e| ctx.error(e))?;
    let unmapped: Vec<String> = table
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.is_empty() && !plan.columns.iter().any(|c| c.index == *i))
        .map(|(_, h)| shorten(h))
        .collect();
    if !unmapped.is_empty() {
        ctx.warn(
            Some(table.header_line),
            format!("columns not in the mapping ignored: {}", quoted(&unmapped)),
        );
    }
    Ok(vec![rows::parse(&plan, table, ctx)])
}

/// One mapped column: where it is in the file, its name there, and its canonical name.
pub struct Column {
    pub index: usize,
    pub file_name: String,
    pub canonical: String,
}

/// A checked mapping for one file.
pub struct Plan {
    pub kind: Kind,
    pub columns: Vec<Column>,
    pub date_format: Option<String>,
}

/// Check an entry against the canonical kinds alone (no file needed): its kind, and that each
/// column maps to a column of that kind, once. The error is one sentence naming the entry.
pub fn check_entry(m: &Mapping) -> Result<Kind, String> {
    let glob = &m.file;
    let kind_name = m.kind.trim().to_lowercase();
    let kind = Kind::ALL
        .into_iter()
        .find(|k| k.name() == kind_name)
        .ok_or_else(|| {
            format!(
            "the [[mapping]] for `{glob}` names the unknown kind `{}` (it must be daily, posts, \
             audience, traffic, spend or messages)",
            m.kind
        )
        })?;
    let mut seen: Vec<(String, &String)> = Vec::new();
    for (from, to) in &m.columns {
        let canonical = to.trim().to_lowercase();
        if !kind.knows(&canonical) {
            let known: Vec<&str> = kind
                .required()
                .iter()
                .chain(kind.optional())
                .copied()
                .collect();
            return Err(format!(
                "the [[mapping]] for `{glob}` maps `{from}` to `{to}`, which is not a column of a \
                 {} file ({})",
                kind.name(),
                known.join(", ")
            ));
        }
        if let Some((_, other)) = seen.iter().find(|(c, _)| *c == canonical) {
            return Err(format!(
                "the [[mapping]] for `{glob}` maps both `{other}` and `{from}` to `{canonical}`"
            ));
        }
        seen.push((canonical, from));
    }
    Ok(kind)
}

/// Check an entry against the canonical kinds and the file's header. The error is the rest of
/// a sentence that begins with the file's name.
fn plan(m: &Mapping, table: &Table) -> Result<Plan, String> {
    let glob = &m.file;
    let kind = check_entry(m)?;
    let mut columns: Vec<Column> = Vec::new();
    for (from, to) in &m.columns {
        let canonical = to.trim().to_lowercase();
        let index = table.column(&normalise_header(from)).ok_or_else(|| {
            format!(
                "has no column `{from}`, which the [[mapping]] for `{glob}` maps to `{canonical}`"
            )
        })?;
        columns.push(Column {
            index,
            file_name: from.clone(),
            canonical,
        });
    }
    let exempt = |c: &&str| kind == Kind::Daily && *c == "followers";
    if let Some(missing) = kind
        .required()
        .iter()
        .filter(|c| !exempt(c))
        .find(|c| !columns.iter().any(|m| m.canonical == **c))
    {
        return Err(format!(
            "the [[mapping]] for `{glob}` gives no column for `{missing}`, which a {} file needs",
            kind.name()
        ));
    }
    if kind == Kind::Audience
        && !columns
            .iter()
            .any(|c| c.canonical == "share_pct" || c.canonical == "count")
    {
        return Err(format!(
            "the [[mapping]] for `{glob}` gives no column for `share_pct` or `count`, which an \
             audience file needs"
        ));
    }
    let date_format = m.date_format.as_ref().map(|f| f.trim().to_string());
    if let Some(f) = &date_format {
        if f.is_empty() || StrftimeItems::new(f).any(|i| matches!(i, Item::Error)) {
            return Err(format!("the [[mapping]] for `{glob}` has the date_format `{f}`, which is not a chrono format"));
        }
    }
    Ok(Plan {
        kind,
        columns,
        date_format,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("vk-*.csv", "VK-stats-October.CSV"));
        assert!(glob("*", "anything"));
        assert!(glob("*posts*", "popsters_posts_2026.csv"));
        assert!(glob("a*b*c", "aXXbYYc"));
        assert!(!glob("a*b*c", "aXXbYY"));
        assert!(!glob("vk-*.csv", "vk-stats.xlsx"));
        assert!(!glob("daily.csv", "daily.csv.bak"));
    }
}
