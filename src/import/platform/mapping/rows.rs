//! The rows of a mapped file, parsed as the canonical importer parses its kind, but leniently:
//! numbers per column (`lenient::decide`), dates in the entry's `date_format` or any known
//! format, rates and shares as fractions or percents (decided per column: a column with a `%`
//! or a value above 1 is in percent), totals rows dropped, and country names turned into codes.

use super::{Column, Plan};
use crate::import::canonical::{Kind, Parsed};
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::platform::cells::{self, cell};
use crate::import::platform::traffic::Numbers;
use crate::import::platform::{countries, ga4::social, stamps, Ctx};
use crate::import::table::{Row, Table};
use crate::model::{
    AudienceRow, DailyRow, Field, Message, Post, PostType, Segment, SpendRow, TrafficRow,
};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// Columns read as a fraction or a percent.
const RATES: &[&str] = &["share_pct", "bounce_rate_pct"];

type Skip = String;

/// Cell access for one row by canonical column.
struct Cells<'a> {
    plan: &'a Plan,
    row: &'a Row,
    /// The order of day and month of each column's slash dates.
    orders: &'a [lenient::DayMonth],
    numbers: &'a Numbers<'a>,
    percent: &'a [bool],
    tz: Tz,
}

impl<'a> Cells<'a> {
    fn col(&self, name: &str) -> Option<&'a Column> {
        self.plan.column(name)
    }

    fn raw(&self, name: &str) -> &'a str {
        cell(self.row, self.col(name).map(|c| c.index))
    }

    fn text(&self, name: &str) -> String {
        let t = self.raw(name).trim();
        if lenient::is_null(t) {
            String::new()
        } else {
            t.to_string()
        }
    }

    fn num(&self, name: &str) -> Result<Option<f64>, Skip> {
        let Some(c) = self.col(name) else {
            return Ok(None);
        };
        let cell = self
            .raw(name)
            .trim()
            .trim_start_matches(['$', '€', '£', '₽', '¥']);
        let cell = cell
            .trim_end_matches(['$', '€', '£', '₽', '¥'])
            .trim_end_matches("руб.");
        let v = lenient::number(cell, self.numbers.style(c.index))
            .map_err(|e| format!("column `{}`: {e}", c.file_name))?;
        let scale = RATES.contains(&name) && !self.percent[c.index];
        Ok(v.map(|v| if scale { v * 100.0 } else { v }))
    }

    fn count(&self, name: &str) -> Result<Option<f64>, Skip> {
        match self.num(name)? {
            Some(v) if v < 0.0 => Err(format!(
                "column `{}`: `{v}` is negative",
                self.col(name).map_or(name, |c| &c.file_name)
            )),
            v => Ok(v),
        }
    }

    fn field(&self, name: &str) -> Result<Field, Skip> {
        Ok(Field::from_option(
            self.col(name).is_some(),
            self.count(name)?,
        ))
    }

    fn required<T>(&self, name: &str, v: Option<T>) -> Result<T, Skip> {
        v.ok_or_else(|| {
            format!(
                "the `{}` value is empty",
                self.col(name).map_or(name, |c| &c.file_name)
            )
        })
    }

    fn naive(&self, name: &str) -> Result<Option<(NaiveDateTime, bool)>, Skip> {
        let raw = self.raw(name).trim();
        if lenient::is_null(raw) {
            return Ok(None);
        }
        let parsed = match &self.plan.date_format {
            Some(f) => NaiveDateTime::parse_from_str(raw, f)
                .ok()
                .or_else(|| {
                    NaiveDate::parse_from_str(raw, f)
                        .ok()
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                })
                .map(|t| (t, false)),
            None => {
                let order = self
                    .col(name)
                    .and_then(|c| self.orders.get(c.index))
                    .copied()
                    .unwrap_or(lenient::DayMonth::Unknown);
                lenient::datetime_in(raw, order)
            }
        };
        let file_col = self.col(name).map_or(name, |c| &c.file_name);
        parsed
            .map(Some)
            .ok_or_else(|| match &self.plan.date_format {
                Some(f) => format!(
                    "column `{file_col}`: `{}` is not a date in the format `{f}`",
                    shorten(raw)
                ),
                None => format!("column `{file_col}`: `{}` is not a date", shorten(raw)),
            })
    }

    fn date(&self, name: &str) -> Result<NaiveDate, Skip> {
        let d = self.naive(name)?.map(|(t, _)| t.date());
        self.required(name, d)
    }

    /// A stamp in the account's zone: a naive time is wall time there, a UTC one converted.
    fn stamp(&self, name: &str) -> Result<Option<(DateTime<FixedOffset>, NaiveDate)>, Skip> {
        Ok(self
            .naive(name)?
            .map(|(t, utc)| stamps::from_either(t, utc, self.tz)))
    }
}

/// Parse every row of a mapped table as its plan's kind.
pub fn parse(plan: &Plan, table: &Table, ctx: &mut Ctx) -> Parsed {
    let numbers = Numbers::new(table, |_| true);
    let percent: Vec<bool> = (0..table.headers.len())
        .map(|i| numbers.in_percent(Some(i)))
        .collect();
    let mut unknown_countries = BTreeSet::new();
    let mut unknown_types = BTreeSet::new();
    let orders = date_orders(plan, table, ctx);
    let rows: Vec<&Row> = table
        .rows
        .iter()
        .filter(|r| {
            let first = r.cells.iter().find(|c| !c.trim().is_empty());
            !first.is_some_and(|f| cells::is_one_of(f, cells::TOTALS))
        })
        .collect();
    macro_rules! each {
        ($variant:ident, $f:expr) => {{
            let mut out = Vec::new();
            for row in &rows {
                if let Some(why) = cells::short_row(table, row) {
                    ctx.warn(Some(row.line), why);
                    continue;
                }
                let c = Cells {
                    plan,
                    row,
                    orders: &orders,
                    numbers: &numbers,
                    percent: &percent,
                    tz: ctx.tz,
                };
                match $f(&c) {
                    Ok(Some(v)) => out.push((row.line, v)),
                    Ok(None) => {}
                    Err(why) => ctx.warn(Some(row.line), format!("row skipped: {why}")),
                }
            }
            Parsed::$variant(out)
        }};
    }
    let parsed = match plan.kind {
        Kind::Daily => each!(Daily, |c: &Cells| daily(c).map(Some)),
        Kind::Posts => each!(Posts, |c: &Cells| post(c, &mut unknown_types).map(Some)),
        Kind::Audience => each!(Audience, |c: &Cells| audience(c, &mut unknown_countries)),
        Kind::Traffic => each!(Traffic, |c: &Cells| traffic(c).map(Some)),
        Kind::Spend => each!(Spend, |c: &Cells| spend(c).map(Some)),
        Kind::Messages => each!(Messages, |c: &Cells| message(c).map(Some)),
    };
    if !unknown_countries.is_empty() {
        let names = cells::quoted(unknown_countries);
        ctx.warn(None, format!("rows of unknown countries skipped: {names}"));
    }
    if !unknown_types.is_empty() {
        let names = cells::quoted(unknown_types);
        ctx.warn(None, format!("post types read as `other`: {names}"));
    }
    parsed
}

/// The order of day and month in each column, decided from all its cells; a date column whose
/// slash dates do not tell, or tell both ways, is named in a warning (`date_format` settles it).
fn date_orders(plan: &Plan, table: &Table, ctx: &mut Ctx) -> Vec<lenient::DayMonth> {
    use lenient::DayMonth;
    let orders: Vec<DayMonth> = (0..table.headers.len())
        .map(|i| lenient::day_month(table.rows.iter().map(|r| cell(r, Some(i)))))
        .collect();
    if plan.date_format.is_some() {
        return orders;
    }
    for c in &plan.columns {
        if !matches!(
            c.canonical.as_str(),
            "date" | "published_at" | "received_at" | "answered_at"
        ) {
            continue;
        }
        let slashes = table
            .rows
            .iter()
            .any(|r| cell(r, Some(c.index)).matches('/').count() == 2);
        let col = &c.file_name;
        match orders.get(c.index) {
            Some(DayMonth::Unknown) if slashes => ctx.warn(
                None,
                format!("column `{col}`: no date in it shows whether the day or the month comes first; they are read month/day (set date_format = \"%d/%m/%Y\" in the [[mapping]] if the day comes first)"),
            ),
            Some(DayMonth::Mixed) => ctx.warn(
                None,
                format!("column `{col}`: some dates put the day first and others the month; dates that fit neither are skipped (set date_format in the [[mapping]])"),
            ),
            _ => {}
        }
    }
    orders
}

fn daily(c: &Cells) -> Result<DailyRow, Skip> {
    Ok(DailyRow {
        date: c.date("date")?,
        followers: c.count("followers")?,
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

fn post_type(s: &str) -> Option<PostType> {
    let s = s.trim().to_lowercase();
    PostType::parse(&s).or(match s.as_str() {
        "image" | "picture" | "фото" | "изображение" | "картинка" => {
            Some(PostType::Photo)
        }
        "видео" | "clip" | "клип" => Some(PostType::Video),
        "reels" | "short" | "shorts" | "рилс" => Some(PostType::Reel),
        "stories" | "история" | "истории" | "сторис" => Some(PostType::Story),
        "album" | "gallery" | "альбом" | "карусель" => Some(PostType::Carousel),
        "текст" | "status" => Some(PostType::Text),
        "ссылка" | "article" | "статья" => Some(PostType::Link),
        "" => Some(PostType::Other),
        _ => None,
    })
}

fn boolean(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "true" | "yes" | "1" | "да" | "paid" | "sponsored" | "реклама" | "промо" => {
            Some(true)
        }
        "false" | "no" | "0" | "нет" | "organic" => Some(false),
        _ => None,
    }
}

fn post(c: &Cells, unknown: &mut BTreeSet<String>) -> Result<Post, Skip> {
    let id = c.text("post_id");
    let id = c.required("post_id", (!id.is_empty()).then_some(id))?;
    let (published_at, date) = c.required("published_at", c.stamp("published_at")?)?;
    let type_text = c.text("type");
    let kind = post_type(&type_text).unwrap_or_else(|| {
        unknown.insert(shorten(&type_text));
        PostType::Other
    });
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
        paid: boolean(c.raw("paid")),
    })
}

fn gender(s: &str) -> String {
    match s.trim().to_lowercase().as_str() {
        "f" | "female" | "women" | "woman" | "ж" | "женщины" | "женский" | "жен" => {
            "female".into()
        }
        "m" | "male" | "men" | "man" | "м" | "мужчины" | "мужской" | "муж" => {
            "male".into()
        }
        "other" | "u" | "unknown" | "другое" | "не указан" => "other".into(),
        other => other.to_string(),
    }
}

fn age(s: &str) -> String {
    let s = s.trim().replace(['–', '—'], "-").replace(' ', "");
    match s.as_str() {
        "65andover" | "65+" | "от65" | "старше65" | ">65" => "65+".into(),
        _ => s,
    }
}

fn audience(c: &Cells, unknown: &mut BTreeSet<String>) -> Result<Option<AudienceRow>, Skip> {
    let segment_text = c.text("segment");
    let segment = Segment::parse(&segment_text.replace(' ', "_")).ok_or_else(|| {
        format!(
            "`{}` is not followers, new_followers or reached",
            shorten(&segment_text)
        )
    })?;
    let dimension = c.text("dimension").to_lowercase();
    if !matches!(dimension.as_str(), "country" | "city" | "age" | "gender") {
        return Err(format!(
            "`{}` is not country, city, age or gender",
            shorten(&dimension)
        ));
    }
    let raw = c.text("value");
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
        "gender" => gender(&raw),
        "age" => age(&raw),
        _ => raw,
    };
    let (share_pct, count) = (c.count("share_pct")?, c.count("count")?);
    if share_pct.is_none() && count.is_none() {
        return Err("neither the share nor the count has a value".into());
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

fn traffic(c: &Cells) -> Result<TrafficRow, Skip> {
    let seconds = match c.col("avg_session_seconds") {
        Some(col) => social::seconds(c.raw("avg_session_seconds"), c.numbers.style(col.index))
            .map_err(|e| format!("column `{}`: {e}", col.file_name))?,
        None => None,
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

fn spend(c: &Cells) -> Result<SpendRow, Skip> {
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

fn message(c: &Cells) -> Result<Message, Skip> {
    let (received_at, date) = c.required("received_at", c.stamp("received_at")?)?;
    // An answer dated before the question cannot be timed: the message counts as unanswered.
    let answered_at = c
        .stamp("answered_at")?
        .map(|(a, _)| a)
        .filter(|a| *a >= received_at);
    Ok(Message {
        received_at,
        date,
        answered_at,
        channel: c.text("channel"),
    })
}
