//! What a platform's daily export holds that its reader leaves out, said in the load report
//! rather than dropped in silence: a figure of the audit under a name the reader does not take,
//! and the day's engagement, which the audit counts post by post instead.

use super::canonical::Parsed;
use super::report::LoadReport;
use super::{cells, table};

/// Both notes, for a file whose rows are read (`parts`).
pub(super) fn note(table: &table::Table, parts: &[Parsed], file: &str, report: &mut LoadReport) {
    // Only a file of daily figures loses one this way (a posts export's per-post follows are
    // not a daily figure; a file that gives no rows says so itself).
    let daily = parts
        .iter()
        .any(|p| matches!(p, Parsed::Daily(rows) if !rows.is_empty()));
    if !daily {
        return;
    }
    unread_figures(table, parts, file, report);
    unread_engagement(table, file, report);
}

/// The columns never looked up that `wanted` takes, quoted, at most six and how many more;
/// `None` where there is none.
fn unread_columns(table: &table::Table, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let names: Vec<String> = table
        .never_looked_up()
        .into_iter()
        .filter(|h| wanted(h))
        .map(|h| format!("`{}`", cells::shorten(h)))
        .collect();
    let shown = names.len().min(6);
    match names.len() - shown {
        _ if names.is_empty() => None,
        0 => Some(names.join(", ")),
        n => Some(format!("{} and {n} more", names[..shown].join(", "))),
    }
}

/// A daily export's engagement columns (`Likes`, `Comments`, `Shares`): what every post of the
/// account received that day, old posts included. The audit's engagement is that of the posts
/// published in the period, post by post (kpis.md), so the two differ; the note says why the
/// platform's monthly total of likes is not the report's.
fn unread_engagement(table: &table::Table, file: &str, report: &mut LoadReport) {
    let Some(unread) = unread_columns(table, crate::import::vocab::engagement_column) else {
        return;
    };
    report.warn(
        file,
        Some(table.header_line),
        format!(
            "{} count what all the account's posts received each day, old posts included; the \
             audit counts the engagement of the posts published in the period, post by post from \
             a posts export, so these daily totals are not used and will not match its figures",
            unread
        ),
    );
}

/// Whether the rows read supply `figure` (see `vocab::audited_figure`).
fn supplied(parts: &[Parsed], figure: &str) -> bool {
    parts.iter().any(|p| match p {
        Parsed::Daily(rows) => rows.iter().any(|(_, r)| {
            r.metrics()
                .iter()
                .any(|(name, _, v)| v.is_some() && name.starts_with(figure))
        }),
        Parsed::Posts(posts) => match figure {
            "reach" => posts.iter().any(|(_, p)| p.reach.is_some()),
            "impressions" => posts.iter().any(|(_, p)| p.impressions.is_some()),
            _ => false,
        },
        _ => false,
    })
}

/// A platform export's daily columns that name a figure of the audit that its importer never
/// looked at, where the file supplies none of that figure: named in a warning, never dropped in
/// silence (`Followers count` beside a claimed overview).
fn unread_figures(table: &table::Table, parts: &[Parsed], file: &str, report: &mut LoadReport) {
    let audited =
        |h: &str| crate::import::vocab::audited_figure(h).is_some_and(|f| !supplied(parts, f));
    let Some(unread) = unread_columns(table, audited) else {
        return;
    };
    report.warn(
        file,
        Some(table.header_line),
        format!(
            "not read, so not in the audit: {} (this export's reader takes no such figure \
             from it; a [[mapping]] in audit.toml can read the file instead)",
            unread
        ),
    );
}
