//! A large synthetic account in the canonical CSV format (formats.md), shared by
//! `benches/audit.rs` and `examples/generate_large_account.rs`.
//!
//! Deterministic and std only: a fixed-seed SplitMix64 per file, so the bytes only change
//! when this code does. At full size: ten years of days (2016-01-01 to 2025-12-31, 3,653
//! daily rows), 100,000 posts with captions of 50 to 300 characters (commas, quotes, line
//! breaks and non-ASCII text among them, quoted as CSV requires), monthly audience
//! snapshots (120 months x 3 segments x 4 dimensions), site traffic from up to five sources a
//! day, ad spend from an always-on campaign plus seasonal ones, and an inbox that grows from
//! a few messages a day to a few dozen.
//!
//! Naive timestamps avoid 02:00-02:59, so that none falls into Europe/Berlin's DST gap or
//! fold.

use std::fmt::{Display, Write as _};

/// Days of the full account: 2016-01-01 to 2025-12-31.
pub const DAYS: u32 = 3653;
/// Posts of the full account.
pub const POSTS: u32 = 100_000;

/// The account's audit.toml: a portrait, a fee, plans, a claim and the yearly giveaways.
pub const AUDIT_TOML: &str = r#"# Large synthetic account written by examples/generate_large_account.rs (benchmarks).

[account]
name = "Large Benchmark Account"
platform = "instagram"
currency = "EUR"
timezone = "Europe/Berlin"

[portrait]
country = { DE = 70, AT = 15, CH = 10, NL = 5 }
age = { "18-24" = 20, "25-34" = 45, "35-44" = 25, "45-54" = 10 }
gender = { female = 55, male = 45 }

[contract]
fee = 3500

[[plan]]
kpi = "net_growth"
target = 1500
direction = "at_least"

[[plan]]
kpi = "posts"
target = 800
direction = "at_least"

[[plan]]
kpi = "cpl"
target = 25
direction = "at_most"

[[claims]]
month = "2025-12"
kpi = "reach"
value = 1550000

[[events]]
start = "2016-05-10"
end = "2016-05-16"
kind = "giveaway"
note = "Spring giveaway 2016"

[[events]]
start = "2019-05-10"
end = "2019-05-16"
kind = "giveaway"
note = "Spring giveaway 2019"

[[events]]
start = "2022-05-10"
end = "2022-05-16"
kind = "giveaway"
note = "Spring giveaway 2022"

[[events]]
start = "2025-05-10"
end = "2025-05-16"
kind = "giveaway"
note = "Spring giveaway 2025"

[[events]]
start = "2024-11-01"
end = "2024-11-30"
kind = "campaign"
note = "Black Friday push"

[rules]
spike_z = 3.5
"#;

/// One generated file: its name, its bytes and its number of data rows.
pub struct File {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub rows: usize,
}

/// The six canonical files of an account of `days` days from 2016-01-01 with `posts` posts,
/// in name order. `generate(DAYS, POSTS)` is the full-size account.
pub fn generate(days: u32, posts: u32) -> Vec<File> {
    let days = days.max(1) as usize;
    let cal: Vec<Date> = (0..days as i64).map(|i| Date::of(START + i)).collect();
    let plan = Plan::new(&cal);
    let spend = spend(&cal);
    let daily = daily(&cal, &plan, &spend.paid_reach);
    let posts = posts_csv(&cal, &daily.followers, &plan, posts as usize);
    let audience = audience(&cal, &daily.followers);
    let traffic = traffic(&cal, &daily.clicks);
    let messages = messages(&cal);
    vec![
        audience.finish("audience.csv"),
        daily.csv.finish("daily.csv"),
        messages.finish("messages.csv"),
        posts.finish("posts.csv"),
        spend.csv.finish("spend.csv"),
        traffic.finish("traffic.csv"),
    ]
}

// ---------------------------------------------------------------------------------------
// Randomness and dates.

struct Rng(u64);

impl Rng {
    /// An independent stream per purpose, so that one file's draws never shift another's.
    fn stream(purpose: &str) -> Rng {
        let mut h: u64 = 0xCBF2_9CE4_8422_2325 ^ 0x0005_EED0_FB16_ACC7;
        for b in purpose.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
        Rng(h)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi]`, both inclusive.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A multiplicative jitter `1 ± half`, triangular.
    fn jitter(&mut self, half: f64) -> f64 {
        1.0 + half * (self.unit() - self.unit())
    }

    /// Heavy-tailed: mostly near 1, now and then several times more.
    fn skewed(&mut self) -> f64 {
        let u = self.unit().max(1e-9);
        (0.35 * (-u.ln()) + 0.65) * self.jitter(0.3)
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.unit() * total;
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }
}

/// 2016-01-01 as days since 1970-01-01.
const START: i64 = 16_801;

#[derive(Clone, Copy)]
struct Date {
    year: i64,
    month: u32,
    day: u32,
    /// Days since 1970-01-01.
    serial: i64,
}

impl Date {
    /// The civil date of a day number (H. Hinnant's algorithm).
    fn of(serial: i64) -> Date {
        let z = serial + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year,
            month,
            day,
            serial,
        }
    }

    /// Day of the week, 0 = Monday.
    fn weekday(self) -> i64 {
        (self.serial + 3).rem_euclid(7)
    }

    fn is_last_of_month(self) -> bool {
        Date::of(self.serial + 1).day == 1
    }

    /// Years since the start, fractional.
    fn age(self) -> f64 {
        (self.serial - START) as f64 / 365.25
    }

    /// Seasonality: a summer dip, a December peak.
    fn season(self) -> f64 {
        match self.month {
            7 | 8 => 0.85,
            11 => 1.1,
            12 => 1.2,
            _ => 1.0,
        }
    }
}

struct Ymd(Date);

impl Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year, self.0.month, self.0.day
        )
    }
}

/// A wall-clock minute of a day, never in 02:00-02:59.
fn clock_minute(rng: &mut Rng, from_hour: i64) -> i64 {
    let m = rng.int(from_hour * 60, 24 * 60 - 1);
    if (120..180).contains(&m) {
        m + 60
    } else {
        m
    }
}

// ---------------------------------------------------------------------------------------
// CSV text.

struct Csv {
    text: String,
    rows: usize,
    fresh: bool,
}

impl Csv {
    fn new(header: &str, capacity: usize) -> Csv {
        let mut text = String::with_capacity(capacity);
        text.push_str(header);
        text.push('\n');
        Csv {
            text,
            rows: 0,
            fresh: true,
        }
    }

    fn sep(&mut self) {
        if !self.fresh {
            self.text.push(',');
        }
        self.fresh = false;
    }

    /// A text cell, quoted when it holds a comma, a quote or a line break.
    fn text(&mut self, s: &str) -> &mut Csv {
        self.sep();
        if s.contains([',', '"', '\n', '\r']) {
            self.text.push('"');
            for c in s.chars() {
                if c == '"' {
                    self.text.push('"');
                }
                self.text.push(c);
            }
            self.text.push('"');
        } else {
            self.text.push_str(s);
        }
        self
    }

    /// A cell that needs no quoting (numbers, dates, codes).
    fn plain(&mut self, x: impl Display) -> &mut Csv {
        self.sep();
        let _ = write!(self.text, "{x}");
        self
    }

    /// A number with `places` decimals.
    fn dec(&mut self, x: f64, places: usize) -> &mut Csv {
        self.sep();
        let _ = write!(self.text, "{:.*}", places, x);
        self
    }

    /// An empty cell: "no value".
    fn empty(&mut self) -> &mut Csv {
        self.sep();
        self
    }

    fn end(&mut self) {
        self.text.push('\n');
        self.rows += 1;
        self.fresh = true;
    }

    fn finish(self, name: &'static str) -> File {
        File {
            name,
            bytes: self.text.into_bytes(),
            rows: self.rows,
        }
    }
}

// ---------------------------------------------------------------------------------------
// What happens when: giveaways, bought follows, the growth curve.

#[derive(Clone, Copy, PartialEq)]
enum Day {
    Normal,
    /// A listed giveaway: many follows, engagement up a little, churn after.
    Giveaway,
    /// Bought follows: many follows, engagement flat, an unfollow wave a few weeks later.
    Bought,
    /// The unfollow wave after bought follows.
    Wave,
}

struct Plan {
    days: Vec<Day>,
}

impl Plan {
    fn new(cal: &[Date]) -> Plan {
        let mut days = vec![Day::Normal; cal.len()];
        for (i, d) in cal.iter().enumerate() {
            let giveaway_year = (d.year - 2016) % 3 == 0;
            if giveaway_year && d.month == 5 && (10..=16).contains(&d.day) {
                days[i] = Day::Giveaway;
            }
            if d.year % 2 == 1 && d.month == 9 && (8..=10).contains(&d.day) {
                days[i] = Day::Bought;
            }
            if d.year % 2 == 1 && d.month == 10 && (6..=12).contains(&d.day) {
                days[i] = Day::Wave;
            }
        }
        Plan { days }
    }
}

// ---------------------------------------------------------------------------------------
// spend.csv

struct Spend {
    csv: Csv,
    /// Paid reach per day.
    paid_reach: Vec<f64>,
}

fn spend(cal: &[Date]) -> Spend {
    let mut rng = Rng::stream("spend");
    let mut csv = Csv::new(
        "date,campaign,objective,amount,impressions,reach,clicks,leads,follows",
        cal.len() * 80,
    );
    let mut paid_reach = vec![0.0; cal.len()];
    // Seasonal campaigns: (month, first day, last day, name, objective, daily budget).
    const SEASONAL: [(u32, u32, u32, &str, &str, f64); 5] = [
        (3, 1, 31, "Spring launch, DE+AT", "follows", 45.0),
        (5, 5, 25, "Mother's Day gifts", "traffic", 30.0),
        (6, 10, 30, "Summer \"cold brew\" lead form", "leads", 25.0),
        (9, 1, 21, "Back to work", "engagement", 20.0),
        (11, 20, 30, "Black Friday, all markets", "traffic", 90.0),
    ];
    for (i, d) in cal.iter().enumerate() {
        let mut campaigns: Vec<(&str, &str, f64)> = Vec::new();
        if d.year >= 2017 && rng.chance(0.85) {
            campaigns.push(("Always-on: brand", "reach", 12.0 + 3.0 * d.age()));
        }
        if d.year >= 2019 && d.weekday() < 5 && rng.chance(0.6) {
            campaigns.push(("Retargeting: site visitors", "traffic", 8.0));
        }
        for (month, from, to, name, objective, budget) in SEASONAL {
            if d.month == month && (from..=to).contains(&d.day) && d.year >= 2017 {
                campaigns.push((name, objective, budget));
            }
        }
        for (name, objective, budget) in campaigns {
            let amount = budget * rng.jitter(0.4) * d.season();
            let cpm = 4.0 + 2.0 * d.age() / 10.0;
            let impressions = (amount / cpm * 1000.0 * rng.jitter(0.2)).round();
            let reach = (impressions / (1.3 * rng.jitter(0.1))).round();
            let clicks = (impressions * 0.009 * rng.jitter(0.5)).round();
            let leads = if objective == "leads" || objective == "traffic" {
                (clicks * 0.04 * rng.jitter(0.9)).round()
            } else {
                (clicks * 0.005 * rng.jitter(0.9)).round()
            };
            let follows = if objective == "follows" {
                (reach * 0.004 * rng.jitter(0.5)).round()
            } else {
                (reach * 0.0005 * rng.jitter(0.5)).round()
            };
            paid_reach[i] += reach;
            csv.plain(Ymd(*d))
                .text(name)
                .plain(objective)
                .dec(amount, 2)
                .plain(impressions)
                .plain(reach);
            // Now and then the cabinet leaves a column empty.
            if rng.chance(0.01) {
                csv.empty();
            } else {
                csv.plain(clicks);
            }
            csv.plain(leads).plain(follows).end();
        }
    }
    Spend { csv, paid_reach }
}

// ---------------------------------------------------------------------------------------
// daily.csv

struct Daily {
    csv: Csv,
    followers: Vec<f64>,
    /// Website clicks per day (drives the site traffic).
    clicks: Vec<f64>,
}

fn daily(cal: &[Date], plan: &Plan, paid_reach: &[f64]) -> Daily {
    let mut rng = Rng::stream("daily");
    let mut csv = Csv::new(
        "date,followers,follows,unfollows,reach,reach_paid,reach_organic,impressions,profile_visits,website_clicks",
        cal.len() * 80,
    );
    let mut followers_by_day = Vec::with_capacity(cal.len());
    let mut clicks_by_day = Vec::with_capacity(cal.len());
    let mut followers = 4_000.0_f64;
    for (i, d) in cal.iter().enumerate() {
        let base = 15.0 + 11.0 * d.age();
        let mut follows = base * d.season() * rng.jitter(0.35);
        let mut unfollows = follows * 0.3 * rng.jitter(0.5) + followers * 0.0002;
        match plan.days[i] {
            Day::Normal => {}
            Day::Giveaway => follows *= 4.0,
            Day::Bought => follows *= 12.0,
            Day::Wave => unfollows *= 6.0,
        }
        let follows = follows.round();
        let unfollows = unfollows.round();
        followers += follows - unfollows;
        let paid = paid_reach[i].round();
        let organic = (followers * 0.22 * d.season() * rng.jitter(0.4)).round();
        let reach = paid + organic;
        let impressions = (reach * 1.45 * rng.jitter(0.1)).round();
        let visits = (reach * 0.025 * rng.jitter(0.3)).round();
        let clicks = (visits * 0.3 * rng.jitter(0.3)).round();
        followers_by_day.push(followers);
        clicks_by_day.push(clicks);
        csv.plain(Ymd(*d))
            .plain(followers)
            .plain(follows)
            .plain(unfollows)
            .plain(reach)
            .plain(paid)
            .plain(organic);
        // The platform's overview sometimes has holes.
        if rng.chance(0.005) {
            csv.empty();
        } else {
            csv.plain(impressions);
        }
        csv.plain(visits).plain(clicks).end();
    }
    Daily {
        csv,
        followers: followers_by_day,
        clicks: clicks_by_day,
    }
}

// ---------------------------------------------------------------------------------------
// posts.csv

const OPENERS: [&str; 16] = [
    "New week, new roast.",
    "Behind the scenes at the roastery:",
    "You asked, we answered.",
    "Meet the team!",
    "Weekend plans?",
    "Fresh from the oven",
    "Three things we learned this month",
    "Throwback to our very first market stall.",
    "Giveaway time!",
    "Quick tip for your morning brew:",
    "We're hiring",
    "Ta-da ✨",
    "Café crème, the way Zoë makes it ☕",
    "Flash sale:",
    "A small thank-you",
    "Big news",
];

const MIDDLES: [&str; 20] = [
    "grind a little coarser, pour a little slower, and taste the difference",
    "this one is bright, sweet, and just a bit funky",
    "our roaster calls it \"the breakfast bean\"",
    "tag a friend who needs this today",
    "link in bio for the full story",
    "we spent three weeks on this, and it shows",
    "the beans come from a co-op in Huila, Colombia",
    "pairs well with rain, books, and long phone calls",
    "ask us anything in the comments",
    "every cup funds a school garden in Sidama",
    "doors open at 8, first 50 guests get a free pastry",
    "spoiler: it's oat milk",
    "swipe for the recipe →",
    "we tried 14 versions; number 9 won",
    "the \"secret\" is patience",
    "shipping is free this weekend, DE/AT/CH only",
    "sound on 🔊",
    "what would you call it?",
    "Grüße aus Köln, Wien und Zürich",
    "limited batch, 200 bags",
];

const TAGS: [&str; 12] = [
    "#coffee",
    "#specialtycoffee",
    "#roastery",
    "#latteart",
    "#kaffee",
    "#morningritual",
    "#baristalife",
    "#smallbusiness",
    "#berlin",
    "#coffeetime",
    "#pourover",
    "#espresso",
];

/// A caption of 50 to 300 characters.
fn caption(rng: &mut Rng, out: &mut String) {
    out.clear();
    let target = rng.int(50, 300) as usize;
    out.push_str(rng.pick(&OPENERS));
    let mut len = out.chars().count();
    let mut joiner = " ";
    while len < target {
        let piece = rng.pick(&MIDDLES);
        out.push_str(joiner);
        out.push_str(piece);
        len += joiner.len() + piece.chars().count();
        joiner = if rng.chance(0.3) { ", " } else { ". " };
    }
    if rng.chance(0.08) {
        out.push_str("\n\n");
        for _ in 0..rng.int(2, 5) {
            out.push_str(rng.pick(&TAGS));
            out.push(' ');
        }
    } else if rng.chance(0.3) {
        out.push(' ');
        out.push_str(rng.pick(&TAGS));
    }
    if out.chars().count() > 300 {
        let cut = out.char_indices().nth(300).map_or(out.len(), |(i, _)| i);
        out.truncate(cut);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    while out.chars().count() < 50 {
        out.push_str(" ☕");
    }
}

/// An Instagram-like short code.
fn short_code(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..11)
        .map(|_| ALPHABET[(rng.next_u64() % 64) as usize] as char)
        .collect()
}

fn posts_csv(cal: &[Date], followers: &[f64], plan: &Plan, total: usize) -> Csv {
    let mut rng = Rng::stream("posts");
    let mut csv = Csv::new(
        "post_id,published_at,type,caption,permalink,reach,impressions,likes,comments,shares,saves,clicks,paid",
        total * 280,
    );
    const TYPES: [(&str, f64); 8] = [
        ("photo", 35.0),
        ("reel", 25.0),
        ("carousel", 20.0),
        ("video", 8.0),
        ("story", 8.0),
        ("text", 2.0),
        ("link", 1.0),
        ("other", 1.0),
    ];
    let mut text = String::with_capacity(400);
    let mut minutes: Vec<i64> = Vec::new();
    let mut n = 0u64;
    for (i, d) in cal.iter().enumerate() {
        // Posts spread evenly over the days, in time order within a day.
        let count = (i + 1) * total / cal.len() - i * total / cal.len();
        minutes.clear();
        minutes.extend((0..count).map(|_| clock_minute(&mut rng, 7)));
        minutes.sort_unstable();
        for &minute in &minutes {
            n += 1;
            let id = 17_000_000_000_000_000 + n * 1_000_003 + rng.int(0, 999_999) as u64;
            let kind = rng.weighted(&TYPES);
            let (reach_k, like_k) = match kind {
                "reel" => (1.3, 0.9),
                "carousel" => (1.05, 1.15),
                "story" => (0.6, 0.4),
                "video" => (1.0, 0.9),
                _ => (0.95, 1.0),
            };
            let paid = rng.chance(0.04);
            let mut reach = followers[i] * 0.3 * reach_k * rng.skewed();
            if paid {
                reach *= 2.5;
            }
            let engaged = match plan.days[i] {
                Day::Giveaway => 1.6,
                _ => 1.0,
            };
            let reach = reach.round();
            let impressions = (reach * 1.25 * rng.jitter(0.15)).round();
            let likes = (reach * 0.06 * like_k * engaged * rng.jitter(0.5)).round();
            let comments = (likes * 0.04 * engaged * engaged * rng.jitter(0.8)).round();
            let shares = (likes * 0.05 * rng.jitter(0.8)).round();
            let saves = (likes * 0.08 * rng.jitter(0.8)).round();
            let clicks = (reach * 0.004 * rng.jitter(0.8)).round();
            caption(&mut rng, &mut text);
            csv.plain(id);
            let (h, m) = (minute / 60, minute % 60);
            if rng.chance(0.1) {
                let s = rng.int(0, 59);
                csv.plain(format_args!("{}T{h:02}:{m:02}:{s:02}Z", Ymd(*d)));
            } else {
                csv.plain(format_args!("{} {h:02}:{m:02}", Ymd(*d)));
            }
            csv.plain(kind).text(&text).plain(format_args!(
                "https://www.instagram.com/p/{}/",
                short_code(&mut rng)
            ));
            csv.plain(reach)
                .plain(impressions)
                .plain(likes)
                .plain(comments);
            if kind == "story" {
                csv.empty().empty();
            } else {
                csv.plain(shares).plain(saves);
            }
            csv.plain(clicks).plain(paid).end();
        }
    }
    csv
}

// ---------------------------------------------------------------------------------------
// audience.csv

fn audience(cal: &[Date], followers: &[f64]) -> Csv {
    let mut rng = Rng::stream("audience");
    let mut csv = Csv::new(
        "date,segment,dimension,value,share_pct,count",
        cal.len() / 30 * 3 * 22 * 45,
    );
    // (dimension, values with their base share; shares of country and city leave room for
    // "other").
    let dims: [(&str, &[(&str, f64)]); 4] = [
        (
            "country",
            &[
                ("DE", 62.0),
                ("AT", 13.0),
                ("CH", 9.0),
                ("NL", 4.0),
                ("PL", 3.0),
                ("US", 3.0),
            ],
        ),
        (
            "city",
            &[
                ("Berlin", 21.0),
                ("Munich", 11.0),
                ("Hamburg", 9.0),
                ("Vienna", 8.0),
                ("Zurich", 5.0),
                ("Cologne", 4.0),
            ],
        ),
        (
            "age",
            &[
                ("13-17", 3.0),
                ("18-24", 21.0),
                ("25-34", 38.0),
                ("35-44", 22.0),
                ("45-54", 10.0),
                ("55-64", 4.0),
                ("65+", 2.0),
            ],
        ),
        (
            "gender",
            &[("female", 56.0), ("male", 42.0), ("other", 2.0)],
        ),
    ];
    for (i, d) in cal.iter().enumerate() {
        if !d.is_last_of_month() {
            continue;
        }
        let month_start = i.saturating_sub(d.day as usize - 1);
        let new_followers = (followers[i] - followers[month_start]).max(1.0);
        for (segment, base, drift) in [
            ("followers", followers[i], 1.0),
            ("new_followers", new_followers, 1.6),
            ("reached", followers[i] * 2.4, 1.3),
        ] {
            for (dimension, values) in dims {
                let mut shares: Vec<f64> = values
                    .iter()
                    .map(|(_, s)| s * rng.jitter(0.08 * drift))
                    .collect();
                let sum: f64 = shares.iter().sum();
                let base_sum: f64 = values.iter().map(|(_, s)| s).sum();
                for s in &mut shares {
                    *s *= base_sum / sum;
                }
                for ((value, _), share) in values.iter().zip(&shares) {
                    csv.plain(Ymd(*d))
                        .plain(segment)
                        .plain(dimension)
                        .text(value)
                        .dec(*share, 1)
                        .plain((base * share / 100.0).round())
                        .end();
                }
            }
        }
    }
    csv
}

// ---------------------------------------------------------------------------------------
// traffic.csv

fn traffic(cal: &[Date], clicks: &[f64]) -> Csv {
    let mut rng = Rng::stream("traffic");
    let mut csv = Csv::new(
        "date,source,sessions,users,new_users,bounce_rate_pct,avg_session_seconds,pages_per_session,conversions,leads,revenue",
        cal.len() * 5 * 60,
    );
    // (source, share of the clicks, chance of a row on a day, first year).
    const SOURCES: [(&str, f64, f64, i64); 5] = [
        ("instagram", 0.7, 1.0, 2016),
        ("facebook", 0.25, 0.8, 2016),
        ("l.instagram.com", 0.2, 0.6, 2017),
        ("tiktok", 0.35, 0.9, 2019),
        ("youtube", 0.1, 0.4, 2020),
    ];
    for (i, d) in cal.iter().enumerate() {
        for (source, share, chance, from) in SOURCES {
            if d.year < from || !rng.chance(chance) {
                continue;
            }
            let sessions = (clicks[i] * share * rng.jitter(0.4)).round().max(1.0);
            let users = (sessions * 0.88 * rng.jitter(0.05)).round().max(1.0);
            let new_users = (users * 0.6 * rng.jitter(0.2)).round();
            let conversions = (sessions * 0.02 * rng.jitter(0.9)).round();
            let leads = (sessions * 0.015 * rng.jitter(0.9)).round();
            let revenue = conversions * 32.0 * rng.jitter(0.5);
            csv.plain(Ymd(*d))
                .plain(source)
                .plain(sessions)
                .plain(users)
                .plain(new_users)
                .dec(45.0 * rng.jitter(0.3), 2)
                .plain(rng.int(30, 240))
                .dec(2.4 * rng.jitter(0.4), 2)
                .plain(conversions)
                .plain(leads)
                .dec(revenue, 2)
                .end();
        }
    }
    csv
}

// ---------------------------------------------------------------------------------------
// messages.csv

fn messages(cal: &[Date]) -> Csv {
    let mut rng = Rng::stream("messages");
    let mut csv = Csv::new("received_at,answered_at,channel", cal.len() * 16 * 40);
    const CHANNELS: [(&str, f64); 3] = [("dm", 55.0), ("comment", 40.0), ("mention", 5.0)];
    let mut minutes: Vec<i64> = Vec::new();
    for d in cal {
        let rate = (3.0 + 0.27 * d.age() * d.age()) * d.season();
        let count = (rate * rng.jitter(0.5)).round().max(0.0) as usize;
        minutes.clear();
        minutes.extend((0..count).map(|_| clock_minute(&mut rng, 0)));
        minutes.sort_unstable();
        for &minute in &minutes {
            let (h, m) = (minute / 60, minute % 60);
            csv.plain(format_args!("{} {h:02}:{m:02}", Ymd(*d)));
            if rng.chance(0.88) {
                // Answered within minutes to two days, never in the 02:00 hour.
                let delay = (rng.skewed() * rng.skewed() * 240.0) as i64 + 2;
                let mut at = d.serial * 1440 + minute + delay.min(2880);
                if at.rem_euclid(1440) / 60 == 2 {
                    at += 60;
                }
                let day = Date::of(at.div_euclid(1440));
                let (h, m) = (at.rem_euclid(1440) / 60, at.rem_euclid(60));
                csv.plain(format_args!("{} {h:02}:{m:02}", Ymd(day)));
            } else {
                csv.empty();
            }
            csv.plain(rng.weighted(&CHANNELS)).end();
        }
    }
    csv
}
