//! Meta Business Suite content exports (one row a post, lifetime numbers): Facebook posts and
//! Instagram posts and stories, every vintage of export-formats.md sections 3.1 and 3.2.

use crate::import::canonical::Parsed;
use crate::import::platform::cells::{Col, PostNumbers, Posted};
use crate::import::platform::dates;
use crate::import::platform::{Ctx, Format, Reader};
use crate::import::table::{Row, Table};
use crate::import::vocab;
use crate::import::ImportError;
use crate::model::Post;
use crate::model::PostType;

/// The columns a post is read from.
struct Cols {
    id: Col,
    time: Col,
    kind: Col,
    permalink: Col,
    title: Col,
    description: Col,
    date: Col,
    numbers: PostNumbers,
    boosted: Col,
}

impl Cols {
    fn new(table: &Table, rows: &[&Row]) -> Cols {
        let c = |names: &[&str]| Col::find(table, rows, names);
        Cols {
            id: c(&["post id"]),
            time: c(&["publish time"]),
            kind: c(&["post type"]),
            permalink: c(&["permalink"]),
            title: c(&["title"]),
            description: c(&["description"]),
            date: c(&["date"]),
            numbers: PostNumbers {
                reach: c(&["reach"]),
                // Meta renamed Impressions to Views (2024-25); the first `Views` is the total.
                impressions: c(&["impressions", "views"]),
                // Facebook counts reactions, Instagram likes.
                likes: c(&["reactions", "likes"]),
                comments: c(&["comments"]),
                shares: c(&["shares"]),
                saves: c(&["saves"]),
                clicks: c(&["link clicks"]),
            },
            boosted: c(&["reach from boosted posts"]),
        }
    }
}

pub const CONTENT: Format = Format {
    name: "meta/content",
    recognition: "a header with `Post ID`, `Publish time` and `Post type` (Facebook or Instagram \
         posts and stories)",
    download: "Meta Business Suite → Insights → Content → Export data (posts or stories, CSV)",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| table.has_all(&["post id", "publish time", "post type"]),
        read_content,
    ),
};

fn read_content(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let rows: Vec<&Row> = table.rows.iter().collect();
    let cols = Cols::new(table, &rows);
    let day_first = dates::day_first(rows.iter().map(|r| cols.time.raw(r)));
    let mut posts = Vec::new();
    let mut views_missing = 0usize;
    let mut per_day = false;
    for row in &rows {
        if vocab::is_total(cols.id.raw(row)) {
            continue;
        }
        match post(&cols, row, day_first, ctx) {
            Ok((post, views_zero)) => {
                views_missing += usize::from(views_zero);
                let date = cols.date.raw(row).trim().to_lowercase();
                per_day |= !date.is_empty() && date != "lifetime";
                posts.push((row.line, post));
            }
            Err(why) => ctx.warn(Some(row.line), format!("row skipped: {why}")),
        }
    }
    if views_missing > 0 {
        ctx.warn(
            None,
            format!(
                "`{}` is 0 on {views_missing} posts whose reach is above 0 (Meta did not fill it); their impressions are left empty",
                cols.numbers.impressions.name
            ),
        );
    }
    if per_day {
        ctx.warn(
            None,
            "the `Date` column is not `Lifetime`: the numbers may cover one day, not the post's life",
        );
    }
    if posts.is_empty() && !rows.is_empty() {
        return Err(
            ctx.error("no row of this Meta content export has a post id and a publish time")
        );
    }
    Ok(vec![Parsed::Posts(posts)])
}

/// One post, and whether its `Views` was a 0 that cannot be true (reach above 0).
fn post(c: &Cols, row: &Row, day_first: bool, ctx: &Ctx) -> Result<(Post, bool), String> {
    let id = c.id.raw(row).trim();
    if id.is_empty() {
        return Err("the post id is empty".into());
    }
    let time = c.time.raw(row).trim();
    if time.is_empty() {
        return Err("`Publish time` is empty".into());
    }
    let at = dates::published_cell(time, "Publish time", day_first, ctx.tz)?;
    let title = c.title.raw(row);
    let caption = if title.trim().is_empty() {
        c.description.raw(row)
    } else {
        title
    };
    let posted = Posted {
        id: id.to_string(),
        at,
        kind: vocab::post_type(c.kind.raw(row)).unwrap_or(PostType::Other),
        caption: caption.to_string(),
        permalink: c.permalink.raw(row).trim().to_string(),
        paid: None,
    };
    let mut post = c.numbers.post(row, posted)?;
    if c.boosted.given() {
        post.paid = c.boosted.count(row)?.map(|v| v > 0.0);
    }
    let views_zero = post.impressions == Some(0.0) && post.reach.is_some_and(|r| r > 0.0);
    if views_zero {
        post.impressions = None;
    }
    Ok((post, views_zero))
}
