//! Which traffic sources are social: hosts, names and mediums as Google Analytics 4 and Yandex
//! Metrica write them.

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
pub fn is_social(value: &str) -> bool {
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
}
