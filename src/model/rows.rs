//! The rows of the account's series, one type per canonical file.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use std::fmt;

/// A cell of an engagement column: the column may be absent from the source altogether,
/// present but empty, or hold a number. kpis.md treats the first as 0 inside `engagements`
/// (the platform does not give it) and the second as "no value".
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Field {
    #[default]
    NotGiven,
    Empty,
    Value(f64),
}

impl Field {
    /// The number, if the cell has one.
    pub fn value(self) -> Option<f64> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value as a component of a sum: a column the source does not have counts 0.
    pub fn as_component(self) -> Option<f64> {
        match self {
            Field::NotGiven => Some(0.0),
            Field::Empty => None,
            Field::Value(v) => Some(v),
        }
    }

    pub fn from_option(column_given: bool, v: Option<f64>) -> Field {
        match (column_given, v) {
            (false, _) => Field::NotGiven,
            (true, None) => Field::Empty,
            (true, Some(v)) => Field::Value(v),
        }
    }
}

/// The figures of a day, listed once: the struct, the canonical columns, the row builders, the
/// merge of platform patches, the plausibility checks and the load report all go through it.
macro_rules! daily_metrics {
    ($( $(#[$doc:meta])* $field:ident => $label:literal; )*) => {
        /// End-of-day values of one day.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct DailyRow {
            pub date: NaiveDate,
            $( $(#[$doc])* pub $field: Option<f64>, )*
        }

        impl DailyRow {
            /// Each figure's canonical column name, in column order.
            pub const METRICS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Each figure with its column name and a label for people.
            pub fn metrics(&self) -> [(&'static str, &'static str, Option<f64>); DailyRow::METRICS.len()] {
                [$((stringify!($field), $label, self.$field)),*]
            }

            /// Each figure's slot, with its column name.
            pub fn metrics_mut(&mut self) -> [(&'static str, &mut Option<f64>); DailyRow::METRICS.len()] {
                [$((stringify!($field), &mut self.$field)),*]
            }
        }
    };
}

daily_metrics! {
    /// End-of-day follower count. The canonical `daily.csv` requires it; a platform export
    /// may give a day's reach or follows without the count.
    followers => "followers";
    follows => "follows";
    unfollows => "unfollows";
    reach => "reach";
    reach_paid => "paid reach";
    reach_organic => "organic reach";
    impressions => "impressions";
    profile_visits => "profile visits";
    website_clicks => "website clicks";
}

impl DailyRow {
    /// Write the figures `patch` gives over this day's; whether one of them differed.
    pub fn overlay(&mut self, patch: &DailyRow) -> bool {
        let mut differed = false;
        for ((_, slot), (_, _, v)) in self.metrics_mut().into_iter().zip(patch.metrics()) {
            if let Some(v) = v {
                differed |= slot.is_some_and(|old| old != v);
                *slot = Some(v);
            }
        }
        differed
    }
}

/// The kind of a publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PostType {
    Photo,
    Video,
    Reel,
    Story,
    Carousel,
    Text,
    Link,
    #[default]
    Other,
}

impl PostType {
    pub const ALL: [PostType; 8] = [
        PostType::Photo,
        PostType::Video,
        PostType::Reel,
        PostType::Story,
        PostType::Carousel,
        PostType::Text,
        PostType::Link,
        PostType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PostType::Photo => "photo",
            PostType::Video => "video",
            PostType::Reel => "reel",
            PostType::Story => "story",
            PostType::Carousel => "carousel",
            PostType::Text => "text",
            PostType::Link => "link",
            PostType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<PostType> {
        let s = s.trim();
        PostType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for PostType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One publication with its lifetime numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    /// A string: real ids exceed 2^53.
    pub id: String,
    /// Publication time, in the account's time zone.
    pub published_at: DateTime<FixedOffset>,
    /// The account-local date of publication (what assigns the post to a period).
    pub date: NaiveDate,
    pub kind: PostType,
    pub caption: String,
    pub permalink: String,
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub likes: Field,
    pub comments: Field,
    pub shares: Field,
    pub saves: Field,
    pub clicks: Option<f64>,
    pub paid: Option<bool>,
}

#[cfg(test)]
impl Post {
    /// A photo post published at `at` (RFC 3339) with no numbers and no text, for tests to
    /// fill in what they need.
    pub fn blank(id: &str, at: &str) -> Post {
        let published_at = chrono::DateTime::parse_from_rfc3339(at).expect("an RFC 3339 stamp");
        Post {
            id: id.into(),
            published_at,
            date: published_at.date_naive(),
            kind: PostType::Photo,
            caption: String::new(),
            permalink: String::new(),
            reach: None,
            impressions: None,
            likes: Field::NotGiven,
            comments: Field::NotGiven,
            shares: Field::NotGiven,
            saves: Field::NotGiven,
            clicks: None,
            paid: None,
        }
    }
}

impl Post {
    /// `likes + comments + shares`; a component the source lacks counts 0, an empty cell makes
    /// the whole "no value" (kpis.md, "Engagement").
    pub fn engagements(&self) -> Option<f64> {
        if [self.likes, self.comments, self.shares]
            .iter()
            .all(|f| *f == Field::NotGiven)
        {
            return None;
        }
        Some(
            self.likes.as_component()?
                + self.comments.as_component()?
                + self.shares.as_component()?,
        )
    }
}

/// Who an audience snapshot describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Followers,
    NewFollowers,
    Reached,
}

impl Segment {
    pub fn parse(s: &str) -> Option<Segment> {
        match s.trim().to_ascii_lowercase().as_str() {
            "followers" => Some(Segment::Followers),
            "new_followers" => Some(Segment::NewFollowers),
            "reached" => Some(Segment::Reached),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Segment::Followers => "followers",
            Segment::NewFollowers => "new_followers",
            Segment::Reached => "reached",
        }
    }
}

/// One line of an audience snapshot: the share of one value of one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct AudienceRow {
    pub date: NaiveDate,
    pub segment: Segment,
    /// `country`, `city`, `age` or `gender` (lower case).
    pub dimension: String,
    /// The value: an ISO country code in upper case, an age bucket, a gender in lower case.
    pub value: String,
    /// Percent of the snapshot (computed from counts where only counts were given).
    pub share_pct: Option<f64>,
    pub count: Option<f64>,
}

/// Site analytics for visits from one social source on one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrafficRow {
    pub date: NaiveDate,
    pub source: String,
    pub sessions: f64,
    pub users: Option<f64>,
    pub new_users: Option<f64>,
    pub bounce_rate_pct: Option<f64>,
    pub avg_session_seconds: Option<f64>,
    pub pages_per_session: Option<f64>,
    pub conversions: Option<f64>,
    pub leads: Option<f64>,
    pub revenue: Option<f64>,
}

/// One campaign's spend on one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SpendRow {
    pub date: NaiveDate,
    pub campaign: String,
    pub objective: String,
    pub amount: f64,
    pub impressions: Option<f64>,
    pub reach: Option<f64>,
    pub clicks: Option<f64>,
    pub leads: Option<f64>,
    pub follows: Option<f64>,
}

/// One follower from a follower list (Instagram's "Download your information"), with the time
/// they followed.
#[derive(Debug, Clone, PartialEq)]
pub struct Follower {
    pub username: String,
    pub followed_at: DateTime<FixedOffset>,
    /// Account-local date of the follow.
    pub date: NaiveDate,
}

impl Follower {
    /// Whether a username looks generated: a run of four or more digits, five or more
    /// consonants in a row, or a long string of letters with almost no vowels.
    pub fn looks_generated(&self) -> bool {
        let u = self.username.to_lowercase();
        let mut digits = 0usize;
        let mut consonants = 0usize;
        let (mut max_digits, mut max_consonants) = (0usize, 0usize);
        let (mut letters, mut vowels) = (0usize, 0usize);
        for c in u.chars() {
            if c.is_ascii_digit() {
                digits += 1;
                consonants = 0;
            } else if c.is_ascii_alphabetic() {
                digits = 0;
                letters += 1;
                if "aeiouy".contains(c) {
                    vowels += 1;
                    consonants = 0;
                } else {
                    consonants += 1;
                }
            } else {
                digits = 0;
                consonants = 0;
            }
            max_digits = max_digits.max(digits);
            max_consonants = max_consonants.max(consonants);
        }
        max_digits >= 4 || max_consonants >= 5 || (letters >= 8 && vowels * 5 < letters)
    }
}

/// One message received in the inbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub received_at: DateTime<FixedOffset>,
    /// Account-local date of receipt.
    pub date: NaiveDate,
    pub answered_at: Option<DateTime<FixedOffset>>,
    pub channel: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(likes: Field, comments: Field, shares: Field) -> Post {
        Post {
            likes,
            comments,
            shares,
            ..Post::blank("1", "2026-10-01T10:00:00+02:00")
        }
    }

    #[test]
    fn generated_usernames() {
        let f = |u: &str| Follower {
            username: u.into(),
            followed_at: "2026-10-01T10:00:00+02:00".parse().unwrap(),
            date: "2026-10-01".parse().unwrap(),
        };
        for u in ["user84736291", "xkcdqwrt_", "bbnmkhjtrw", "anna.maria_1987"] {
            assert!(f(u).looks_generated(), "{u}");
        }
        for u in ["anna.mueller", "coffee_lover", "jonas_k", "marie92"] {
            assert!(!f(u).looks_generated(), "{u}");
        }
    }

    #[test]
    fn engagements_count_a_missing_column_as_zero_and_an_empty_cell_as_no_value() {
        use Field::*;
        assert_eq!(
            post(Value(10.0), Value(2.0), NotGiven).engagements(),
            Some(12.0)
        );
        assert_eq!(post(Value(10.0), Empty, Value(1.0)).engagements(), None);
        assert_eq!(post(NotGiven, NotGiven, NotGiven).engagements(), None);
        assert_eq!(
            post(Value(1.0), Value(2.0), Value(3.0)).engagements(),
            Some(6.0)
        );
    }
}
