//! Nordic Bikes, a Stockholm bicycle shop: an account with problems. A spring giveaway
//! (spike, then churn), 2,500 bought followers on 13-14 October 2026 from outside the
//! target countries, two posts with bought likes, and an October report that overstates reach.

use crate::config::*;
use crate::date::Date;

const CAPTIONS: Words = &[
    "New arrival: the {model} in {color}. Test rides all week, no appointment needed.",
    "Service tip from {name}: check your tyre pressure every two weeks. \"It's the cheapest upgrade there is.\"",
    "Workshop slots for next week are open. Book via the link in bio.",
    "Commuter of the week: {name} rides 14 km to work every day, rain or shine.",
    "Sunday group ride: 40 km, one coffee stop, no one left behind. Meet at 9:00.",
    "Chain cleaning in 4 steps: degrease, scrub, rinse, lube. Done in 10 minutes.",
    "The {model} or the {model}: which one would you take to work?",
    "Fresh from the workshop: a 1987 Crescent, restored for its original owner.",
    "Kids' bikes, sizes 16\" to 24\", with free fitting and a helmet check.",
    "Our mechanics {name} and {name}: 25 years of experience between them.",
    "Rain, wind, gravel: the {model} handles all of it. Test ride?",
    "E-bike battery care: store it at 40-60 %, and keep it above freezing.",
    "Cargo bikes are in: the {model} carries two kids, or 80 kg of groceries.",
    "Flat tyre? Walk in before 10:00, ride out after lunch.",
    "{name}'s workshop playlist is \"mostly ABBA, some Robyn\", apparently.",
    "Trade in your old bike, get 15 % off a new {model}.",
];

const SPRING: Words = &[
    "Spring check-up: brakes, gears, tyres and chain for 695 SEK. Book now, the queue grows fast.",
    "First warm weekend of the year. Where are you riding?",
    "Winter grime off, new cables on: {name} brought this {model} back to life.",
];

const FILLERS: &[(&str, Words)] = &[
    (
        "model",
        &[
            "Crescent Elis",
            "Monark Karin",
            "Kona Dew",
            "Trek FX 2",
            "Cube Kathmandu",
            "Bianchi Via Nirone",
            "Riese & Müller Load",
        ],
    ),
    (
        "color",
        &[
            "moss green",
            "matte black",
            "cream",
            "ocean blue",
            "rust red",
        ],
    ),
    (
        "name",
        &["Erik", "Linnea", "Oskar", "Maja", "Nils", "Astrid"],
    ),
];

const TYPES: Weights = &[
    ("photo", 0.32),
    ("carousel", 0.25),
    ("reel", 0.22),
    ("story", 0.13),
    ("video", 0.08),
];

const COUNTRY: Weights = &[
    ("SE", 79.0),
    ("NO", 10.0),
    ("DK", 8.0),
    ("FI", 1.5),
    ("DE", 1.5),
];
const AGE: Weights = &[
    ("13-17", 1.5),
    ("18-24", 14.0),
    ("25-34", 34.0),
    ("35-44", 30.0),
    ("45-54", 17.0),
    ("55-64", 3.0),
    ("65+", 0.5),
];
const GENDER: Weights = &[("female", 39.0), ("male", 60.0), ("other", 1.0)];
const CITY: Weights = &[
    ("Stockholm", 38.0),
    ("Göteborg", 14.0),
    ("Malmö", 10.0),
    ("Uppsala", 6.0),
    ("Oslo", 5.0),
    ("København", 5.0),
    ("Other", 22.0),
];
/// April's newcomers (the giveaway): local, but younger: freebie hunters.
const COUNTRY_APR: Weights = &[
    ("SE", 82.0),
    ("NO", 9.0),
    ("DK", 7.0),
    ("FI", 1.0),
    ("DE", 1.0),
];
const AGE_APR: Weights = &[
    ("13-17", 6.0),
    ("18-24", 24.0),
    ("25-34", 33.0),
    ("35-44", 22.0),
    ("45-54", 12.0),
    ("55-64", 2.5),
    ("65+", 0.5),
];
/// October's newcomers: mostly the bought package, from far outside the target countries.
const COUNTRY_OCT: Weights = &[
    ("SE", 22.0),
    ("NO", 3.0),
    ("DK", 2.0),
    ("IN", 30.0),
    ("BD", 15.0),
    ("BR", 12.0),
    ("ID", 10.0),
    ("EG", 6.0),
];
const AGE_OCT: Weights = &[
    ("13-17", 3.0),
    ("18-24", 26.0),
    ("25-34", 35.0),
    ("35-44", 21.0),
    ("45-54", 12.0),
    ("55-64", 2.0),
    ("65+", 1.0),
];
const GENDER_OCT: Weights = &[("female", 32.0), ("male", 66.0), ("other", 2.0)];
const CITY_OCT: Weights = &[
    ("Stockholm", 10.0),
    ("Göteborg", 5.0),
    ("Malmö", 4.0),
    ("Uppsala", 2.0),
    ("Oslo", 2.0),
    ("København", 1.0),
    ("Dhaka", 10.0),
    ("Delhi", 9.0),
    ("Mumbai", 7.0),
    ("São Paulo", 6.0),
    ("Jakarta", 6.0),
    ("Cairo", 4.0),
    ("Other", 34.0),
];

const GIVEAWAY_START: Date = Date::new(2026, 4, 6);
const GIVEAWAY_END: Date = Date::new(2026, 4, 12);
const BOUGHT: Date = Date::new(2026, 10, 13);

pub fn account() -> Account {
    Account {
        slug: "nordic-bikes",
        name: "Nordic Bikes",
        currency: "SEK",
        timezone: "Europe/Stockholm",
        seed: 0xB1CE_5EED_0000_2026,
        id_base: 18_034_000_000_000_000_000,
        growth: Growth {
            followers0: 5000,
            follow_rate: 0.0016,
            follow_noise: 6.0,
            unfollow_rate: 0.0007,
            unfollow_noise: 3.0,
            season: 0.07,
            daily_reach: 0.2,
            visit_rate: 0.028,
            click_rate: 0.3,
            episodes: vec![
                // The giveaway: a week of extra follows, mostly freebie hunters, 38 % of them gone within 30 days.
                Episode {
                    start: GIVEAWAY_START,
                    follows: &[55, 110, 150, 140, 115, 90, 70],
                    engaged: 0.35,
                    churn: 0.38,
                    churn_days: 30,
                    churn_tau: 15.0,
                },
                // The bought package: 2,500 followers in two days, none of whom engage; 8 % drop off.
                Episode { start: BOUGHT, follows: &[1200, 1300], engaged: 0.0, churn: 0.08, churn_days: 14, churn_tau: 20.0 },
            ],
        },
        content: Content {
            four_a_week: 0.5,
            hours: (7, 20),
            types: TYPES,
            reach: 0.25,
            like_rate: 0.138,
            captions: CAPTIONS,
            fillers: FILLERS,
            // Spring: the season opens right after the giveaway, and posts do better.
            boosts: vec![Boost {
                start: GIVEAWAY_END.add(1),
                end: Date::new(2026, 5, 10),
                reach: 1.05,
                engagement: 1.12,
                paid_share: 0.0,
                captions: SPRING,
            }],
            specials: vec![
                Special {
                    date: GIVEAWAY_START,
                    minute: 10 * 60,
                    kind: "carousel",
                    plant: Plant::Giveaway { reach: 2.5, comments: 0.9 },
                    caption: "GIVEAWAY! Win a Crescent Elis: follow us, like this post and tag two friends. Winner drawn on 12 April.",
                },
                Special {
                    date: Date::new(2026, 10, 29),
                    minute: 21 * 60 + 40,
                    kind: "photo",
                    plant: Plant::BoughtLikes { reach: 0.035, likes: 1.25 },
                    caption: "Autumn service special: a full tune-up for 895 SEK, book by 15 November.",
                },
                Special {
                    date: Date::new(2026, 10, 31),
                    minute: 19 * 60 + 15,
                    kind: "photo",
                    plant: Plant::BoughtLikes { reach: 0.04, likes: 1.12 },
                    caption: "Happy Halloween from the workshop, \"spooky\" spoke reflectors included.",
                },
            ],
        },
        ads: Ads {
            always_on: "Always-on: workshop booking",
            objective: "leads",
            daily: (120.0, 220.0),
            cpm: (55.0, 85.0),
            ctr: 0.011,
            lead_rate: 0.08,
            follow_rate: 0.0004,
            campaign: None,
        },
        shop: Shop {
            conversion_rate: 0.015,
            lead_rate: 0.03,
            basket: (190.0, 2400.0),
            bounce: (38.0, 64.0),
            seconds: (55.0, 180.0),
            pages: (1.5, 3.0),
            facebook_days: 0.25,
        },
        inbox: Inbox { per_day: (1, 5), answered: 0.76, delay: (20, 480), open: (10, 18) },
        audience: Audience {
            base: Mix { country: COUNTRY, age: AGE, gender: GENDER, city: CITY },
            new_overrides: vec![
                ("2026-04", Mix { country: COUNTRY_APR, age: AGE_APR, gender: GENDER, city: CITY }),
                ("2026-10", Mix { country: COUNTRY_OCT, age: AGE_OCT, gender: GENDER_OCT, city: CITY_OCT }),
            ],
        },
        audit: Audit {
            country: &[("SE", 80.0), ("NO", 10.0), ("DK", 10.0)],
            age: &[("18-24", 15.0), ("25-34", 35.0), ("35-44", 30.0), ("45-54", 20.0)],
            gender: &[("female", 40.0), ("male", 60.0)],
            fee: 15000.0,
            // The agency took the account over in June.
            contract_start: Some("2026-06-01"),
            plans: vec![
                Plan { month: None, kpi: "net_growth", target: 300.0, direction: "at_least" },
                Plan { month: None, kpi: "er_post_pct", target: 3.0, direction: "at_least" },
            ],
            // The agency's October report: reach inflated by 30 %, follows about right, and
            // engagements counted with saves (another definition, not an inflated number).
            claims: vec![
                Claim { month: "2026-10", kpi: "reach", factor: 1.30, round_to: 1.0 },
                Claim { month: "2026-10", kpi: "follows", factor: 1.0, round_to: 100.0 },
                Claim { month: "2026-10", kpi: "engagements", factor: 1.0, round_to: 1.0 },
            ],
            events: vec![Event {
                start: GIVEAWAY_START,
                end: GIVEAWAY_END,
                kind: "giveaway",
                note: "Spring giveaway: win a Crescent Elis city bike",
            }],
        },
    }
}
