//! LinkedIn page analytics (export-formats.md, section 6): the `.xls`/`.xlsx` workbooks the page
//! admin view exports — followers (`<page>_followers_<n>.xls`), visitors (`_visitors_`) and
//! updates or content (`_updates_`, `_content_`, a title row above the header). The workbook is
//! read with calamine behind a guard (`import::workbook`); its sheets are known by their headers
//! (`sheets.rs`).
//!
//! Choices where the export is ambiguous:
//! - `Total followers` of the `New followers` sheet is each day's new followers (sponsored +
//!   organic + auto-invited), so it becomes `follows`; only where it is not the sum of those
//!   columns (on more than one row in five) is it read as the running total (`followers`).
//! - `profile_visits` = `Total unique visitors (total)`: a visit is one person on one day, as a
//!   profile visit is; page views count every tab (overview, life, jobs) a visitor opened.
//! - The content sheet's `Impressions (total)` = daily `impressions`, `Unique impressions
//!   (organic)` = `reach_organic`; a post's id is the number of its `urn:li:activity:…` link.

mod posts;
mod sheets;

use super::{Ctx, Format, Reader};
use crate::import::canonical::Parsed;
use crate::import::workbook;
use crate::import::ImportError;
use sheets::{Mapped, Sheet};

pub(super) const FORMATS: &[&Format] = &[&LINKEDIN];

/// Whether a file's name is one LinkedIn gives its page exports (`acme_followers_1712….xls`),
/// so that such a workbook is refused with a sentence when it is too large or damaged.
fn workbook_name(file: &str) -> bool {
    let f = file.to_lowercase();
    f.ends_with(".xls") || f.ends_with(".xlsx") || f.ends_with(".xlsm")
}

pub const LINKEDIN: Format = Format {
    name: "linkedin/page-analytics",
    recognition:
        "an .xls/.xlsx workbook with a sheet whose header (in its first ten rows) is `Date` with \
     `Total followers`/`Organic followers`/`Sponsored followers`, `Total unique visitors …`, or \
     `Impressions (…)`, or `Post title`/`Update title` or `… link` with `Created date`; any \
     other workbook, or one too large or damaged, is set aside with a sentence",
    download: "LinkedIn page admin view → Analytics → Followers / Visitors / Content → Export",
    undated_audience: false,
    // Every workbook (`.xls`, `.xlsx`) is taken by its container and name, without opening
    // it: it is opened once, to be read, and a workbook without a LinkedIn sheet is set aside
    // with that sentence (no other format is a workbook).
    reader: Reader::Bytes(
        |bytes, file| workbook::container(bytes).is_some() && workbook_name(file),
        read_linkedin,
    ),
};

fn read_linkedin(bytes: &[u8], ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let book = workbook::open(bytes).map_err(|e| ctx.error(e))?;
    let mut mapped = Mapped::default();
    let mut known = 0;
    for (name, range) in &book {
        if let Some(sheet) = Sheet::find(name, range) {
            known += 1;
            sheets::map_sheet(&sheet, ctx.tz, &mut mapped);
        }
    }
    if known == 0 {
        return Err(ctx.error(
            "has no LinkedIn followers, visitors, content or posts sheet (no sheet has a `Date` \
             or `Post title` header in its first ten rows)",
        ));
    }
    for (line, message) in mapped.warnings {
        ctx.warn(line, message);
    }
    let mut parts = Vec::new();
    if !mapped.daily.is_empty() {
        parts.push(Parsed::Daily(mapped.daily.into_values().collect()));
    }
    if !mapped.posts.is_empty() {
        parts.push(Parsed::Posts(mapped.posts));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests;
