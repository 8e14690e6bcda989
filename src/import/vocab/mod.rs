//! The words exports use for the same things, in every language the platforms ship, in one
//! place: totals rows, genders, age buckets, post types, yes and no.

pub mod countries;
pub mod months;
pub mod social;

use crate::model::PostType;

/// Labels of a totals row (dropped: it repeats the other rows' sum).
pub const TOTALS: &[&str] = &[
    "total",
    "totals",
    "grand total",
    "total and averages",
    "totals and averages",
    "gesamt",
    "итого",
    "итого и средние",
    "итоговое значение",
    "всего",
];

/// Whether a cell, trimmed and lower-cased, is one of `labels`.
pub fn is_one_of(cell: &str, labels: &[&str]) -> bool {
    let t = crate::import::lenient::trim(cell);
    // Labels are short words: a long cell or a number is none of them (no allocation).
    if t.is_empty() || t.len() > 40 || t.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    labels.contains(&t.to_lowercase().as_str())
}

/// Whether a label cell marks a totals row.
pub fn is_total(cell: &str) -> bool {
    is_one_of(cell, TOTALS)
}

/// The model's gender (`female`, `male`, `other`) for a label or code in any language.
pub fn gender(label: &str) -> Option<&'static str> {
    match label.trim().to_lowercase().as_str() {
        "female" | "females" | "women" | "woman" | "f" | "weiblich" | "frauen" | "femme"
        | "femmes" | "mujer" | "mujeres" | "feminino" | "nữ" | "perempuan" | "wanita" | "ж"
        | "жен" | "женский" | "женщины" | "γυναίκα" => Some("female"),
        "male" | "males" | "men" | "man" | "m" | "männlich" | "männer" | "homme" | "hommes"
        | "hombre" | "hombres" | "masculino" | "nam" | "laki-laki" | "pria" | "м" | "муж"
        | "мужской" | "мужчины" | "άνδρας" => Some("male"),
        "other" | "others" | "u" | "unknown" | "unspecified" | "not specified" | "undisclosed"
        | "divers" | "autre" | "otro" | "outro" | "khác" | "lainnya" | "другое" | "не указан"
        | "άλλο" => Some("other"),
        _ => None,
    }
}

/// The model's age bucket (`13-17` … `65+`) for a label such as `18-24`, `18–24`, `65 +`,
/// `65 and over`, `от 65`.
pub fn age_bucket(label: &str) -> Option<&'static str> {
    const BUCKETS: [&str; 7] = ["13-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"];
    let l: String = label
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if matches!(c, '–' | '—') { '-' } else { c })
        .collect();
    if matches!(
        l.as_str(),
        "65andover" | "65andolder" | "от65" | "старше65" | ">65" | "65-"
    ) {
        return Some("65+");
    }
    BUCKETS.into_iter().find(|b| *b == l)
}

/// The model's post type for a platform's word (`Photos`, `IG reel`, `Carousel album`,
/// `Status`, `фото`, `Document`…); `None` for a word none of them uses.
pub fn post_type(word: &str) -> Option<PostType> {
    if let Some(exact) = PostType::parse(word) {
        return Some(exact);
    }
    let t = word.trim().to_lowercase();
    let exact = match t.as_str() {
        "" => Some(PostType::Other),
        "image" | "picture" | "фото" | "изображение" | "картинка" => {
            Some(PostType::Photo)
        }
        "видео" | "clip" | "клип" | "live video" => Some(PostType::Video),
        "reels" | "short" | "shorts" | "рилс" => Some(PostType::Reel),
        "stories" | "история" | "истории" | "сторис" => Some(PostType::Story),
        "album" | "gallery" | "альбом" | "карусель" | "document" | "multi-image"
        | "multiple images" => Some(PostType::Carousel),
        "текст" | "status" | "text only" => Some(PostType::Text),
        "ссылка" | "article" | "статья" | "newsletter" => Some(PostType::Link),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    let has = |w: &str| t.contains(w);
    if has("carousel") || has("album") {
        Some(PostType::Carousel)
    } else if has("reel") {
        Some(PostType::Reel)
    } else if has("stor") {
        Some(PostType::Story)
    } else if has("video") {
        Some(PostType::Video)
    } else if has("photo") || has("image") {
        Some(PostType::Photo)
    } else if has("link") {
        Some(PostType::Link)
    } else if has("text") || has("status") {
        Some(PostType::Text)
    } else {
        None
    }
}

/// The figure of the audit a column's name says it holds (`followers`, `follows`, `unfollows`,
/// `reach`, `impressions`, `profile_visits`), if any.
pub fn audited_figure(header: &str) -> Option<&'static str> {
    let h = header.to_lowercase().replace('_', " ");
    [
        ("unfollow", "unfollows"),
        ("follower", "followers"),
        ("follows", "follows"),
        ("reach", "reach"),
        ("impression", "impressions"),
        ("profile visit", "profile_visits"),
    ]
    .into_iter()
    .find(|(word, _)| h.contains(word))
    .map(|(_, figure)| figure)
}

/// Whether a column's name is one of engagement's (likes, comments, shares, saves, replies,
/// reposts, bookmarks, reactions, or engagements as a whole). Whole names only: Facebook's
/// `Lifetime Total Likes` counts the page's fans, not likes of posts.
pub fn engagement_column(header: &str) -> bool {
    const NAMES: &[&str] = &[
        "likes",
        "comments",
        "shares",
        "saves",
        "replies",
        "reposts",
        "retweets",
        "bookmarks",
        "reactions",
        "engagements",
    ];
    NAMES.contains(&header.trim().to_lowercase().as_str())
}

/// Yes or no, as exports write whether a post was paid for.
pub fn boolean(word: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "true",
        "yes",
        "1",
        "да",
        "paid",
        "sponsored",
        "promoted",
        "boosted",
        "реклама",
        "промо",
    ];
    const NO: &[&str] = &["false", "no", "0", "нет", "organic", "unpaid"];
    let w = word.trim();
    // Most cells are ASCII (`true`, `false`): compared without a lower-cased copy.
    let is = |list: &[&str]| {
        if w.is_ascii() {
            list.iter().any(|l| l.eq_ignore_ascii_case(w))
        } else {
            let lower = w.to_lowercase();
            list.contains(&lower.as_str())
        }
    };
    if is(YES) {
        Some(true)
    } else if is(NO) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_list_for_every_importer() {
        assert_eq!(gender("Weiblich"), Some("female"));
        assert_eq!(gender("ж"), Some("female"));
        assert_eq!(gender("Hombres"), Some("male"));
        assert_eq!(age_bucket("65 and over"), Some("65+"));
        assert_eq!(age_bucket("18–24"), Some("18-24"));
        assert_eq!(age_bucket("12-16"), None);
        for (word, kind) in [
            ("Photos", PostType::Photo),
            ("IG carousel", PostType::Carousel),
            ("Carousel album", PostType::Carousel),
            ("Reels", PostType::Reel),
            ("IG story", PostType::Story),
            ("Stories", PostType::Story),
            ("Status", PostType::Text),
            ("Links", PostType::Link),
            ("", PostType::Other),
            ("IG reel", PostType::Reel),
        ] {
            assert_eq!(post_type(word), Some(kind), "{word}");
        }
        assert_eq!(age_bucket("65 +"), Some("65+"));
        assert_eq!(age_bucket("Unknown"), None);
        assert_eq!(gender("Women"), Some("female"));
        assert!(is_total(" Total "));
        assert_eq!(post_type("Карусель"), Some(PostType::Carousel));
        assert_eq!(post_type("hologram"), None);
        assert!(is_total(" Итого "));
        assert!(!is_total("2025-01-01"));
        assert_eq!(boolean("Sponsored"), Some(true));
        assert_eq!(boolean("maybe"), None);
    }
}
