//! TikTok Studio analytics: the classic per-section CSVs (`Overview`, `Viewers`, `Content`,
//! `FollowerHistory`, `FollowerGender`, `FollowerTopTerritories`, `FollowerActivity`) and the
//! 2025+ overview with follower gains and losses (export-formats.md, section 4). Headers stay
//! English in every UI language; dates are localised and have no year (classic).

mod audience;
mod content;
mod daily;
mod dates;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_variants;

use super::PlatformImporter;

pub fn importers() -> Vec<&'static dyn PlatformImporter> {
    vec![
        &daily::Overview2025,
        &daily::Overview,
        &daily::Viewers,
        &daily::FollowerHistory,
        &daily::FollowerActivity,
        &content::Content,
        &audience::FollowerGender,
        &audience::FollowerTerritories,
    ]
}
