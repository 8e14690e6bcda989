//! The six canonical files, their columns, and how a header is matched to one of them.

use crate::import::cells;
use crate::import::table::Table;
use crate::model::DailyRow;
use chrono_tz::Tz;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Daily,
    Posts,
    Audience,
    Traffic,
    Spend,
    Messages,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Daily,
        Kind::Posts,
        Kind::Audience,
        Kind::Traffic,
        Kind::Spend,
        Kind::Messages,
    ];

    /// The file's usual name without extension, also its name in the load report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Daily => "daily",
            Kind::Posts => "posts",
            Kind::Audience => "audience",
            Kind::Traffic => "traffic",
            Kind::Spend => "spend",
            Kind::Messages => "messages",
        }
    }

    /// The importer's name in the load report.
    pub fn format(self) -> String {
        format!("canonical/{}", self.name())
    }

    pub fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Daily => &["date", "followers"],
            Kind::Posts => &["post_id", "published_at"],
            Kind::Audience => &["date", "segment", "dimension", "value"],
            Kind::Traffic => &["date", "sessions"],
            Kind::Spend => &["date", "amount"],
            Kind::Messages => &["received_at"],
        }
    }

    pub fn optional(self) -> &'static [&'static str] {
        match self {
            // `followers`, the first figure, is required.
            Kind::Daily => &DailyRow::METRICS[1..],
            Kind::Posts => &[
                "type",
                "caption",
                "permalink",
                "reach",
                "impressions",
                "likes",
                "comments",
                "shares",
                "saves",
                "clicks",
                "paid",
            ],
            Kind::Audience => &["share_pct", "count"],
            Kind::Traffic => &[
                "source",
                "users",
                "new_users",
                "bounce_rate_pct",
                "avg_session_seconds",
                "pages_per_session",
                "conversions",
                "leads",
                "revenue",
            ],
            Kind::Spend => &[
                "campaign",
                "objective",
                "amount",
                "impressions",
                "reach",
                "clicks",
                "leads",
                "follows",
            ],
            Kind::Messages => &["answered_at", "channel"],
        }
    }

    /// Every column of the kind, required ones first.
    pub fn columns(self) -> impl Iterator<Item = &'static str> {
        self.required().iter().chain(self.optional()).copied()
    }

    pub fn knows(self, column: &str) -> bool {
        self.required().contains(&column) || self.optional().contains(&column)
    }

    fn needs(self) -> String {
        let mut cols: Vec<String> = self.required().iter().map(|c| format!("`{c}`")).collect();
        if self == Kind::Audience {
            cols.push("`share_pct` or `count`".to_string());
        }
        cols.join(", ")
    }
}

/// The kind whose shape a header has: it has one of the kind's required columns, and every
/// column is one of the kind's, or at least three are and they are half of the header. A file of that shape is a canonical file,
/// never a platform export, even where a platform's export shares some of its column names.
pub fn shaped(table: &Table) -> Option<Kind> {
    let n = table.headers.len();
    Kind::ALL
        .into_iter()
        .map(|k| (k, table.headers.iter().filter(|h| k.knows(h)).count()))
        .filter(|&(k, known)| {
            let required = k.required().iter().any(|c| table.column(c).is_some());
            required && ((known >= 2 && known == n) || (known >= 3 && known * 2 >= n))
        })
        .max_by_key(|&(k, known)| (known, std::cmp::Reverse(k)))
        .map(|(k, _)| k)
}

/// What a header says a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detection {
    /// Every required column is there.
    Recognised(Kind),
    /// The file is meant to be this kind (by its columns or its name) but lacks a required column.
    MissingColumn {
        kind: Kind,
        column: String,
        needs: String,
    },
    /// Not a canonical file.
    Unknown,
}

/// Match a header to a canonical kind. A kind whose required columns are all present wins,
/// the one with most known columns first. A file that lacks a required column but whose name
/// is the kind's (`daily.csv`) or whose header is mostly that kind's columns is reported as
/// missing that column rather than skipped, so a typo in a header is never silent.
pub fn detect(table: &Table, file_stem: &str) -> Detection {
    let known = |k: Kind| table.headers.iter().filter(|h| k.knows(h)).count();
    let complete = |k: Kind| {
        k.required().iter().all(|c| table.column(c).is_some())
            && (k != Kind::Audience
                || table.column("share_pct").is_some()
                || table.column("count").is_some())
    };
    if let Some(kind) = Kind::ALL
        .into_iter()
        .filter(|k| complete(*k))
        .max_by_key(|k| (known(*k), std::cmp::Reverse(*k)))
    {
        return Detection::Recognised(kind);
    }
    let stem = file_stem.to_lowercase();
    let by_name = Kind::ALL.into_iter().find(|k| k.name() == stem);
    let by_columns = Kind::ALL
        .into_iter()
        .filter(|k| known(*k) >= 3 && known(*k) * 2 >= table.headers.len())
        .max_by_key(|k| (known(*k), std::cmp::Reverse(*k)));
    match by_name.or(by_columns) {
        Some(kind) => {
            let column = kind
                .required()
                .iter()
                .find(|c| table.column(c).is_none())
                .map(|c| c.to_string())
                .unwrap_or_else(|| "share_pct` or `count".to_string());
            Detection::MissingColumn {
                kind,
                column,
                needs: kind.needs(),
            }
        }
        None => Detection::Unknown,
    }
}

/// How surely a header is a canonical file's (formats.md, "Recognition").
pub enum Claim {
    /// Its shape, or its ISO dates, say it is: read as the kind, or set aside for the
    /// required column it lacks, whatever a platform's reader would claim.
    Sure(Detection),
    /// It could be one, where no platform's export claims the file.
    Fallback(Detection),
    No,
}

/// Whether a header and its first rows are a canonical file's. A platform export can carry the
/// canonical names (TikTok's `Date`, `Followers`); its dates are not ISO dates, which is how it
/// is told apart from a canonical file.
pub fn claim(table: &Table, file_stem: &str, tz: Tz) -> Claim {
    let shaped = shaped(table);
    match detect(table, file_stem) {
        Detection::Unknown => Claim::No,
        d @ Detection::Recognised(kind) if shaped == Some(kind) || iso_dates(table, kind, tz) => {
            Claim::Sure(d)
        }
        d @ Detection::MissingColumn { kind, .. } if shaped == Some(kind) => Claim::Sure(d),
        d => Claim::Fallback(d),
    }
}

/// Whether the kind's date column is empty in the first rows or holds an ISO date there.
fn iso_dates(table: &Table, kind: Kind, tz: Tz) -> bool {
    let col = match kind {
        Kind::Posts => "published_at",
        Kind::Messages => "received_at",
        _ => "date",
    };
    let Some(i) = table.column(col) else {
        return false;
    };
    let mut cells = table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(i))
        .filter(|c| !c.trim().is_empty())
        .take(5)
        .peekable();
    cells.peek().is_none()
        || cells.any(|c| {
            cells::date(c).is_ok_and(|d| d.is_some())
                || cells::timestamp(c, tz).is_ok_and(|d| d.is_some())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::parse_text;

    fn detect_text(text: &str, stem: &str) -> Detection {
        detect(&parse_text(text).unwrap(), stem)
    }

    #[test]
    fn recognised_by_header_not_name() {
        assert_eq!(
            detect_text("Date,Followers,Reach\n", "export-1"),
            Detection::Recognised(Kind::Daily)
        );
        assert_eq!(
            detect_text("post_id,published_at,likes\n", "daily"),
            Detection::Recognised(Kind::Posts)
        );
        assert_eq!(
            detect_text("date,source,sessions\n", "x"),
            Detection::Recognised(Kind::Traffic)
        );
    }

    #[test]
    fn a_missing_required_column_is_named() {
        match detect_text("date,follows,unfollows,reach\n", "whatever") {
            Detection::MissingColumn { kind, column, .. } => {
                assert_eq!((kind, column.as_str()), (Kind::Daily, "followers"))
            }
            other => panic!("{other:?}"),
        }
        match detect_text("day,followers\n", "daily") {
            Detection::MissingColumn { column, .. } => assert_eq!(column, "date"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unrelated_files_are_unknown() {
        assert_eq!(detect_text("name,notes\n", "readme"), Detection::Unknown);
    }

    #[test]
    fn audience_needs_a_share_or_a_count() {
        assert!(matches!(
            detect_text("date,segment,dimension,value\n", "aud"),
            Detection::MissingColumn {
                kind: Kind::Audience,
                ..
            }
        ));
    }
}
