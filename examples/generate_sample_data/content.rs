//! Posts: 3-4 a week, with reach and engagement driven by the engaged followers,
//! plus the planted ones (a viral reel, a giveaway, bought likes).

use crate::config::{Account, Boost, Plant, Special, Words, DAYS, START};
use crate::date::Stamp;
use crate::growth::{index, season, Day};
use crate::rng::Rng;

pub struct Post {
    pub id: String,
    pub at: Stamp,
    pub kind: &'static str,
    pub caption: String,
    pub code: String,
    pub reach: i64,
    pub impressions: i64,
    pub likes: i64,
    pub comments: i64,
    pub shares: i64,
    pub saves: i64,
    pub clicks: i64,
    pub paid: bool,
    /// A planted hit whose reach spills into the next days' account reach.
    pub loud: bool,
}

/// How a post type performs: reach, likes, shares per like, saves per like.
fn style(kind: &str) -> (f64, f64, f64, f64) {
    match kind {
        "reel" => (1.2, 0.95, 0.09, 0.06),
        "carousel" => (1.05, 1.1, 0.04, 0.15),
        "story" => (0.7, 0.5, 0.03, 0.0),
        "video" => (1.0, 0.9, 0.06, 0.05),
        _ => (0.95, 1.0, 0.03, 0.08),
    }
}

/// Publishing slots: 3 or 4 days a week, plus the planted posts on their own days.
fn schedule<'a>(acc: &'a Account, rng: &mut Rng) -> Vec<(Stamp, Option<&'a Special>)> {
    let c = &acc.content;
    let mut slots = Vec::new();
    for week in 0..(DAYS + 6) / 7 {
        let n = if rng.chance(c.four_a_week) { 4 } else { 3 };
        let mut offsets: Vec<i64> = (0..7).collect();
        for k in 0..n {
            let j = rng.int(k as i64, 6) as usize;
            offsets.swap(k, j);
        }
        let mut chosen = offsets[..n].to_vec();
        chosen.sort_unstable();
        for i in chosen
            .into_iter()
            .map(|o| week * 7 + o)
            .filter(|&i| i < DAYS)
        {
            let minute = rng.int(c.hours.0 * 60, c.hours.1 * 60 + 59);
            slots.push((
                Stamp {
                    date: START.add(i),
                    minute,
                },
                None,
            ));
        }
    }
    for sp in &c.specials {
        slots.retain(|(at, _)| at.date != sp.date);
        slots.push((
            Stamp {
                date: sp.date,
                minute: sp.minute,
            },
            Some(sp),
        ));
    }
    slots.sort_by_key(|(at, _)| *at);
    slots
}

/// Fills `{key}` placeholders with words, not repeating a word within one caption.
fn fill(template: &str, fillers: &[(&str, Words)], rng: &mut Rng) -> String {
    let mut text = template.to_string();
    for (key, words) in fillers {
        let tag = format!("{{{key}}}");
        let mut used: Vec<&str> = Vec::new();
        while let Some(pos) = text.find(&tag) {
            let mut word = *rng.pick(words);
            while used.contains(&word) && used.len() < words.len() {
                word = *rng.pick(words);
            }
            used.push(word);
            text.replace_range(pos..pos + tag.len(), word);
        }
    }
    text
}

/// An Instagram-style short code for the permalink.
fn short_code(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    let first = if rng.chance(0.5) { 'C' } else { 'D' };
    std::iter::once(first)
        .chain((0..10).map(|_| char::from(*rng.pick(ALPHABET))))
        .collect()
}

pub fn posts(acc: &Account, days: &[Day]) -> Vec<Post> {
    let mut rng = Rng::stream(acc.seed, "posts");
    let slots = schedule(acc, &mut rng);
    slots
        .iter()
        .enumerate()
        .map(|(n, &(at, special))| make(acc, n, at, &days[index(at.date)], special, &mut rng))
        .collect()
}

/// The planted post's own caption, a campaign caption in a boosted window, else a general one.
fn caption(
    acc: &Account,
    special: Option<&Special>,
    boost: Option<&Boost>,
    rng: &mut Rng,
) -> String {
    let c = &acc.content;
    if let Some(sp) = special {
        return sp.caption.to_string();
    }
    let templates = match boost {
        Some(b) if !b.captions.is_empty() && rng.chance(0.6) => b.captions,
        _ => c.captions,
    };
    let template = *rng.pick(templates);
    fill(template, c.fillers, rng)
}

fn make(
    acc: &Account,
    n: usize,
    at: Stamp,
    day: &Day,
    special: Option<&Special>,
    rng: &mut Rng,
) -> Post {
    let c = &acc.content;
    let boost = c
        .boosts
        .iter()
        .find(|b| (b.start..=b.end).contains(&at.date));
    let kind = special.map_or_else(|| rng.weighted(c.types), |s| s.kind);
    let (reach_k, likes_k, shares_k, saves_k) = style(kind);
    let (boost_reach, boost_eng) = boost.map_or((1.0, 1.0), |b| (b.reach, b.engagement));
    let paid = boost.is_some_and(|b| rng.chance(b.paid_share));
    let engaged = day.engaged as f64;
    let mut reach = engaged
        * c.reach
        * reach_k
        * season(acc.growth.season, at.date)
        * boost_reach
        * rng.jitter(0.22);
    let mut like_rate = c.like_rate * likes_k * boost_eng * rng.jitter(0.15);
    if paid {
        reach *= 1.7;
        like_rate *= 0.8;
    }
    let mut talk = 0.045 * rng.jitter(0.4);
    match special.map(|s| &s.plant) {
        Some(Plant::Viral(x)) => reach *= x,
        Some(Plant::Giveaway { reach: x, comments }) => {
            reach *= x;
            talk = *comments;
        }
        Some(Plant::BoughtLikes {
            reach: share,
            likes,
        }) => {
            reach = engaged * share;
            like_rate = *likes;
        }
        None => {}
    }
    let caption = caption(acc, special, boost, rng);
    let likes = reach * like_rate;
    let reach_n = reach.round() as i64;
    Post {
        // Increasing with time, random-looking, unique: the step exceeds the random part.
        id: (acc.id_base + n as u64 * 41_385_703_219_447 + rng.next_u64() % 10_000_000_000_000)
            .to_string(),
        at,
        kind,
        caption,
        code: short_code(rng),
        reach: reach_n,
        impressions: ((reach * 1.3 * rng.jitter(0.2)).round() as i64).max(reach_n + 1),
        likes: likes.round() as i64,
        comments: (likes * talk).round() as i64,
        shares: (likes * shares_k * rng.jitter(0.5)).round() as i64,
        saves: (likes * saves_k * rng.jitter(0.5)).round() as i64,
        clicks: (reach * 0.005 * rng.jitter(0.5)).round() as i64,
        paid,
        loud: matches!(
            special.map(|s| &s.plant),
            Some(Plant::Viral(_) | Plant::Giveaway { .. })
        ),
    }
}
