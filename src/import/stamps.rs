//! Publication times in the account's zone, and post ids kept as text, shared by the platform
//! importers (X, TikTok, YouTube, LinkedIn, the `[[mapping]]` files).

use crate::import::cells;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// An instant given in UTC, in the account's zone, with its local date.
pub fn from_utc(naive: NaiveDateTime, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    let local = Utc.from_utc_datetime(&naive).with_timezone(&tz);
    (local.fixed_offset(), local.date_naive())
}

/// Wall time in the account's zone, with its date.
pub fn from_wall(naive: NaiveDateTime, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    (cells::wall_time(naive, tz), naive.date())
}

/// A stamp that is UTC (`utc`) or wall time, in the account's zone, with its date.
pub fn from_either(naive: NaiveDateTime, utc: bool, tz: Tz) -> (DateTime<FixedOffset>, NaiveDate) {
    if utc {
        from_utc(naive, tz)
    } else {
        from_wall(naive, tz)
    }
}

/// The time a post's id encodes (UTC), used when it falls within a day of the date the
/// export shows (a date-only export gets its time of day from the id); else midnight of
/// that date, wall time.
pub fn day_with_id_time(
    date: NaiveDate,
    id_time: Option<NaiveDateTime>,
    tz: Tz,
) -> (DateTime<FixedOffset>, NaiveDate) {
    if let Some(at) = id_time.map(|t| from_utc(t, tz)) {
        if (at.1 - date).num_days().abs() <= 1 {
            return at;
        }
    }
    from_wall(date.and_hms_opt(0, 0, 0).unwrap_or_default(), tz)
}

/// The last path part of a link when it is all digits (`…/status/123`, `…/video/123?x=1`).
pub fn numeric_tail(link: &str) -> Option<String> {
    let path = link.trim().split(['?', '#']).next()?.trim_end_matches('/');
    let tail = path.rsplit('/').next()?;
    (!tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit())).then(|| tail.to_string())
}

/// An id kept as text: all digits (an Excel text guard `'` dropped), else `None` (an id that
/// Excel turned into `1.09112E+18` is lost and must come from the link).
pub fn digits(id: &str) -> Option<String> {
    let id = id.trim().trim_start_matches('\'');
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_string())
}

/// Seconds since the epoch as a UTC time.
pub fn epoch(secs: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(secs, 0).map(|d| d.naive_utc())
}
