//! Reading the rows of a recognised canonical table into the account model.

use super::Kind;
use crate::import::cells::{self, Stamp};
use crate::import::records::{Record, Records};
use crate::import::report::LoadReport;
use crate::import::table::Table;
use crate::model::{
    AudienceRow, DailyRow, Field, Message, Post, PostType, Segment, SpendRow, TrafficRow,
};
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::cell::RefCell;

/// The rows of one file, each with the line it came from.
#[derive(Debug, Clone)]
pub enum Parsed {
    Daily(Vec<(u64, DailyRow)>),
    Posts(Vec<(u64, Post)>),
    Audience(Vec<(u64, AudienceRow)>),
    Traffic(Vec<(u64, TrafficRow)>),
    Spend(Vec<(u64, SpendRow)>),
    Messages(Vec<(u64, Message)>),
    /// A follower list (platform exports only).
    Followers(Vec<(u64, crate::model::Follower)>),
}

impl Parsed {
    pub fn len(&self) -> usize {
        match self {
            Parsed::Daily(v) => v.len(),
            Parsed::Posts(v) => v.len(),
            Parsed::Audience(v) => v.len(),
            Parsed::Traffic(v) => v.len(),
            Parsed::Spend(v) => v.len(),
            Parsed::Messages(v) => v.len(),
            Parsed::Followers(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Why a row is skipped.
type Skip = String;

/// Where the columns the row readers ask for are: looked up by name once per table, then by
/// the address of the name (a `&'static str`, so no other name ever has that address): the
/// readers pass the same string constants on every row.
struct Columns<'a> {
    table: &'a Table,
    seen: RefCell<Vec<(usize, usize, Option<usize>)>>,
}

impl<'a> Columns<'a> {
    fn new(table: &'a Table) -> Columns<'a> {
        Columns {
            table,
            seen: RefCell::new(Vec::new()),
        }
    }

    fn index(&self, col: &'static str) -> Option<usize> {
        let key = (col.as_ptr() as usize, col.len());
        if let Some(hit) = self.seen.borrow().iter().find(|s| (s.0, s.1) == key) {
            return hit.2;
        }
        let at = self.table.column(col);
        self.seen.borrow_mut().push((key.0, key.1, at));
        at
    }
}

/// Cell access for one row, by column name.
struct Cells<'a> {
    cols: &'a Columns<'a>,
    row: &'a Record<'a>,
}

impl<'a> Cells<'a> {
    fn raw(&self, col: &'static str) -> &'a str {
        self.cols
            .index(col)
            .and_then(|i| self.row.get(i))
            .unwrap_or("")
    }

    fn has(&self, col: &'static str) -> bool {
        self.cols.index(col).is_some()
    }

    fn text(&self, col: &'static str) -> String {
        self.raw(col).trim().to_string()
    }

    fn num(&self, col: &'static str) -> Result<Option<f64>, Skip> {
        cells::number(self.raw(col)).map_err(|e| format!("column `{col}`: {e}"))
    }

    fn required_num(&self, col: &'static str) -> Result<f64, Skip> {
        self.num(col)?
            .ok_or_else(|| format!("the required value `{col}` is empty"))
    }

    /// A count or amount that cannot be negative.
    fn count(&self, col: &'static str) -> Result<Option<f64>, Skip> {
        match self.num(col)? {
            Some(v) if v < 0.0 => Err(format!("column `{col}`: `{v}` is negative")),
            v => Ok(v),
        }
    }

    fn field(&self, col: &'static str) -> Result<Field, Skip> {
        Ok(Field::from_option(self.has(col), self.count(col)?))
    }

    fn date(&self, col: &'static str) -> Result<NaiveDate, Skip> {
        cells::date(self.raw(col))
            .map_err(|e| format!("column `{col}`: {e}"))?
            .ok_or_else(|| format!("the required value `{col}` is empty"))
    }

    fn stamp(&self, col: &'static str, tz: Tz) -> Result<Option<Stamp>, Skip> {
        cells::timestamp(self.raw(col), tz).map_err(|e| format!("column `{col}`: {e}"))
    }
}

/// Parse every row of a table as `kind`, reading its rows one at a time from `records`. Bad
/// rows are skipped with a warning naming the line; the error is why the file cannot be read
/// at all (a limit of `records`).
pub fn parse_records(
    kind: Kind,
    table: &Table,
    mut records: Records,
    file: &str,
    tz: Tz,
    report: &mut LoadReport,
) -> Result<Parsed, String> {
    warn_about_columns(kind, table, file, report);
    let width = table.headers.len();
    let cols = Columns::new(table);
    macro_rules! each {
        ($variant:ident, $f:expr) => {{
            let mut out = Vec::new();
            while let Some(row) = records.next()? {
                if row.len() != width {
                    report.warn(
                        file,
                        Some(row.line),
                        format!(
                            "row skipped: it has {} fields where the header has {width}",
                            row.len()
                        ),
                    );
                    continue;
                }
                let c = Cells {
                    cols: &cols,
                    row: &row,
                };
                match $f(&c, &mut *report) {
                    Ok(v) => out.push((row.line, v)),
                    Err(why) => report.warn(file, Some(row.line), format!("row skipped: {why}")),
                }
            }
            for (line, note) in records.notes.drain(..) {
                report.warn(file, Some(line), note);
            }
            Parsed::$variant(out)
        }};
    }
    Ok(match kind {
        Kind::Daily => each!(Daily, |c: &Cells, _: &mut LoadReport| daily_row(c)),
        Kind::Posts => each!(Posts, |c: &Cells, _: &mut LoadReport| post_row(c, tz)),
        Kind::Audience => each!(Audience, |c: &Cells, _: &mut LoadReport| audience_row(c)),
        Kind::Traffic => each!(Traffic, |c: &Cells, _: &mut LoadReport| traffic_row(c)),
        Kind::Spend => each!(Spend, |c: &Cells, _: &mut LoadReport| spend_row(c)),
        Kind::Messages => each!(Messages, |c: &Cells, r: &mut LoadReport| message_row(
            c, tz, r, file
        )),
    })
}

/// Unknown columns are reported once (a repeated name was renamed `name (2)` by the table).
fn warn_about_columns(kind: Kind, table: &Table, file: &str, report: &mut LoadReport) {
    let unknown: Vec<&str> = table
        .headers
        .iter()
        .filter(|h| !kind.knows(h))
        .map(|h| h.as_str())
        .collect();
    if !unknown.is_empty() {
        let names: Vec<String> = unknown
            .iter()
            .map(|h| format!("`{}`", cells::shorten(h)))
            .collect();
        report.warn(
            file,
            Some(table.header_line),
            format!("unknown columns ignored: {}", names.join(", ")),
        );
    }
}

fn daily_row(c: &Cells) -> Result<DailyRow, Skip> {
    Ok(DailyRow {
        date: c.date("date")?,
        followers: match c.count("followers")? {
            Some(v) => Some(v),
            None => return Err("the required value `followers` is empty".into()),
        },
        follows: c.count("follows")?,
        unfollows: c.count("unfollows")?,
        reach: c.count("reach")?,
        reach_paid: c.count("reach_paid")?,
        reach_organic: c.count("reach_organic")?,
        impressions: c.count("impressions")?,
        profile_visits: c.count("profile_visits")?,
        website_clicks: c.count("website_clicks")?,
    })
}

fn post_row(c: &Cells, tz: Tz) -> Result<Post, Skip> {
    let id = c.text("post_id");
    if id.is_empty() {
        return Err("the required value `post_id` is empty".into());
    }
    let stamp = c
        .stamp("published_at", tz)?
        .ok_or("the required value `published_at` is empty")?;
    let kind = match c.raw("type").trim() {
        "" => PostType::Other,
        t => PostType::parse(t).ok_or_else(|| {
            format!(
                "column `type`: `{}` is not one of photo, video, reel, story, carousel, text, link, other",
                cells::shorten(t)
            )
        })?,
    };
    Ok(Post {
        id,
        published_at: stamp.at,
        date: stamp.date,
        kind,
        caption: c.raw("caption").to_string(),
        permalink: c.text("permalink"),
        reach: c.count("reach")?,
        impressions: c.count("impressions")?,
        likes: c.field("likes")?,
        comments: c.field("comments")?,
        shares: c.field("shares")?,
        saves: c.field("saves")?,
        clicks: c.count("clicks")?,
        paid: cells::boolean(c.raw("paid")).map_err(|e| format!("column `paid`: {e}"))?,
    })
}

fn audience_row(c: &Cells) -> Result<AudienceRow, Skip> {
    let segment_text = c.text("segment");
    let segment = Segment::parse(&segment_text).ok_or_else(|| {
        format!(
            "column `segment`: `{}` is not followers, new_followers or reached",
            cells::shorten(&segment_text)
        )
    })?;
    let dimension = c.text("dimension").to_lowercase();
    if !matches!(dimension.as_str(), "country" | "city" | "age" | "gender") {
        return Err(format!(
            "column `dimension`: `{}` is not country, city, age or gender",
            cells::shorten(&dimension)
        ));
    }
    let raw_value = c.text("value");
    if raw_value.is_empty() {
        return Err("the required value `value` is empty".into());
    }
    let value = match dimension.as_str() {
        "country" => raw_value.to_uppercase(),
        "gender" => raw_value.to_lowercase(),
        _ => raw_value,
    };
    let share_pct = c.count("share_pct")?;
    let count = c.count("count")?;
    if share_pct.is_none() && count.is_none() {
        return Err("neither `share_pct` nor `count` has a value".into());
    }
    Ok(AudienceRow {
        date: c.date("date")?,
        segment,
        dimension,
        value,
        share_pct,
        count,
    })
}

fn traffic_row(c: &Cells) -> Result<TrafficRow, Skip> {
    Ok(TrafficRow {
        date: c.date("date")?,
        source: c.text("source"),
        sessions: c
            .count("sessions")?
            .ok_or("the required value `sessions` is empty")?,
        users: c.count("users")?,
        new_users: c.count("new_users")?,
        bounce_rate_pct: c.count("bounce_rate_pct")?,
        avg_session_seconds: c.count("avg_session_seconds")?,
        pages_per_session: c.count("pages_per_session")?,
        conversions: c.count("conversions")?,
        leads: c.count("leads")?,
        revenue: c.num("revenue")?,
    })
}

fn spend_row(c: &Cells) -> Result<SpendRow, Skip> {
    Ok(SpendRow {
        date: c.date("date")?,
        campaign: c.text("campaign"),
        objective: c.text("objective"),
        amount: c.required_num("amount").and_then(|v| {
            if v < 0.0 {
                Err(format!("column `amount`: `{v}` is negative"))
            } else {
                Ok(v)
            }
        })?,
        impressions: c.count("impressions")?,
        reach: c.count("reach")?,
        clicks: c.count("clicks")?,
        leads: c.count("leads")?,
        follows: c.count("follows")?,
    })
}

fn message_row(c: &Cells, tz: Tz, report: &mut LoadReport, file: &str) -> Result<Message, Skip> {
    let received = c
        .stamp("received_at", tz)?
        .ok_or("the required value `received_at` is empty")?;
    let mut answered = c.stamp("answered_at", tz)?;
    if let Some(a) = answered {
        if a.at < received.at {
            // The question was received; an answer dated before it cannot be timed.
            report.warn(
                file,
                Some(c.row.line),
                format!(
                    "`answered_at` {} is before `received_at` {}; the message counts as unanswered",
                    a.at.to_rfc3339(),
                    received.at.to_rfc3339()
                ),
            );
            answered = None;
        }
    }
    Ok(Message {
        received_at: received.at,
        date: received.date,
        answered_at: answered.map(|a| a.at),
        channel: c.text("channel"),
    })
}
