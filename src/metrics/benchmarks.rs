//! Benchmarks that use the same formula: published medians (assets/benchmarks.toml, and the
//! user's own `[[benchmarks]]`), each shown only beside the account's value computed with the
//! formula the source used.

use super::engagement::audience_of;
use super::kpi::{Kpi, Kpis};
use super::stats::mean;
use crate::model::{Account, BenchmarkRow, Period, Post};
use std::sync::OnceLock;

/// The formulas the sources use, with how this program computes each on the account.
pub const FORMULAS: [(&str, &str); 5] = [
    (
        "er_post",
        "ER post: likes + comments + shares per follower, per post",
    ),
    (
        "er_likes_comments",
        "likes + comments per follower, per post",
    ),
    (
        "er_with_saves",
        "likes + comments + shares + saves per follower, per post",
    ),
    (
        "er_with_clicks",
        "likes + comments + shares + clicks per follower, per post",
    ),
    ("post_reach_rate", "a post's reach per follower, per post"),
];

pub fn known_formula(id: &str) -> bool {
    FORMULAS.iter().any(|(f, _)| *f == id)
}

pub fn formula_words(id: &str) -> &'static str {
    FORMULAS
        .iter()
        .find(|(f, _)| *f == id)
        .map_or("", |(_, w)| w)
}

/// The table shipped in the binary.
pub fn builtin() -> &'static [BenchmarkRow] {
    static TABLE: OnceLock<Vec<BenchmarkRow>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct File {
            benchmarks: Vec<BenchmarkRow>,
        }
        toml::from_str::<File>(include_str!("../../assets/benchmarks.toml"))
            .map(|f| f.benchmarks)
            .unwrap_or_default()
    })
}

/// The shipped table with the user's rows: a row of the same platform, formula and tier
/// replaces the shipped one; any other is added.
pub fn table(own: &[BenchmarkRow]) -> Vec<BenchmarkRow> {
    let mut out: Vec<BenchmarkRow> = builtin().to_vec();
    for row in own {
        match out.iter_mut().find(|r| r.same_slot(row)) {
            Some(old) => *old = row.clone(),
            None => out.push(row.clone()),
        }
    }
    out
}

/// The account's value with a source's formula; `None` where it cannot be computed.
pub fn account_value(account: &Account, p: &Period, formula: &str, kpis: &Kpis) -> Option<f64> {
    let posts: Vec<&Post> = account.posts_in(p).collect();
    let per_follower = |value: &dyn Fn(&Post) -> Option<f64>| {
        mean(
            posts
                .iter()
                .filter_map(|x| Some(value(x)? / audience_of(account, x)?)),
        )
        .map(|m| m * 100.0)
    };
    match formula {
        "er_post" => kpis.get(Kpi::ErPostPct),
        "er_likes_comments" => {
            per_follower(&|x| Some(x.likes.as_component()? + x.comments.as_component()?))
        }
        "er_with_saves" => per_follower(&|x| Some(x.engagements()? + x.saves.as_component()?)),
        "er_with_clicks" => per_follower(&|x| Some(x.engagements()? + x.clicks?)),
        "post_reach_rate" => per_follower(&|x| x.reach),
        _ => None,
    }
}

/// A benchmark next to the account's value by the same formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    pub row: BenchmarkRow,
    /// The account's value computed with the row's formula.
    pub account: Option<f64>,
}

impl Compared {
    /// "typical for Instagram 10K–50K: 0.54 % (HypeAuditor, 2026)".
    pub fn typical(&self) -> String {
        format!(
            "typical for {}{}: {} % ({}{})",
            platform_name(&self.row.platform),
            self.row.tier(),
            crate::evidence::percent(self.row.median_pct),
            self.row.source_name(),
            self.row.year.map_or(String::new(), |y| format!(", {y}"))
        )
    }
}

impl Compared {
    /// For a panel: "typical 0.47 % (Rival IQ 2023)".
    pub fn short(&self) -> String {
        format!(
            "typical {} % ({}{})",
            crate::evidence::percent(self.row.median_pct),
            self.row.source_name(),
            self.row.year.map_or(String::new(), |y| format!(" {y}"))
        )
    }
}

fn platform_name(p: &str) -> String {
    match p {
        "x" => "X".to_string(),
        "tiktok" => "TikTok".to_string(),
        "linkedin" => "LinkedIn".to_string(),
        "youtube" => "YouTube".to_string(),
        other => {
            let mut c = other.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        }
    }
}

/// The rows for the account's platform and follower count, each with the account's value by
/// its formula: those of ER post's own formula first.
pub fn compare(account: &Account, p: &Period, kpis: &Kpis) -> Vec<Compared> {
    let Some(platform) = account.config.account.platform.as_deref() else {
        return Vec::new();
    };
    let platform = platform.trim().to_lowercase();
    let followers = kpis.get(Kpi::FollowersEnd);
    let mut out: Vec<Compared> = table(&account.config.benchmarks)
        .into_iter()
        .filter(|r| r.platform == platform && followers.is_some_and(|f| r.covers(f)))
        .map(|row| Compared {
            account: account_value(account, p, &row.formula, kpis),
            row,
        })
        .collect();
    out.sort_by_key(|c| c.row.formula != "er_post");
    out
}

/// Why the account is set beside no benchmark, where it has a platform: the table has none for
/// the platform, or none for its size, or the period has no follower count at its end (the
/// benchmarks are by account size). An owner who named the platform is told, not left to guess.
pub fn absent(account: &Account, kpis: &Kpis, compared: &[Compared]) -> Option<String> {
    if !compared.is_empty() {
        return None;
    }
    let platform = account
        .config
        .account
        .platform
        .as_deref()?
        .trim()
        .to_lowercase();
    let name = platform_name(&platform);
    if !table(&account.config.benchmarks)
        .iter()
        .any(|r| r.platform == platform)
    {
        return Some(format!(
            "The table has no published benchmark for {name}; one of your own can be added with \
             [[benchmarks]] in audit.toml."
        ));
    }
    Some(match kpis.get(Kpi::FollowersEnd) {
        None => format!(
            "The published benchmarks for {name} are by account size, and this period has no \
             follower count at its end, so none can be set beside this account."
        ),
        Some(f) => format!(
            "No published benchmark for {name} covers an account of {} followers.",
            crate::format::count(f)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_reads_and_names_known_formulas() {
        let t = builtin();
        assert!(t.len() >= 15, "{}", t.len());
        assert!(t.iter().all(|r| known_formula(&r.formula)), "{t:?}");
        assert!(t.iter().all(|r| r.median_pct > 0.0 && !r.source.is_empty()));
    }

    #[test]
    fn an_own_row_replaces_the_same_slot_and_adds_others() {
        let mut mine = builtin()[0].clone();
        mine.median_pct = 9.0;
        let mut other = mine.clone();
        other.platform = "vk".to_string();
        let t = table(&[mine, other]);
        assert_eq!(t.len(), builtin().len() + 1);
        assert_eq!(t[0].median_pct, 9.0);
    }
}
