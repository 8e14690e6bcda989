//! Cell helpers shared by the Meta and the legacy Facebook importers: totals rows, dated rows,
//! post types, publication times, age buckets and genders.

use crate::import::cells;
use crate::import::lenient;
use crate::import::platform::cells::{is_one_of, quoted, Col};
use crate::import::platform::{stamps, Ctx};
use crate::import::table::Row;
use crate::model::PostType;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

/// Whether a label cell marks a totals row (dropped silently).
pub fn is_totals(cell: &str) -> bool {
    is_one_of(
        cell,
        &[
            "total",
            "totals",
            "grand total",
            "итого",
            "итого и средние",
            "итоговое значение",
        ],
    )
}

/// The rows with a day in the `date` column (`M/D/Y`, or `D/M/Y` where the column says so), in
/// file order: a totals row is dropped, a row whose cell is not a date skipped with a warning.
pub fn dated<'r>(rows: &[&'r Row], date: &Col, ctx: &mut Ctx) -> Vec<(&'r Row, NaiveDate)> {
    let day_first = day_first(rows.iter().map(|r| date.raw(r)));
    let mut out = Vec::new();
    for row in rows {
        let cell = date.raw(row);
        if is_totals(cell) {
            continue;
        }
        match self::date(cell, day_first) {
            Some(d) => out.push((*row, d)),
            None => {
                let shown = cells::shorten(cell.trim());
                ctx.warn(
                    Some(row.line),
                    format!("row skipped: `{shown}` is not a date"),
                );
            }
        }
    }
    out
}

/// The model's post type for Meta's and Facebook's names (`Photos`, `IG reel`, `Carousel
/// album`, `Status`, ...); anything else is `other`.
pub fn post_type(s: &str) -> PostType {
    let t = s.trim().to_lowercase();
    let has = |w: &str| t.contains(w);
    if has("carousel") || has("album") {
        PostType::Carousel
    } else if has("reel") {
        PostType::Reel
    } else if has("stor") {
        PostType::Story
    } else if has("video") {
        PostType::Video
    } else if has("photo") || has("image") {
        PostType::Photo
    } else if has("link") {
        PostType::Link
    } else if has("text") || has("status") {
        PostType::Text
    } else {
        PostType::Other
    }
}

/// Whether a column of `M/D/Y` or `D/M/Y` dates writes the day first (some first number above
/// 12, none of the second numbers above 12): an Excel re-save in a day-first locale.
pub fn day_first<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    lenient::day_month(cells) == lenient::DayMonth::DayFirst
}

/// A stamp as Meta and Facebook write it (`03/18/2025 12:59`, `02/19/2015 11:45:22 PM`, ISO),
/// with a two-digit year read as 20xx; `true` when it is UTC.
pub fn datetime(cell: &str, day_first: bool) -> Option<(NaiveDateTime, bool)> {
    let s = cell.trim();
    let order = if day_first {
        lenient::DayMonth::DayFirst
    } else {
        lenient::DayMonth::Unknown
    };
    let parsed = lenient::datetime_in(s, order);
    parsed.map(|(d, utc)| (two_digit_year(d), utc))
}

/// A date (the date part of a stamp), with a two-digit year read as 20xx.
pub fn date(cell: &str, day_first: bool) -> Option<NaiveDate> {
    if day_first || cell.contains('/') {
        return datetime(cell, day_first).map(|(d, _)| d.date());
    }
    lenient::date(cell).map(|d| two_digit_year(d.and_hms_opt(0, 0, 0).unwrap_or_default()).date())
}

fn two_digit_year(d: NaiveDateTime) -> NaiveDateTime {
    if d.year() < 100 {
        d.with_year(d.year() + 2000).unwrap_or(d)
    } else {
        d
    }
}

/// A publication time in the account's zone, and its local date: a naive stamp is wall time in
/// `tz`, a UTC stamp is converted.
pub fn published(naive: NaiveDateTime, utc: bool, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    if utc {
        return stamps::from_utc(naive, tz);
    }
    let at = cells::wall_time(naive, tz);
    (at, at.date_naive())
}

/// The publication time of a `column` cell (see `datetime` and `published`); the error names
/// the column.
pub fn published_cell(
    cell: &str,
    column: &str,
    day_first: bool,
    tz: Tz,
) -> Result<(DateTime<FixedOffset>, NaiveDate), String> {
    let (naive, utc) = datetime(cell, day_first).ok_or_else(|| {
        format!(
            "`{column}` `{}` is not a date and time",
            cells::shorten(cell)
        )
    })?;
    Ok(published(naive, utc, tz))
}

/// The model's age bucket for a label such as `18-24`, `18–24`, `65+`.
pub fn age_bucket(label: &str) -> Option<&'static str> {
    let l: String = label
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
        .collect();
    ["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
        .into_iter()
        .find(|b| *b == l)
}

/// The model's gender for a column name or code (`Women`, `Men`, `F`, `M`, `U`).
pub fn gender(label: &str) -> Option<&'static str> {
    match label.trim().to_lowercase().as_str() {
        "women" | "woman" | "female" | "females" | "f" | "frauen" | "femmes" | "mujeres"
        | "женщины" => Some("female"),
        "men" | "man" | "male" | "males" | "m" | "männer" | "hommes" | "hombres" | "мужчины" => {
            Some("male")
        }
        "u" | "unknown" | "other" | "others" | "unspecified" | "not specified" | "undisclosed" => {
            Some("other")
        }
        _ => None,
    }
}

/// Capitalise words again in a name that reached us lower-cased (header names are
/// normalised): `tyresö, stockholm county, sweden` → `Tyresö, Stockholm County, Sweden`.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = !(c.is_alphanumeric() || c == '\'');
    }
    out
}

/// Names for a message, each shortened and in backticks: `` `a`, `b` ``.
pub fn list(names: &[String]) -> String {
    quoted(names.iter().map(|n| cells::shorten(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(post_type("Photos"), PostType::Photo);
        assert_eq!(post_type("IG carousel"), PostType::Carousel);
        assert_eq!(post_type("Carousel album"), PostType::Carousel);
        assert_eq!(post_type("Reels"), PostType::Reel);
        assert_eq!(post_type("IG story"), PostType::Story);
        assert_eq!(post_type("Stories"), PostType::Story);
        assert_eq!(post_type("Status"), PostType::Text);
        assert_eq!(post_type("Links"), PostType::Link);
        assert_eq!(post_type(""), PostType::Other);
        assert_eq!(age_bucket("18–24"), Some("18-24"));
        assert_eq!(age_bucket("65 +"), Some("65+"));
        assert_eq!(age_bucket("Unknown"), None);
        assert_eq!(gender("Women"), Some("female"));
        assert_eq!(
            title_case("tyresö, stockholm county, sweden"),
            "Tyresö, Stockholm County, Sweden"
        );
        assert!(day_first(
            ["18/03/2025 12:59", "01/04/2025 10:00"].into_iter()
        ));
        assert!(!day_first(["03/18/2025 12:59"].into_iter()));
        let (d, _) = datetime("18/03/2025 12:59", true).unwrap();
        assert_eq!(d.to_string(), "2025-03-18 12:59:00");
        assert_eq!(date("8/24/14", false), "2014-08-24".parse().ok());
        assert_eq!(
            date("2025-01-01T01:00:00", false),
            "2025-01-01".parse().ok()
        );
        assert!(is_totals(" Total "));
    }
}
