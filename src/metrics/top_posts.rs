//! The period's top posts (interface.md, `top_posts`).

use super::engagement::{post_rates, PostRates};
use crate::model::{Account, Period, Post};
use std::cmp::Ordering;

/// What the top posts are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ranking {
    #[default]
    Reach,
    /// Views (`impressions`): the first ranking where no post of the period has a reach value
    /// (X, TikTok and YouTube give views).
    Views,
    Engagements,
    ErPost,
}

impl Ranking {
    pub fn next(self) -> Ranking {
        match self {
            Ranking::Reach => Ranking::Views,
            Ranking::Views => Ranking::Engagements,
            Ranking::Engagements => Ranking::ErPost,
            Ranking::ErPost => Ranking::Reach,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Ranking::Reach => "reach",
            Ranking::Views => "views",
            Ranking::Engagements => "engagements",
            Ranking::ErPost => "ER post",
        }
    }
}

/// The first ranking of a period (interface.md): by reach, or by views where no post of the
/// period has a reach value.
pub fn first_ranking(account: &Account, p: &Period) -> Ranking {
    if account.posts_in(p).any(|post| post.reach.is_some()) {
        Ranking::Reach
    } else {
        Ranking::Views
    }
}

/// A post with its rank and per-post rates.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedPost {
    pub rank: usize,
    pub post: Post,
    pub rates: PostRates,
}

/// The `n` posts of the period with the highest value of `by`. Ties: more engagements first,
/// then post id in byte order. Posts without a value for `by` are not ranked.
pub fn top_posts(account: &Account, p: &Period, by: Ranking, n: usize) -> Vec<RankedPost> {
    let mut candidates: Vec<(f64, PostRates, &Post)> = account
        .posts_in(p)
        .filter_map(|post| {
            let rates = post_rates(account, post);
            let key = match by {
                Ranking::Reach => post.reach,
                Ranking::Views => post.impressions,
                Ranking::Engagements => rates.engagements,
                Ranking::ErPost => rates.er_post_pct,
            }?;
            Some((key, rates, post))
        })
        .collect();
    candidates.sort_by(|(ka, ra, pa), (kb, rb, pb)| {
        kb.total_cmp(ka)
            .then_with(|| cmp_desc(ra.engagements, rb.engagements))
            .then_with(|| pa.id.as_bytes().cmp(pb.id.as_bytes()))
    });
    candidates
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(i, (_, rates, post))| RankedPost {
            rank: i + 1,
            post: post.clone(),
            rates,
        })
        .collect()
}

/// Descending order with "no value" last.
fn cmp_desc(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
