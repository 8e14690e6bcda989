//! Reports: Markdown (what an owner forwards to the agency) and JSON (for tools).

pub mod contract;
pub mod groups;
pub mod html;
pub mod json;
pub mod markdown;
pub mod questions;
pub mod svg;
pub mod verdict;

use crate::audit::{MonthVerdict, PeriodAudit};
use crate::import::LoadReport;
use crate::model::Account;

/// What a report is written from.
pub struct ReportInput<'a> {
    pub account: &'a Account,
    pub load: &'a LoadReport,
    pub audit: &'a PeriodAudit,
    /// Every month of the account's data with its verdict, oldest first.
    pub history: &'a [MonthVerdict],
    /// The rule thresholds in force (the reports name those changed from the defaults).
    pub thresholds: &'a crate::rules::Thresholds,
    /// The time zone the posts were assigned to days in.
    pub timezone: String,
    /// True for the built-in demo account.
    pub demo: bool,
}
