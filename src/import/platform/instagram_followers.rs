//! Instagram "Download your information" follower list (`connections/followers_and_following/
//! followers_1.json`; older exports `relationships_followers` in an object): every current
//! follower with the moment they followed, in `string_list_data: [{ href, value, timestamp }]`.
//!
//! The list is kept (a spike's finding names who arrived in it) and turned into daily follows
//! (how many of today's followers followed on each day, in the account's zone); those follows
//! are of followers who still follow (those who left are not in the list).

use super::{Ctx, Format, Reader};
use crate::import::canonical::Parsed;
use crate::import::ImportError;
use crate::model::DailyRow;
use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeMap;

pub(super) const FORMATS: &[&Format] = &[&FOLLOWERS];

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    title: String,
    #[serde(default)]
    string_list_data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    href: String,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    timestamp: Option<i64>,
}

#[derive(Deserialize)]
struct Wrapped {
    relationships_followers: Vec<Entry>,
}

/// One follower: the username and when they followed (unix seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Follower {
    pub username: String,
    pub timestamp: i64,
}

/// The text after a BOM and leading white space.
fn body(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

pub const FOLLOWERS: Format = Format {
    name: "instagram/followers-list",
    recognition:
        "a JSON file that is a list of entries with `string_list_data` (`followers_1.json`) or an \
     object with `relationships_followers`; not the following list (`following.json`, \
     `relationships_following`)",
    download:
        "Instagram → Settings → Accounts Center → Your information and permissions → Download \
     your information → Followers and following → JSON",
    undated_audience: false,
    reader: Reader::Bytes(
        |bytes, file| {
            let b = body(bytes);
            let head = &b[..b.len().min(4096)];
            let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
            let name = file.to_lowercase();
            match b.first() {
                Some(b'[') => has(b"\"string_list_data\"") && !name.contains("following"),
                Some(b'{') => has(b"\"relationships_followers\""),
                _ => false,
            }
        },
        read_followers,
    ),
};

fn read_followers(bytes: &[u8], ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let followers = parse(bytes)
        .map_err(|e| ctx.error(format!("is not a readable Instagram follower list ({e})")))?;
    let (mut followers, without_time) = followers;
    // A follow time before the platforms or after the export is not a follow: left out
    // before the days between the first and the last follow are laid out.
    let last = ctx.today.succ_opt().unwrap_or(ctx.today);
    let day = |f: &Follower| {
        DateTime::from_timestamp(f.timestamp, 0).map(|t| t.with_timezone(&ctx.tz).date_naive())
    };
    let before = followers.len();
    followers.retain(|f| {
        day(f).is_some_and(|d| d >= crate::import::plausible::first_day() && d <= last)
    });
    if followers.len() < before {
        ctx.warn(
            None,
            format!(
                "{} of the listed followers have a follow time before 2004 or after tomorrow \
                 ({last}); they are left out",
                before - followers.len()
            ),
        );
    }
    if without_time > 0 {
        ctx.warn(
            None,
            format!(
                "{without_time} of the listed followers have no follow time and are left out \
                 of the daily follows"
            ),
        );
    }
    let list = followers
        .iter()
        .filter_map(|f| {
            let at = DateTime::from_timestamp(f.timestamp, 0)?.with_timezone(&ctx.tz);
            Some((
                0,
                crate::model::Follower {
                    username: f.username.clone(),
                    followed_at: at.fixed_offset(),
                    date: at.date_naive(),
                },
            ))
        })
        .collect();
    Ok(vec![
        Parsed::Daily(daily_follows(&followers, ctx.tz)),
        Parsed::Followers(list),
    ])
}

/// The followers with a follow time, and how many entries had none.
pub fn parse(bytes: &[u8]) -> Result<(Vec<Follower>, usize), serde_json::Error> {
    let b = body(bytes);
    let entries: Vec<Entry> = if b.first() == Some(&b'{') {
        serde_json::from_slice::<Wrapped>(b)?.relationships_followers
    } else {
        serde_json::from_slice(b)?
    };
    let mut out = Vec::with_capacity(entries.len());
    let mut without_time = 0;
    for e in entries {
        let item = e.string_list_data.into_iter().next();
        let username = item
            .as_ref()
            .and_then(|i| i.value.clone())
            .filter(|v| !v.trim().is_empty())
            .or_else(|| (!e.title.trim().is_empty()).then(|| e.title.clone()))
            .or_else(|| {
                let href = item.as_ref()?.href.trim_end_matches('/');
                href.rsplit('/').next().map(str::to_string)
            })
            .unwrap_or_default();
        match item.and_then(|i| i.timestamp).filter(|t| *t > 0) {
            Some(timestamp) => out.push(Follower {
                username,
                timestamp,
            }),
            None => without_time += 1,
        }
    }
    Ok((out, without_time))
}

/// One patch per day from the first follow to the last, `follows` = how many of the listed
/// followers followed that day in `tz` (0 on days none did).
pub fn daily_follows(followers: &[Follower], tz: chrono_tz::Tz) -> Vec<(u64, DailyRow)> {
    let mut per_day: BTreeMap<NaiveDate, f64> = BTreeMap::new();
    for f in followers {
        if let Some(at) = DateTime::from_timestamp(f.timestamp, 0) {
            *per_day
                .entry(at.with_timezone(&tz).date_naive())
                .or_default() += 1.0;
        }
    }
    let (Some(first), Some(last)) = (
        per_day.keys().next().copied(),
        per_day.keys().last().copied(),
    ) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| {
            let row = DailyRow {
                date,
                follows: Some(per_day.get(&date).copied().unwrap_or(0.0)),
                ..DailyRow::default()
            };
            (0, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{load_files, ImportError, LoadOptions, Loaded, SourceFile};
    use crate::model::AuditConfig;
    use chrono_tz::Tz;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn try_load(name: &str, text: &str, tz: Tz, today: &str) -> Result<Loaded, ImportError> {
        let files = vec![SourceFile::new(name, text)];
        let options = LoadOptions::new(tz, d(today));
        load_files(files, AuditConfig::default(), options, "t")
    }

    // 2026-10-01 21:30 UTC is 23:30 in Berlin, 2026-10-01 22:30 UTC is 00:30 on the 2nd.
    const LIST: &str = r#"[
  {"title": "", "media_list_data": [], "string_list_data": [
    {"href": "https://www.instagram.com/anna.k", "value": "anna.k", "timestamp": 1790890200}]},
  {"title": "", "media_list_data": [], "string_list_data": [
    {"href": "https://www.instagram.com/user83726151", "value": "user83726151", "timestamp": 1790893800}]},
  {"title": "", "media_list_data": [], "string_list_data": [
    {"href": "https://www.instagram.com/qxzvbnm", "value": "qxzvbnm", "timestamp": 1790897400}]},
  {"title": "bob", "string_list_data": [{"href": "https://www.instagram.com/_u/bob", "timestamp": 1791072000}]},
  {"title": "", "string_list_data": [{"href": "https://www.instagram.com/nobody"}]}
]"#;

    #[test]
    fn daily_follows_are_rebuilt_in_the_account_zone() {
        let tz = chrono_tz::Europe::Berlin;
        let l = try_load("followers_1.json", LIST, tz, "2026-11-01").unwrap();
        assert_eq!(l.report.sources[0].format, "instagram/followers-list");
        assert_eq!(
            l.account
                .daily
                .values()
                .map(|r| (r.date, r.follows))
                .collect::<Vec<_>>(),
            [
                (d("2026-10-01"), Some(1.0)),
                (d("2026-10-02"), Some(2.0)),
                (d("2026-10-03"), Some(0.0)),
                (d("2026-10-04"), Some(1.0)),
            ]
        );
        assert!(l.account.daily.values().all(|r| r.followers.is_none()));
        assert_eq!(l.report.warnings.len(), 1);
        assert!(l.report.warnings[0]
            .message
            .starts_with("1 of the listed followers have no follow time"));
    }

    #[test]
    fn usernames_come_from_value_title_or_link() {
        let (list, without) = parse(LIST.as_bytes()).unwrap();
        let names: Vec<&str> = list.iter().map(|f| f.username.as_str()).collect();
        assert_eq!(names, ["anna.k", "user83726151", "qxzvbnm", "bob"]);
        assert_eq!((list[0].timestamp, without), (1790890200, 1));
    }

    #[test]
    fn the_older_wrapped_shape_and_what_is_not_a_follower_list() {
        let wrapped = format!("\u{feff}{{\"relationships_followers\": {LIST}}}");
        assert!(FOLLOWERS.claims_bytes(wrapped.as_bytes(), "followers.json"));
        assert_eq!(parse(wrapped.as_bytes()).unwrap().0.len(), 4);
        let following = format!("{{\"relationships_following\": {LIST}}}");
        assert!(!FOLLOWERS.claims_bytes(following.as_bytes(), "following.json"));
        assert!(!FOLLOWERS.claims_bytes(LIST.as_bytes(), "following.json"));
        assert!(!FOLLOWERS.claims_bytes(b"date,followers\n", "daily.csv"));
        assert!(!FOLLOWERS.claims_bytes(b"[1, 2, 3]", "numbers.json"));
    }

    #[test]
    fn a_broken_list_is_one_error() {
        let broken = &LIST[..200];
        let err = try_load("followers_1.json", broken, chrono_tz::UTC, "2026-11-01")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("followers_1.json: is not a readable Instagram follower list"),
            "{err}"
        );
    }
}
