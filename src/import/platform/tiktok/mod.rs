//! TikTok Studio analytics: the classic per-section CSVs (`Overview`, `Viewers`, `Content`,
//! `FollowerHistory`, `FollowerGender`, `FollowerTopTerritories`, `FollowerActivity`) and the
//! 2025+ overview with follower gains and losses (export-formats.md, section 4). Headers stay
//! English in every UI language; dates are localised and have no year (classic).

mod audience;
mod content;
mod daily;
mod dates;

use super::Format;

pub(super) const FORMATS: &[&Format] = &[
    &daily::OVERVIEW_2025,
    &daily::OVERVIEW,
    &daily::VIEWERS,
    &daily::FOLLOWER_HISTORY,
    &daily::FOLLOWER_ACTIVITY,
    &content::CONTENT,
    &audience::FOLLOWER_GENDER,
    &audience::FOLLOWER_TERRITORIES,
];
