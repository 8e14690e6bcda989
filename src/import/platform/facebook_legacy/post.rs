//! Legacy Facebook Insights, post level: `Facebook Insights Data Export (Post Level) - <Page> -
//! <dates>.csv` (and `(Video Posts)`). One row a post with lifetime numbers; likes, comments
//! and shares come from the `by action type` breakdowns, link clicks from `by type`.

use super::{breakdown, pick, split_description};
use crate::import::canonical::Parsed;
use crate::import::platform::cells::Col;
use crate::import::platform::dates;
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::vocab;
use crate::import::ImportError;
use crate::model::PostType;
use crate::model::{Field, Post};

const TALKING: &str = "lifetime talking about this (post) by action type - ";
const STORIES: &str = "lifetime post stories by action type - ";
const CONSUMERS: &str = "lifetime post consumers by type - ";

/// The columns of a breakdown (`<prefix><key>`). Facebook writes only the keys that have a
/// value, so where a post has any value in the breakdown, an empty or missing key is 0; where
/// it has none, the breakdown is empty for that post.
struct Breakdown {
    cols: Vec<(String, Col)>,
}

impl Breakdown {
    fn new(table: &Table, rows: &[&Row], prefix: &str) -> Breakdown {
        Breakdown {
            cols: breakdown(table, rows, prefix),
        }
    }

    fn given(&self) -> bool {
        !self.cols.is_empty()
    }

    fn get(&self, row: &Row, key: &str) -> Result<Option<f64>, String> {
        let mut any = false;
        let mut value = None;
        for (k, c) in &self.cols {
            let v = c.count(row)?;
            any |= v.is_some();
            if k == key {
                value = v;
            }
        }
        Ok(if any {
            Some(value.unwrap_or(0.0))
        } else {
            None
        })
    }

    fn field(&self, row: &Row, key: &str) -> Result<Field, String> {
        Ok(Field::from_option(self.given(), self.get(row, key)?))
    }
}

pub const POSTS: Format = Format {
    name: "facebook-legacy/posts",
    recognition:
        "a header with `Post ID`, `Posted` and `Type` or `Permalink` (a description row under it)",
    download:
        "Facebook Page → Insights → Export Data → Post data (CSV), before Meta Business Suite",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.has_all(&["post id", "posted"])
                && table.column_any(&["type", "permalink"]).is_some()
        },
        read_posts,
    ),
};

fn read_posts(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let (rows, desc) = split_description(table);
    let col = |name: &str| Col::at(table, &rows, pick(table, desc, name));
    let id = col("post id");
    let posted = col("posted");
    let kind = col("type");
    let permalink = col("permalink");
    let message = col("post message");
    let reach = col("lifetime post total reach");
    let impressions = col("lifetime post total impressions");
    let paid_reach = col("lifetime post paid reach");
    let talking = Breakdown::new(table, &rows, TALKING);
    let actions = if talking.given() {
        talking
    } else {
        Breakdown::new(table, &rows, STORIES)
    };
    let consumers = Breakdown::new(table, &rows, CONSUMERS);
    let day_first = dates::day_first(rows.iter().map(|r| posted.raw(r)));
    let mut posts = Vec::new();
    for row in &rows {
        if vocab::is_total(id.raw(row)) {
            continue;
        }
        let read = || -> Result<Post, String> {
            let pid = id.raw(row).trim();
            if pid.is_empty() {
                return Err("the post id is empty".into());
            }
            let cell = posted.raw(row).trim();
            let (published_at, date) = dates::published_cell(cell, "Posted", day_first, ctx.tz)?;
            Ok(Post {
                id: pid.to_string(),
                published_at,
                date,
                kind: vocab::post_type(kind.raw(row)).unwrap_or(PostType::Other),
                caption: message.raw(row).to_string(),
                permalink: permalink.raw(row).trim().to_string(),
                reach: reach.count(row)?,
                impressions: impressions.count(row)?,
                likes: actions.field(row, "like")?,
                comments: actions.field(row, "comment")?,
                shares: actions.field(row, "share")?,
                saves: Field::NotGiven,
                clicks: consumers.get(row, "link clicks")?,
                paid: paid_reach.count(row)?.map(|v| v > 0.0),
            })
        };
        match read() {
            Ok(p) => posts.push((row.line, p)),
            Err(why) => ctx.warn(Some(row.line), format!("row skipped: {why}")),
        }
    }
    if posts.is_empty() && !rows.is_empty() {
        return Err(
            ctx.error("no row of this Facebook post export has a post id and a posting time")
        );
    }
    Ok(vec![Parsed::Posts(posts)])
}
