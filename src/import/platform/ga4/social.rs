//! What the web-analytics importers (Google Analytics 4, Yandex Metrica) share: which traffic
//! sources are social, how a rate column is read (a fraction or a percent, decided by its
//! values), and the rows of one (date, source) summed into one.

use crate::model::TrafficRow;
use std::collections::HashMap;

/// Hosts (without `www.`, `m.`, `l.` …) whose visits are social.
const SOCIAL_HOSTS: &[&str] = &[
    "t.co", "t.me", "x.com", "vk.com", "vk.ru", "vk.cc", "ok.ru", "ig", "fb", "lnkd.in",
    "youtu.be", "pin.it", "tg", "vk", "x",
];

/// Names (a host's first label, or a source written as a word) of social platforms.
const SOCIAL_NAMES: &[&str] = &[
    "instagram",
    "facebook",
    "twitter",
    "tiktok",
    "linkedin",
    "youtube",
    "vkontakte",
    "telegram",
    "pinterest",
    "threads",
    "reddit",
    "snapchat",
    "tumblr",
    "odnoklassniki",
    "whatsapp",
    "вконтакте",
    "вк",
    "одноклассники",
    "телеграм",
    "телеграмм",
    "инстаграм",
    "инстаграмм",
    "фейсбук",
    "ютуб",
    "тикток",
    "твиттер",
];

/// Mediums that GA4's default channel grouping counts as social.
const SOCIAL_MEDIUMS: &[&str] = &[
    "social",
    "social-network",
    "social-media",
    "sm",
    "social network",
    "social media",
];

/// Whether a source, a `source / medium` pair, a channel group (`Organic Social`) or a
/// Metrica source category (`Переходы из социальных сетей`, messengers) is social.
pub(in crate::import::platform) fn is_social(value: &str) -> bool {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return false;
    }
    if v.contains("социальн") || v.contains("мессенджер") || v.contains("messenger")
    {
        return true;
    }
    if v.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "social")
        && !v.contains(" / ")
    {
        return true;
    }
    let (source, medium) = match v.split_once(" / ") {
        Some((s, m)) => (s.trim(), m.trim()),
        None => (v.as_str(), ""),
    };
    if SOCIAL_MEDIUMS.contains(&medium) || (medium.starts_with("paid") && medium.contains("social"))
    {
        return true;
    }
    let mut host = source
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    host = host.split('/').next().unwrap_or("");
    for prefix in [
        "www.", "m.", "l.", "lm.", "mobile.", "web.", "away.", "mbasic.",
    ] {
        if let Some(rest) = host.strip_prefix(prefix) {
            host = rest;
        }
    }
    let first = host.split('.').next().unwrap_or("");
    SOCIAL_HOSTS.contains(&host) || SOCIAL_NAMES.contains(&first)
}

/// Running sums of the rows of one (date, source).
struct Sum {
    line: u64,
    row: TrafficRow,
    rows: usize,
    /// (value × sessions, sessions) of bounce rate, session length and depth.
    weighted: [(f64, f64); 3],
}

fn add(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x + y),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Rows of the same (date, source) summed into one: counts added, rates and means weighted by
/// sessions. A (date, source) of one row is kept as it is. Sorted by date, then source.
pub(in crate::import::platform) fn combine(rows: Vec<(u64, TrafficRow)>) -> Vec<(u64, TrafficRow)> {
    let mut index: HashMap<(chrono::NaiveDate, String), usize> = HashMap::new();
    let mut sums: Vec<Sum> = Vec::new();
    let means = |r: &TrafficRow| {
        [
            r.bounce_rate_pct,
            r.avg_session_seconds,
            r.pages_per_session,
        ]
    };
    for (line, row) in rows {
        let key = (row.date, row.source.clone());
        let Some(&i) = index.get(&key) else {
            index.insert(key, sums.len());
            let weighted =
                means(&row).map(|m| m.map_or((0.0, 0.0), |v| (v * row.sessions, row.sessions)));
            sums.push(Sum {
                line,
                row,
                rows: 1,
                weighted,
            });
            continue;
        };
        let s = &mut sums[i];
        for (w, m) in s.weighted.iter_mut().zip(means(&row)) {
            if let Some(v) = m {
                *w = (w.0 + v * row.sessions, w.1 + row.sessions);
            }
        }
        let r = &mut s.row;
        r.sessions += row.sessions;
        r.users = add(r.users, row.users);
        r.new_users = add(r.new_users, row.new_users);
        r.conversions = add(r.conversions, row.conversions);
        r.leads = add(r.leads, row.leads);
        r.revenue = add(r.revenue, row.revenue);
        r.bounce_rate_pct = r.bounce_rate_pct.or(row.bounce_rate_pct);
        r.avg_session_seconds = r.avg_session_seconds.or(row.avg_session_seconds);
        r.pages_per_session = r.pages_per_session.or(row.pages_per_session);
        s.rows += 1;
    }
    let mut out: Vec<(u64, TrafficRow)> = sums
        .into_iter()
        .map(|mut s| {
            if s.rows > 1 {
                let [b, t, p] = s.weighted.map(|(sum, w)| (w > 0.0).then(|| sum / w));
                let r = &mut s.row;
                r.bounce_rate_pct = b.or(r.bounce_rate_pct);
                r.avg_session_seconds = t.or(r.avg_session_seconds);
                r.pages_per_session = p.or(r.pages_per_session);
            }
            (s.line, s.row)
        })
        .collect();
    out.sort_by(|a, b| (a.1.date, &a.1.source).cmp(&(b.1.date, &b.1.source)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn social_sources() {
        for s in [
            "instagram",
            "l.instagram.com",
            "m.facebook.com",
            "fb",
            "ig",
            "t.co",
            "x.com",
            "twitter",
            "tiktok",
            "linkedin.com",
            "youtube.com",
            "vk.com",
            "t.me",
            "telegram",
            "pinterest.com",
            "instagram / social",
            "newsletter / social",
            "Organic Social",
            "Paid Social",
            "Переходы из социальных сетей",
            "Социальные сети",
            "ВКонтакте",
            "https://www.facebook.com/",
            "Переходы из мессенджеров",
        ] {
            assert!(is_social(s), "{s}");
        }
        for s in [
            "google / organic",
            "(direct) / (none)",
            "Organic Search",
            "Direct",
            "bing",
            "Прямые заходы",
            "yandex.ru",
            "mail.google.com",
            "",
            "socialblade.com",
        ] {
            assert!(!is_social(s), "{s}");
        }
    }

    #[test]
    fn rows_of_one_day_and_source_are_summed_with_weighted_rates() {
        let d = "2026-10-01".parse().unwrap();
        let row = |sessions: f64, bounce: f64| TrafficRow {
            date: d,
            source: "vk.com".into(),
            sessions,
            users: Some(sessions - 1.0),
            bounce_rate_pct: Some(bounce),
            ..TrafficRow::default()
        };
        let out = combine(vec![(3, row(10.0, 20.0)), (4, row(30.0, 60.0))]);
        assert_eq!(out.len(), 1);
        let (line, r) = &out[0];
        assert_eq!((*line, r.sessions, r.users), (3, 40.0, Some(38.0)));
        assert_eq!(r.bounce_rate_pct, Some(50.0));
    }
}
