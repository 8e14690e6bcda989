//! Meta Business Suite exports (export-formats.md section 3): the content export (Facebook and
//! Instagram posts and stories), the Insights daily series (one metric a file, UTF-16 with a
//! `sep=,` line and a title line) and `Audience.csv` (stacked demographic blocks).

mod audience;
mod blocks;
mod content;
mod daily;

use super::Format;

/// Most specific first: the audience blocks, the content export, then the daily series.
pub(super) const FORMATS: &[&Format] = &[&audience::AUDIENCE, &content::CONTENT, &daily::DAILY];
