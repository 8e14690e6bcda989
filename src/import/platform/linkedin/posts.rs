//! LinkedIn's posts sheets (`All posts`, `Update engagement`): one row a post, its id the number
//! of its `urn:li:activity:…` link.

use super::sheets::{cell, datetime, text, Mapped, Sheet, LINK, TITLE};
use crate::import::cells::shorten;
use crate::import::stamps;
use crate::model::{Field, Post, PostType};
use chrono_tz::Tz;

/// A post's id from its link: the number of its `urn:li:activity:…` (or `share`, `ugcPost`),
/// else the link itself.
pub fn post_id(link: &str) -> Option<String> {
    let l = link.trim().replace("%3A", ":").replace("%3a", ":");
    if l.is_empty() {
        return None;
    }
    if let Some(i) = l.find("urn:li:") {
        let urn: String = l[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect();
        if let Some(n) = urn
            .rsplit(':')
            .next()
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(n.to_string());
        }
    }
    if let Some(i) = l.find("activity-") {
        let digits: String = l[i + 9..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() {
            return Some(digits);
        }
    }
    Some(l.trim_end_matches('/').to_string())
}

fn content_type(s: &str) -> PostType {
    crate::import::vocab::post_type(s).unwrap_or(PostType::Other)
}

pub(super) fn posts(sheet: &Sheet, tz: Tz, out: &mut Mapped) {
    let title = sheet.col(TITLE);
    let link = sheet.col(LINK);
    let created = sheet.col(&["created date"]);
    let kind = sheet.col(&["content type"]);
    let paid = sheet.col(&["post type", "update type"]);
    let count = |name: &[&str]| sheet.col(name);
    let (impressions, clicks) = (count(&["impressions"]), count(&["clicks"]));
    let (likes, comments, shares) = (
        count(&["likes", "reactions"]),
        count(&["comments"]),
        count(&["reposts", "shares"]),
    );
    for (line, row) in &sheet.rows {
        let result = (|| -> Result<Post, String> {
            let num = |c: Option<usize>| sheet.num(row, c);
            let field = |c: Option<usize>| num(c).map(|v| Field::from_option(c.is_some(), v));
            let permalink = text(cell(row, link)).trim().to_string();
            let id = post_id(&permalink).ok_or("the post link is empty")?;
            let raw = cell(row, created);
            let at =
                datetime(raw).ok_or_else(|| format!("`{}` is not a date", shorten(&text(raw))))?;
            let type_text = text(cell(row, paid)).to_lowercase();
            let is_paid = match type_text.trim() {
                "sponsored" | "paid" => Some(true),
                "organic" => Some(false),
                _ => None,
            };
            let kind = match kind {
                Some(_) => content_type(&text(cell(row, kind))),
                None if is_paid.is_none() => content_type(&type_text),
                None => PostType::Other,
            };
            let (published_at, date) = stamps::from_wall(at, tz);
            Ok(Post {
                id,
                published_at,
                date,
                kind,
                caption: text(cell(row, title)),
                permalink,
                reach: None,
                impressions: num(impressions)?,
                likes: field(likes)?,
                comments: field(comments)?,
                shares: field(shares)?,
                saves: Field::NotGiven,
                clicks: num(clicks)?,
                paid: is_paid,
            })
        })();
        match result {
            Ok(p) => out.posts.push((*line, p)),
            Err(why) => out.skip(sheet, *line, why),
        }
    }
}
