//! Parsing one cell of the canonical format's dates and time stamps (ISO dates, RFC 3339),
//! quickly: the row builders try these before the platforms' other spellings.
//!
//! Every function answers `Ok(None)` for an empty cell ("no value", never 0) and `Err` with a
//! short description for a cell it cannot read.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// A date `YYYY-MM-DD`.
pub fn date(cell: &str) -> Result<Option<NaiveDate>, String> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .map(Some)
        .ok_or_else(|| format!("`{}` is not a date of the form YYYY-MM-DD", shorten(s)))
}

/// A timestamp resolved in the account's time zone: the instant (with the zone's offset) and
/// the account-local date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stamp {
    pub at: DateTime<FixedOffset>,
    pub date: NaiveDate,
}

const NAIVE_FORMATS: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];

/// An RFC 3339 stamp (`T` or a space, optional fractional seconds, `Z` or `±hh:mm`), converted
/// to `tz`; or a naive `YYYY-MM-DD HH:MM[:SS]`, which is wall time in `tz`.
pub fn timestamp(cell: &str, tz: Tz) -> Result<Option<Stamp>, String> {
    let s = cell.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some((naive, offset)) = fast_stamp(s) {
        return Ok(Some(match offset {
            Some(off) => {
                let local = off
                    .from_local_datetime(&naive)
                    .single()
                    .map(|at| at.with_timezone(&tz))
                    .ok_or_else(|| format!("`{}` is not a valid time", shorten(s)))?;
                Stamp {
                    at: local.fixed_offset(),
                    date: local.date_naive(),
                }
            }
            None => Stamp {
                at: wall_time(naive, tz),
                date: naive.date(),
            },
        }));
    }
    if let Some(at) = with_offset(s) {
        let local = at.with_timezone(&tz);
        return Ok(Some(Stamp {
            at: local.fixed_offset(),
            date: local.date_naive(),
        }));
    }
    for fmt in NAIVE_FORMATS {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            return Ok(Some(Stamp {
                at: wall_time(naive, tz),
                date: naive.date(),
            }));
        }
    }
    Err(format!(
        "`{}` is not a timestamp (RFC 3339 or YYYY-MM-DD HH:MM[:SS])",
        shorten(s)
    ))
}

/// The common shapes, read without trying format after format (a posts file has one stamp a
/// row): `YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH:MM]`. `None` for anything else.
fn fast_stamp(s: &str) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() < 16
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let (h, m) = (num(11..13)?, num(14..16)?);
    let mut i = 16;
    let mut sec = 0;
    let mut nanos = 0;
    if b.get(i) == Some(&b':') {
        sec = num(i + 1..i + 3)?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            if end == start {
                return None;
            }
            let digits = &s[start..end.min(start + 9)];
            nanos = digits.parse::<u32>().ok()? * 10u32.pow(9 - digits.len() as u32);
            i = end;
        }
    }
    let time = chrono::NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?;
    let naive = date.and_time(time);
    let rest = s[i..].trim_start();
    let offset = match rest.as_bytes() {
        [] => None,
        [b'Z'] | [b'z'] => Some(FixedOffset::east_opt(0)?),
        [sign @ (b'+' | b'-'), ..] => {
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let hh: i32 = digits[..2].parse().ok()?;
            let mm: i32 = digits[2..].parse().ok()?;
            let secs = (hh * 3600 + mm * 60) * if *sign == b'-' { -1 } else { 1 };
            Some(FixedOffset::east_opt(secs)?)
        }
        _ => return None,
    };
    Some((naive, offset))
}

fn with_offset(s: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(at);
    }
    let t = s.replacen(' ', "T", 1);
    DateTime::parse_from_rfc3339(&t)
        .ok()
        .or_else(|| DateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M%:z").ok())
        .or_else(|| DateTime::parse_from_str(&t.replace('Z', "+00:00"), "%Y-%m-%dT%H:%M%:z").ok())
}

/// Wall time in `tz` as an instant. An ambiguous time (the hour repeated when clocks go back)
/// is the earlier instant; a time that does not exist (clocks jumped over it) is read with the
/// offset in force just before the jump.
pub fn wall_time(naive: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    match tz.from_local_datetime(&naive).earliest() {
        Some(at) => at.fixed_offset(),
        None => {
            let before = naive - Duration::hours(3);
            let offset = tz
                .from_local_datetime(&before)
                .earliest()
                .map(|at| at.offset().fix())
                .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
            let utc = naive - Duration::seconds(offset.local_minus_utc() as i64);
            tz.from_utc_datetime(&utc).fixed_offset()
        }
    }
}

/// At most 40 characters of a cell, for messages.
pub fn shorten(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() <= 40 {
        clean
    } else {
        let mut out: String = clean.chars().take(39).collect();
        out.push('…');
        out
    }
}

use chrono::Offset;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("2026-10-01"), Ok(Some("2026-10-01".parse().unwrap())));
        assert!(date("2026-02-30").is_err());
        assert!(date("01.10.2026").is_err());
        assert_eq!(date("  "), Ok(None));
    }

    #[test]
    fn a_utc_stamp_moves_to_the_next_day_in_berlin() {
        let s = timestamp("2026-10-31T23:30:00Z", chrono_tz::Europe::Berlin)
            .unwrap()
            .unwrap();
        assert_eq!(s.date, "2026-11-01".parse::<NaiveDate>().unwrap());
        assert_eq!(s.at.to_rfc3339(), "2026-11-01T00:30:00+01:00");
    }

    #[test]
    fn stamps_with_a_space_fraction_or_offset() {
        let tz = chrono_tz::UTC;
        for s in [
            "2026-10-01 10:00:00+02:00",
            "2026-10-01T10:00:00.123+02:00",
            "2026-10-01T08:00:00Z",
            "2026-10-01 08:00Z",
        ] {
            let st = timestamp(s, tz).unwrap().unwrap();
            assert_eq!(st.at.timestamp() / 60, 1_790_841_600 / 60, "{s}");
        }
    }

    #[test]
    fn naive_stamps_are_wall_time() {
        let tz = chrono_tz::Europe::Berlin;
        let a = timestamp("2026-03-29 01:30", tz).unwrap().unwrap();
        let b = timestamp("2026-03-29 03:30:00", tz).unwrap().unwrap();
        assert_eq!((b.at - a.at).num_minutes(), 60);
        // 02:30 does not exist that night: read with the offset before the jump.
        let gap = timestamp("2026-03-29 02:30", tz).unwrap().unwrap();
        assert_eq!((gap.at - a.at).num_minutes(), 60);
        assert!(timestamp("yesterday", tz).is_err());
    }
}
