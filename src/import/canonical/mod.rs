//! The canonical CSV set of formats.md: six files, each recognised by its header.

mod kinds;
mod parse;
mod parts;

pub use kinds::{claim, detect, shaped, Claim, Detection, Kind};
pub use parse::{parse_records, Parsed};
pub use parts::Reading;
