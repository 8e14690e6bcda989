//! Acme Coffee, a Berlin roaster: a healthy account. Steady organic growth, one real
//! paid campaign (with its event), one viral reel, an audience that fits the portrait.

use crate::config::*;
use crate::date::Date;

const CAPTIONS: Words = &[
    "New on the shelf: {origin}. Think {note}, {note} and a long, sweet finish.",
    "Roast day! Batch #{batch} of {origin} is cooling on the tray right now.",
    "\"Best flat white in Kreuzberg,\" says our regular {name}. We won't argue.",
    "Brew guide for the V60: 15 g coffee, 250 g water, 3 minutes. That's it.",
    "Meet {name}, one of our roasters. Ask anything about {origin} in the comments!",
    "Weekend hours: Sat 9-17, Sun 10-16. Come say hi, the espresso is on.",
    "Why we roast light: sweetness, clarity, and a little bit of stubbornness.",
    "Subscription tip: pause anytime, skip a week, or switch to {origin}.",
    "Latte art fail of the week. Still tasted great, though.",
    "Behind the scenes: sorting green beans by hand, one sack at a time.",
    "Direct trade means we know the farmers by name. This is {farmer}.",
    "Cupping this Thursday at 18:00: free, just bring a mug and an opinion.",
    "Your grinder matters more than your machine. Here's how fine \"fine\" really is.",
    "Which one is your morning cup: {origin} or {origin}? Tell us below.",
    "Fresh croissants from our neighbours at Bäckerei Lenz, coffee from us. Deal?",
    "Decaf that tastes like coffee: {origin}, Swiss Water processed, notes of {note}.",
    "Espresso recipe of the month: 18 g in, 40 g out, 28 seconds.",
    "{name}'s pick this week: {origin}, as a filter, with {note} all the way through.",
];

const CAMPAIGN: Words = &[
    "Spring roast is here: {origin}, roasted this morning. 15 % off this week with code SPRING.",
    "Our spring launch, in one sip: {note}, {note} and a bit of sunshine.",
    "Last days of the spring launch: order by Sunday, \"fresh or free\" delivery in Berlin.",
];

const FILLERS: &[(&str, Words)] = &[
    (
        "origin",
        &[
            "Ethiopia Guji",
            "Colombia Huila",
            "Kenya Nyeri",
            "Brazil Cerrado",
            "Guatemala Huehuetenango",
            "Rwanda Nyamasheke",
            "Peru Cajamarca",
            "Honduras Marcala",
        ],
    ),
    (
        "note",
        &[
            "blueberry",
            "cocoa",
            "caramel",
            "jasmine",
            "plum",
            "hazelnut",
            "bergamot",
            "brown sugar",
            "red apple",
            "milk chocolate",
        ],
    ),
    ("name", &["Jonas", "Mia", "Leonie", "Emre", "Sofia", "Paul"]),
    (
        "farmer",
        &[
            "Tsegaye Bekele",
            "Ana Lucía Rojas",
            "Jean-Pierre Habimana",
            "Mateo Flores",
        ],
    ),
    (
        "batch",
        &["214", "227", "239", "251", "263", "278", "290", "305"],
    ),
];

const TYPES: Weights = &[
    ("photo", 0.28),
    ("carousel", 0.27),
    ("reel", 0.25),
    ("story", 0.12),
    ("video", 0.08),
];

const COUNTRY: Weights = &[
    ("DE", 74.0),
    ("AT", 14.0),
    ("CH", 9.0),
    ("NL", 1.2),
    ("US", 1.0),
    ("FR", 0.8),
];
const AGE: Weights = &[
    ("13-17", 1.0),
    ("18-24", 19.0),
    ("25-34", 44.0),
    ("35-44", 25.0),
    ("45-54", 8.5),
    ("55-64", 2.0),
    ("65+", 0.5),
];
const GENDER: Weights = &[("female", 58.0), ("male", 40.0), ("other", 2.0)];
const CITY: Weights = &[
    ("Berlin", 46.0),
    ("Hamburg", 12.0),
    ("München", 10.0),
    ("Wien", 9.0),
    ("Zürich", 6.0),
    ("Other", 17.0),
];
/// The viral reel reaches further: August's newcomers are a little younger and more international.
const COUNTRY_AUG: Weights = &[
    ("DE", 70.0),
    ("AT", 13.0),
    ("CH", 9.0),
    ("NL", 2.0),
    ("US", 3.0),
    ("GB", 2.0),
    ("FR", 1.0),
];
const AGE_AUG: Weights = &[
    ("13-17", 2.0),
    ("18-24", 28.0),
    ("25-34", 42.0),
    ("35-44", 19.0),
    ("45-54", 7.0),
    ("55-64", 1.5),
    ("65+", 0.5),
];

const CAMPAIGN_START: Date = Date::new(2026, 5, 4);
const CAMPAIGN_END: Date = Date::new(2026, 5, 17);
const VIRAL: Date = Date::new(2026, 8, 19);

pub fn account() -> Account {
    Account {
        slug: "acme-coffee",
        name: "Acme Coffee",
        currency: "EUR",
        timezone: "Europe/Berlin",
        seed: 0xAC3E_C0FF_EE00_2025,
        id_base: 17_912_000_000_000_000_000,
        growth: Growth {
            followers0: 8000,
            follow_rate: 0.00152,
            follow_noise: 7.0,
            unfollow_rate: 0.0005,
            unfollow_noise: 3.5,
            season: 0.0,
            daily_reach: 0.22,
            visit_rate: 0.03,
            click_rate: 0.35,
            episodes: vec![
                // The paid campaign: a moderate, steady lift in follows, nothing that looks like a spike.
                Episode {
                    start: CAMPAIGN_START,
                    follows: &[8, 11, 12, 13, 12, 10, 9, 11, 13, 14, 12, 11, 10, 9],
                    engaged: 1.0,
                    churn: 0.0,
                    churn_days: 0,
                    churn_tau: 1.0,
                },
                // The viral reel: a two-day bump of real, engaged followers.
                Episode {
                    start: VIRAL,
                    follows: &[72, 50, 14],
                    engaged: 1.0,
                    churn: 0.0,
                    churn_days: 0,
                    churn_tau: 1.0,
                },
            ],
        },
        content: Content {
            four_a_week: 0.55,
            hours: (7, 19),
            types: TYPES,
            reach: 0.26,
            like_rate: 0.16,
            captions: CAPTIONS,
            fillers: FILLERS,
            boosts: vec![
                Boost {
                    start: CAMPAIGN_START,
                    end: CAMPAIGN_END,
                    reach: 1.15,
                    engagement: 1.25,
                    paid_share: 0.5,
                    captions: CAMPAIGN,
                },
                Boost {
                    start: VIRAL.add(2),
                    end: VIRAL.add(22),
                    reach: 1.1,
                    engagement: 1.2,
                    paid_share: 0.0,
                    captions: &[],
                },
            ],
            specials: vec![Special {
                date: VIRAL,
                minute: 18 * 60 + 30,
                kind: "reel",
                plant: Plant::Viral(6.0),
                caption: "How a green bean becomes your espresso, in 30 seconds. Sound on!",
            }],
        },
        ads: Ads {
            always_on: "Always-on: bean subscription",
            objective: "traffic",
            daily: (9.0, 16.0),
            cpm: (5.5, 8.0),
            ctr: 0.009,
            lead_rate: 0.08,
            follow_rate: 0.0006,
            campaign: Some(Campaign {
                name: "Spring roast launch",
                objective: "follows",
                start: CAMPAIGN_START,
                end: CAMPAIGN_END,
                daily: (70.0, 100.0),
                cpm: (7.0, 9.5),
            }),
        },
        shop: Shop {
            conversion_rate: 0.028,
            lead_rate: 0.055,
            basket: (18.0, 65.0),
            bounce: (32.0, 58.0),
            seconds: (70.0, 210.0),
            pages: (1.6, 3.4),
            facebook_days: 0.18,
        },
        inbox: Inbox {
            per_day: (1, 4),
            answered: 0.93,
            delay: (4, 120),
            open: (8, 19),
        },
        audience: Audience {
            base: Mix {
                country: COUNTRY,
                age: AGE,
                gender: GENDER,
                city: CITY,
            },
            new_overrides: vec![(
                "2026-08",
                Mix {
                    country: COUNTRY_AUG,
                    age: AGE_AUG,
                    gender: GENDER,
                    city: CITY,
                },
            )],
        },
        audit: Audit {
            country: &[("DE", 75.0), ("AT", 15.0), ("CH", 10.0)],
            age: &[
                ("18-24", 20.0),
                ("25-34", 45.0),
                ("35-44", 25.0),
                ("45-54", 10.0),
            ],
            gender: &[("female", 60.0), ("male", 40.0)],
            fee: 1200.0,
            contract_start: None,
            plans: vec![
                Plan {
                    month: None,
                    kpi: "net_growth",
                    target: 200.0,
                    direction: "at_least",
                },
                Plan {
                    month: None,
                    kpi: "posts",
                    target: 12.0,
                    direction: "at_least",
                },
                Plan {
                    month: None,
                    kpi: "cpl",
                    target: 40.0,
                    direction: "at_most",
                },
                Plan {
                    month: Some("2026-05"),
                    kpi: "follows",
                    target: 550.0,
                    direction: "at_least",
                },
            ],
            // The agency's October report: reach rounded up a little, within 2 %.
            claims: vec![Claim {
                month: "2026-10",
                kpi: "reach",
                factor: 1.012,
                round_to: 100.0,
            }],
            events: vec![Event {
                start: CAMPAIGN_START,
                end: CAMPAIGN_END,
                kind: "campaign",
                note: "Spring roast launch: paid campaign, follows objective",
            }],
        },
    }
}
