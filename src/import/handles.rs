//! Which account a post belongs to, by its link (`tiktok.com/@name/video/…`,
//! `x.com/name/status/…`, `facebook.com/name/posts/…`, `t.me/name/…`). A folder whose posts
//! come from two accounts is named in the load report (its figures would mix them), and `init`
//! names the account after its posts. Instagram's and YouTube's links name no account.

use crate::model::Post;

/// The account a post's link names, as its platform writes it (`@name` on TikTok, X and
/// Telegram, the page's name or number on Facebook).
pub fn of_link(link: &str) -> Option<String> {
    let link = link.trim();
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))?;
    let slash = memchr::memchr(b'/', rest.as_bytes())?;
    let (host, path) = (&rest[..slash], &rest[slash + 1..]);
    // Most links are of platforms that name no account: known without a copy of anything.
    let host = ["www.", "m.", "mobile.", "web."]
        .iter()
        .find_map(|p| {
            host.get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .map(|_| &host[p.len()..])
        })
        .unwrap_or(host);
    let is = |name: &str| host.eq_ignore_ascii_case(name);
    if !(is("tiktok.com") || is("twitter.com") || is("x.com") || is("facebook.com") || is("t.me")) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let path: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let named =
        |s: &&str| !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || "._-".contains(c));
    if is("tiktok.com") {
        return path
            .iter()
            .find(|p| p.len() > 1 && p.starts_with('@') && named(&&p[1..]))
            .map(|p| p.to_string());
    }
    if is("twitter.com") || is("x.com") {
        return match path.as_slice() {
            [name, "status", ..] if *name != "i" && named(name) => Some(format!("@{name}")),
            _ => None,
        };
    }
    if is("facebook.com") {
        return match path.as_slice() {
            [name, "posts" | "videos" | "photos" | "reels", ..] if named(name) => {
                Some(name.to_string())
            }
            _ => None,
        };
    }
    match path.as_slice() {
        [name, _, ..] if !matches!(*name, "c" | "s") && named(name) => Some(format!("@{name}")),
        _ => None,
    }
}

/// The accounts the posts' links name, most posts first (ties by name): (account as first
/// written, posts). Names are compared without case, as the platforms do.
pub fn count(posts: &[Post]) -> Vec<(String, usize)> {
    use rayon::prelude::*;
    // A hundred thousand links are looked at on every core; most name no account.
    let names: Vec<String> = posts
        .par_iter()
        .filter_map(|p| of_link(&p.permalink))
        .collect();
    let mut seen: Vec<(String, String, usize)> = Vec::new();
    for name in names {
        let key = name.to_lowercase();
        match seen.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, n)) => *n += 1,
            None => seen.push((key, name, 1)),
        }
    }
    let mut out: Vec<(String, usize)> = seen.into_iter().map(|(_, name, n)| (name, n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The one account the posts come from, where their links name one (a few shared posts of
/// other accounts aside): what `init` names the account.
pub fn only(counts: &[(String, usize)]) -> Option<&str> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let (name, n) = counts.first()?;
    (*n * 20 >= total * 19).then_some(name.as_str())
}

/// A warning where the posts come from more than one account: each other account holds at
/// least 3 posts and a twentieth of those whose links name one.
pub fn mixed(counts: &[(String, usize)]) -> Option<String> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let many: Vec<&(String, usize)> = counts
        .iter()
        .filter(|(_, n)| *n >= 3 && n * 20 >= total)
        .collect();
    if many.len() < 2 {
        return None;
    }
    let shown = many.len().min(4);
    let mut list: Vec<String> = many[..shown]
        .iter()
        .map(|(name, n)| format!("{} ({n} posts)", crate::text::one_line(name)))
        .collect();
    if many.len() > shown {
        list.push(format!("{} more", many.len() - shown));
    }
    Some(format!(
        "the posts come from {} accounts by their links: {}; the figures mix them. A folder \
         should hold one account's exports: move the others' files to a folder of their own",
        many.len(),
        list.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_name_their_account() {
        let cases = [
            (
                "https://www.tiktok.com/@haileytupy2.0/video/7598683574904130871",
                Some("@haileytupy2.0"),
            ),
            (
                "https://twitter.com/rOpenSci/status/1080190541137428480",
                Some("@rOpenSci"),
            ),
            ("https://x.com/someone/status/1?s=20", Some("@someone")),
            ("https://x.com/i/status/1", None),
            (
                "https://www.facebook.com/OigetitSouthAfricaFacebook/posts/974986478054678",
                Some("OigetitSouthAfricaFacebook"),
            ),
            ("https://m.facebook.com/123456/videos/789/", Some("123456")),
            (
                "https://www.facebook.com/permalink.php?story_fbid=1&id=2",
                None,
            ),
            ("https://t.me/durov/123", Some("@durov")),
            ("https://t.me/c/123/456", None),
            ("https://www.instagram.com/p/nRWb38SNK-j/", None),
            ("https://www.youtube.com/watch?v=abc", None),
            ("not a link", None),
            ("", None),
        ];
        for (link, want) in cases {
            assert_eq!(of_link(link).as_deref(), want, "{link}");
        }
    }

    fn posts(links: &[(&str, usize)]) -> Vec<Post> {
        let mut out = Vec::new();
        for (link, n) in links {
            for i in 0..*n {
                let mut p = Post::blank(&format!("{link}{i}"), "2026-10-01T10:00:00+00:00");
                p.permalink = format!("https://x.com/{link}/status/{i}");
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn two_accounts_are_named_and_a_few_shared_posts_are_not() {
        let c = count(&posts(&[("shop", 40), ("Other", 12), ("SHOP", 2)]));
        assert_eq!(c, [("@shop".to_string(), 42), ("@Other".to_string(), 12)]);
        assert_eq!(only(&c), None);
        let why = mixed(&c).unwrap();
        assert!(why.starts_with("the posts come from 2 accounts by their links: @shop (42 posts), @Other (12 posts)"), "{why}");
        // Two posts of another account among a hundred: one account.
        let c = count(&posts(&[("shop", 100), ("friend", 2)]));
        assert_eq!(mixed(&c), None);
        assert_eq!(only(&c), Some("@shop"));
        assert_eq!(only(&[]), None);
    }
}
