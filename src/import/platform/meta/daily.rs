//! Meta Insights daily series (export-formats.md section 3.3): `Follows.csv`, `Reach.csv`,
//! `Views.csv`, `Visits.csv`, `Viewers.csv`, `Interactions.csv`, `Link clicks.csv`, one metric
//! a file, named by the title line (`Facebook reach`) or else by the file name.

use crate::import::canonical::Parsed;
use crate::import::platform::cells::{blank_day, Col};
use crate::import::platform::dates;
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::ImportError;
use crate::model::DailyRow;
use std::collections::BTreeSet;

/// The metric of a daily series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Follows,
    Unfollows,
    Reach,
    Impressions,
    Visits,
    LinkClicks,
    /// Read and checked, but the account model has no daily field for it.
    Unused(&'static str),
}

impl Metric {
    /// The metric a title or file name names (`Facebook reach`, `Instagram profile visits`,
    /// `IG_REACH`, `Visits (1)`).
    pub fn from_name(name: &str) -> Option<Metric> {
        let n = name.to_lowercase().replace(['_', '-'], " ");
        let has = |w: &str| n.contains(w);
        Some(if has("link click") {
            Metric::LinkClicks
        } else if has("unfollow") {
            Metric::Unfollows
        } else if has("follow") {
            Metric::Follows
        } else if has("reach") {
            Metric::Reach
        } else if has("viewers") {
            Metric::Unused("viewers")
        } else if has("views") || has("impressions") {
            Metric::Impressions
        } else if has("visits") {
            Metric::Visits
        } else if has("interactions") {
            Metric::Unused("interactions")
        } else {
            return None;
        })
    }

    fn set(self, row: &mut DailyRow, v: f64) {
        let field = match self {
            Metric::Follows => &mut row.follows,
            Metric::Unfollows => &mut row.unfollows,
            Metric::Reach => &mut row.reach,
            Metric::Impressions => &mut row.impressions,
            Metric::Visits => &mut row.profile_visits,
            Metric::LinkClicks => &mut row.website_clicks,
            Metric::Unused(_) => return,
        };
        *field = Some(v);
    }
}

pub const DAILY: Format = Format {
    name: "meta/insights-daily",
    recognition: "a header `Date`, `Primary` under a title line naming the metric (`Facebook \
         reach`, `Follows`, `Instagram profile visits`, ...)",
    download: "Meta Business Suite → Insights → Overview (or Results/Audience) → a chart's Export \
         data (CSV), one file per metric",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["date", "primary"]),
        read_daily,
    ),
};

fn read_daily(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let stem = file_stem(ctx.file);
    let blocks = series_blocks(table);
    let date = table.column("date");
    let value = table.column("primary");
    let mut out = Vec::new();
    for block in chosen(&blocks, ctx) {
        let title = &block.title;
        let Some(metric) = Metric::from_name(title).or_else(|| Metric::from_name(&stem)) else {
            return Err(ctx.error(format!(
                "the metric of this Meta Insights series is unknown: neither its title `{}` nor its name names follows, reach, views, visits, viewers, interactions or link clicks",
                crate::import::cells::shorten(title)
            )));
        };
        warn_platform(title, ctx);
        let days = read_days(table, &block.rows, date, value, metric, ctx);
        if let Metric::Unused(what) = metric {
            ctx.warn(
                None,
                format!("the {what} series has no daily field in the account model; the file was read but is not used"),
            );
            continue;
        }
        out.push(Parsed::Daily(days));
    }
    Ok(out)
}

/// One titled series of a file (`Facebook reach`), with its rows.
struct SeriesBlock<'t> {
    title: String,
    line: u64,
    rows: Vec<&'t Row>,
}

/// The series of a file: the first under the file's title line, then one under each title line
/// further down (Meta writes `Facebook reach` and `Instagram reach` into one `Reach.csv`), each
/// block's own `Date`, `Primary` header left out.
fn series_blocks(table: &Table) -> Vec<SeriesBlock<'_>> {
    let mut out = vec![SeriesBlock {
        title: table.title.clone().unwrap_or_default(),
        line: table.header_line,
        rows: Vec::new(),
    }];
    for row in &table.rows {
        // A title names a metric or a platform (a day whose value is empty is not one).
        let title = super::blocks::title_of(row)
            .filter(|t| Metric::from_name(t).is_some() || platform_of(t).is_some());
        if let Some(title) = title {
            out.push(SeriesBlock {
                title: title.to_string(),
                line: row.line,
                rows: Vec::new(),
            });
            continue;
        }
        let cell = |i: usize| row.cells.get(i).unwrap_or("").trim().to_lowercase();
        if cell(0) == "date" && cell(1) == "primary" {
            continue;
        }
        if let Some(block) = out.last_mut() {
            block.rows.push(row);
        }
    }
    out.retain(|b| !b.rows.is_empty());
    out
}

/// The platform a series title names.
fn platform_of(title: &str) -> Option<&'static str> {
    let t = title.to_lowercase();
    ["facebook", "instagram"]
        .into_iter()
        .find(|p| t.contains(p))
}

/// The blocks the account takes: those of its platform (`[account] platform`, else the one most
/// of the folder's exports name, else the first block's); a block of another platform is set
/// aside with a warning, never merged into the same days. Where no block is of the account's
/// platform, the first is taken (`warn_platform` says so).
fn chosen<'b, 't>(blocks: &'b [SeriesBlock<'t>], ctx: &mut Ctx) -> Vec<&'b SeriesBlock<'t>> {
    let configured = ctx
        .config
        .account
        .platform
        .as_deref()
        .map(str::to_lowercase);
    let wanted = configured
        .as_deref()
        .and_then(platform_of)
        .or(ctx.folder_platform)
        .filter(|p| blocks.iter().any(|b| platform_of(&b.title) == Some(*p)))
        .or_else(|| blocks.first().and_then(|b| platform_of(&b.title)));
    let mut taken: Vec<&SeriesBlock> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let same = match (platform_of(&b.title), wanted) {
            (Some(p), Some(w)) => p == w,
            (None, _) | (_, None) => i == 0,
        };
        let repeats_metric = taken
            .iter()
            .any(|t| Metric::from_name(&t.title) == Metric::from_name(&b.title));
        if same && !repeats_metric {
            taken.push(b);
            continue;
        }
        let whose = match wanted {
            Some("facebook") => "Facebook's",
            Some(_) => "Instagram's",
            None => "the file's first",
        };
        ctx.warn(
            Some(b.line),
            format!(
                "the block `{}` is set aside: the account takes {whose} series (set [account] platform in audit.toml to choose)",
                crate::import::cells::shorten(&b.title)
            ),
        );
    }
    taken
}

/// The file name without its extension and the browser's ` (1)` suffix.
fn file_stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    match stem
        .trim_end()
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" ("))
    {
        Some((base, n)) if n.chars().all(|c| c.is_ascii_digit()) => base.to_string(),
        _ => stem.to_string(),
    }
}

/// A warning when the title names the other platform than the account's.
fn warn_platform(title: &str, ctx: &mut Ctx) {
    let Some(platform) = ctx
        .config
        .account
        .platform
        .as_deref()
        .map(str::to_lowercase)
    else {
        return;
    };
    let t = title.to_lowercase();
    for (name, other) in [("facebook", "instagram"), ("instagram", "facebook")] {
        if t.contains(name) && platform.contains(other) {
            ctx.warn(
                None,
                format!("the series is titled `{title}` but the account's platform is {platform}; its values are used"),
            );
        }
    }
}

/// The days of a `Date`/`Primary` block as patches that set only `metric` (for an unused metric,
/// rows with only a date, after checking every value).
pub fn read_days(
    table: &Table,
    rows: &[&Row],
    date: Option<usize>,
    value: Option<usize>,
    metric: Metric,
    ctx: &mut Ctx,
) -> Vec<(u64, DailyRow)> {
    let date = Col::at(table, rows, date).named("Date");
    let value = Col::at(table, rows, value).named("Primary");
    let mut out: Vec<(u64, DailyRow)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut repeated = Vec::new();
    for (row, d) in dates::dated(rows, &date, ctx) {
        let v = match value.count(row) {
            Ok(Some(v)) => v,
            Ok(None) => continue,
            Err(why) => {
                ctx.warn(Some(row.line), format!("row skipped: {why}"));
                continue;
            }
        };
        if !seen.insert(d) {
            repeated.push(d.to_string());
        }
        let mut day = blank_day(d);
        metric.set(&mut day, v);
        out.push((row.line, day));
    }
    if !repeated.is_empty() {
        ctx.warn(
            None,
            format!(
                "days given twice (the later row is used): {}",
                repeated.join(", ")
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_from_titles_and_names() {
        assert_eq!(Metric::from_name("Facebook reach"), Some(Metric::Reach));
        assert_eq!(
            Metric::from_name("Instagram profile visits"),
            Some(Metric::Visits)
        );
        assert_eq!(
            Metric::from_name("Facebook link clicks"),
            Some(Metric::LinkClicks)
        );
        assert_eq!(
            Metric::from_name("Viewers"),
            Some(Metric::Unused("viewers"))
        );
        assert_eq!(Metric::from_name("Views"), Some(Metric::Impressions));
        assert_eq!(
            Metric::from_name("Content interactions"),
            Some(Metric::Unused("interactions"))
        );
        assert_eq!(Metric::from_name("IG_FOLLOWS"), Some(Metric::Follows));
        assert_eq!(Metric::from_name("Summary"), None);
        assert_eq!(file_stem("dir/Visits (1).csv"), "Visits");
        assert_eq!(file_stem("Link clicks.csv"), "Link clicks");
    }
}
