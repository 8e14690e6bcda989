//! One set of row builders for the six canonical kinds, used by canonical files and by files
//! read through a `[[mapping]]` alike. Behaviours settled once for both:
//! - a totals row (`Total`, `Итого`) is dropped; a row shorter than the header is skipped with a
//!   warning, as is a longer one whose extra fields are not empty;
//! - a post type, a gender or an age bucket is read in any language the vocabulary knows; an
//!   unknown post type is `other`, named once in a warning; a country name becomes its code, and
//!   rows of unknown countries are skipped, named once;
//! - `paid` is yes or no in any of its spellings; anything else skips the row;
//! - an answer dated before its question is named in a warning and the message counts as
//!   unanswered.

mod cells;
mod columns;
mod join;

pub use cells::{Cells, Fields};
pub use columns::{Columns, Dialect, Skip};
pub use join::Part;

use crate::import::canonical::{Kind, Parsed};
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::report::LoadReport;
use crate::import::vocab::{self, countries};
use crate::model::{AudienceRow, DailyRow, Message, Post, PostType, Segment, SpendRow, TrafficRow};
use std::collections::BTreeSet;

/// Rows of one file read into the model, one at a time.
pub struct Builder<'a> {
    cols: &'a Columns,
    file: &'a str,
    out: Parsed,
    unknown_countries: BTreeSet<String>,
    unknown_types: BTreeSet<String>,
    /// Where each day or post id read so far is (`join::Keys`).
    keys: join::Keys,
    /// Rows met under the header, read or not.
    met: usize,
}

impl<'a> Builder<'a> {
    pub fn new(cols: &'a Columns, file: &'a str) -> Builder<'a> {
        let out = match cols.kind {
            Kind::Daily => Parsed::Daily(Vec::new()),
            Kind::Posts => Parsed::Posts(Vec::new()),
            Kind::Audience => Parsed::Audience(Vec::new()),
            Kind::Traffic => Parsed::Traffic(Vec::new()),
            Kind::Spend => Parsed::Spend(Vec::new()),
            Kind::Messages => Parsed::Messages(Vec::new()),
        };
        Builder {
            cols,
            file,
            out,
            unknown_countries: BTreeSet::new(),
            unknown_types: BTreeSet::new(),
            keys: join::Keys::default(),
            met: 0,
        }
    }

    /// Read one row (its first line is `line`); a row that cannot be read is skipped with a
    /// warning naming the line and why.
    pub fn add<R: Fields>(&mut self, row: &R, line: u64, report: &mut LoadReport) {
        self.met += 1;
        let width = self.cols.width;
        let extra = (width..row.width())
            .any(|i| row.field(i).is_some_and(|f| !lenient::trim(f).is_empty()));
        if row.width() < width || extra {
            let why = format!(
                "row skipped: it has {} fields where the header has {width}",
                row.width()
            );
            report.warn(self.file, Some(line), why);
            return;
        }
        let first =
            (0..row.width()).find_map(|i| row.field(i).filter(|f| !lenient::trim(f).is_empty()));
        if first.is_some_and(vocab::is_total) {
            return;
        }
        let c = Cells {
            cols: self.cols,
            row,
            line,
        };
        let file = self.file;
        let result = match &mut self.out {
            Parsed::Daily(v) => daily(&c).map(|r| {
                if let Some(why) = join::keep_day(v, &mut self.keys, (line, r)) {
                    report.warn(file, Some(line), why);
                }
            }),
            Parsed::Posts(v) => post(&c, &mut self.unknown_types).map(|r| {
                if let Some(why) = join::keep_post(v, &mut self.keys, (line, r), None) {
                    report.warn(file, Some(line), why);
                }
            }),
            Parsed::Audience(v) => {
                audience(&c, &mut self.unknown_countries).map(|r| v.extend(r.map(|r| (line, r))))
            }
            Parsed::Traffic(v) => traffic(&c).map(|r| v.push((line, r))),
            Parsed::Spend(v) => spend(&c).map(|r| v.push((line, r))),
            Parsed::Messages(v) => message(&c, report, self.file).map(|r| v.push((line, r))),
            Parsed::Followers(_) => Ok(()),
        };
        if let Err(why) = result {
            report.warn(self.file, Some(line), format!("row skipped: {why}"));
        }
    }

    /// The rows read, the names left unknown said once.
    pub fn finish(self, report: &mut LoadReport) -> Parsed {
        if self.met == 0 {
            report.warn(
                self.file,
                None,
                "has a header and no rows under it: it gives nothing to the audit",
            );
        }
        let names = |set: BTreeSet<String>| {
            let quoted: Vec<String> = set.into_iter().map(|n| format!("`{n}`")).collect();
            quoted.join(", ")
        };
        if !self.unknown_countries.is_empty() {
            let why = format!(
                "rows of unknown countries skipped: {}",
                names(self.unknown_countries)
            );
            report.warn(self.file, None, why);
        }
        if !self.unknown_types.is_empty() {
            let why = format!("post types read as `other`: {}", names(self.unknown_types));
            report.warn(self.file, None, why);
        }
        self.out
    }
}

fn daily<R: Fields>(c: &Cells<R>) -> Result<DailyRow, Skip> {
    let mut row = DailyRow {
        date: c.date("date")?,
        ..DailyRow::default()
    };
    for (name, slot) in row.metrics_mut() {
        *slot = c.count(name)?;
    }
    if c.cols.dialect == Dialect::Canonical && row.followers.is_none() {
        return Err("the required value `followers` is empty".into());
    }
    Ok(row)
}

fn post<R: Fields>(c: &Cells<R>, unknown: &mut BTreeSet<String>) -> Result<Post, Skip> {
    let id = c.text("post_id");
    let id = c.required("post_id", (!id.is_empty()).then_some(id))?;
    let (published_at, date) = c.required("published_at", c.stamp("published_at")?)?;
    let type_text = lenient::trim(c.raw("type"));
    let type_text = if lenient::is_null(type_text) {
        ""
    } else {
        type_text
    };
    let kind = vocab::post_type(type_text).unwrap_or_else(|| {
        unknown.insert(shorten(type_text));
        PostType::Other
    });
    let paid = match lenient::trim(c.raw("paid")) {
        t if lenient::is_null(t) => None,
        t => Some(vocab::boolean(t).ok_or_else(|| {
            format!(
                "column `{}`: `{}` is neither yes nor no (true or false)",
                c.label("paid"),
                shorten(t)
            )
        })?),
    };
    Ok(Post {
        id,
        published_at,
        date,
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
        paid,
    })
}

fn audience<R: Fields>(
    c: &Cells<R>,
    unknown: &mut BTreeSet<String>,
) -> Result<Option<AudienceRow>, Skip> {
    let segment_text = c.text("segment");
    let segment = Segment::parse(&segment_text.replace(' ', "_")).ok_or_else(|| {
        format!(
            "column `{}`: `{}` is not followers, new_followers or reached",
            c.label("segment"),
            shorten(&segment_text)
        )
    })?;
    let dimension = c.text("dimension").to_lowercase();
    if !matches!(dimension.as_str(), "country" | "city" | "age" | "gender") {
        return Err(format!(
            "column `{}`: `{}` is not country, city, age or gender",
            c.label("dimension"),
            shorten(&dimension)
        ));
    }
    // The value as written: `NA` is Namibia here, not "no value".
    let raw = c.raw("value").trim().to_string();
    let raw = c.required("value", (!raw.is_empty()).then_some(raw))?;
    let value = match dimension.as_str() {
        "country" if raw.len() == 2 && raw.chars().all(|ch| ch.is_ascii_alphabetic()) => {
            raw.to_ascii_uppercase()
        }
        "country" => match countries::code(&raw) {
            Some(code) => code.to_string(),
            None => {
                unknown.insert(shorten(&raw));
                return Ok(None);
            }
        },
        "gender" => vocab::gender(&raw).map_or_else(|| raw.to_lowercase(), str::to_string),
        "age" => vocab::age_bucket(&raw).map_or(raw, str::to_string),
        _ => raw,
    };
    let (share_pct, count) = (c.count("share_pct")?, c.count("count")?);
    if share_pct.is_none() && count.is_none() {
        return Err("neither `share_pct` nor `count` has a value".into());
    }
    Ok(Some(AudienceRow {
        date: c.date("date")?,
        segment,
        dimension,
        value,
        share_pct,
        count,
    }))
}

fn traffic<R: Fields>(c: &Cells<R>) -> Result<TrafficRow, Skip> {
    let seconds = match c.has("avg_session_seconds") {
        true => crate::import::lenient::duration_seconds(c.raw("avg_session_seconds"))
            .map_or_else(|| c.count("avg_session_seconds"), |s| Ok(Some(s)))?,
        false => None,
    };
    Ok(TrafficRow {
        date: c.date("date")?,
        source: c.text("source"),
        sessions: c.required("sessions", c.count("sessions")?)?,
        users: c.count("users")?,
        new_users: c.count("new_users")?,
        bounce_rate_pct: c.count("bounce_rate_pct")?,
        avg_session_seconds: seconds,
        pages_per_session: c.count("pages_per_session")?,
        conversions: c.count("conversions")?,
        leads: c.count("leads")?,
        revenue: c.num("revenue")?,
    })
}

fn spend<R: Fields>(c: &Cells<R>) -> Result<SpendRow, Skip> {
    Ok(SpendRow {
        date: c.date("date")?,
        campaign: c.text("campaign"),
        objective: c.text("objective"),
        amount: c.required("amount", c.count("amount")?)?,
        impressions: c.count("impressions")?,
        reach: c.count("reach")?,
        clicks: c.count("clicks")?,
        leads: c.count("leads")?,
        follows: c.count("follows")?,
    })
}

fn message<R: Fields>(c: &Cells<R>, report: &mut LoadReport, file: &str) -> Result<Message, Skip> {
    let (received_at, date) = c.required("received_at", c.stamp("received_at")?)?;
    let mut answered_at = c.stamp("answered_at")?.map(|(a, _)| a);
    if let Some(a) = answered_at.filter(|a| *a < received_at) {
        // The question was received; an answer dated before it cannot be timed.
        report.warn(
            file,
            Some(c.line),
            format!(
                "`{}` {} is before `{}` {}; the message counts as unanswered",
                c.label("answered_at"),
                a.to_rfc3339(),
                c.label("received_at"),
                received_at.to_rfc3339()
            ),
        );
        answered_at = None;
    }
    Ok(Message {
        received_at,
        date,
        answered_at,
        channel: c.text("channel"),
    })
}
