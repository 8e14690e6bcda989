//! Render-ready data for one period, computed when the period changes and never while drawing:
//! the period's audit (with its charts), the top posts in every ranking, the post medians.

use crate::audit::{AccountAudit, PeriodAudit};
use crate::metrics::stats::median;
use crate::metrics::{self, post_rates, RankedPost, Ranking};
use crate::model::{Account, Period};
use crate::rules::Thresholds;

/// Everything the dashboard draws for one period.
#[derive(Debug, Clone)]
pub struct PeriodView {
    pub audit: PeriodAudit,
    /// What the first list is ranked by: reach, or views where no post has a reach value.
    pub first_ranking: Ranking,
    /// The top posts in each ranking: reach, views, engagements, ER post.
    pub top: [Vec<RankedPost>; 4],
    /// The period's medians of a post's numbers, for a post's detail.
    pub medians: PostMedians,
    /// The posts the period's findings are about, with their rates, by post id.
    pub finding_posts: std::collections::HashMap<String, RankedPost>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PostMedians {
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub engagements: Option<f64>,
    pub er_post_pct: Option<f64>,
    pub err_pct: Option<f64>,
    pub er_view_pct: Option<f64>,
}

impl PeriodView {
    pub fn top(&self, r: Ranking) -> &[RankedPost] {
        match r {
            // A period without reach values shows its views for "reach".
            Ranking::Reach if self.first_ranking == Ranking::Views => &self.top[1],
            Ranking::Reach => &self.top[0],
            Ranking::Views => &self.top[1],
            Ranking::Engagements => &self.top[2],
            Ranking::ErPost => &self.top[3],
        }
    }
}

pub fn build(account: &Account, whole: &AccountAudit, th: &Thresholds, p: &Period) -> PeriodView {
    let audit = whole.period(account, th, p);
    let first_ranking = audit.summary.top_posts_by;
    let top = [
        metrics::top_posts(account, p, Ranking::Reach, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::Views, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::Engagements, metrics::TOP_N),
        metrics::top_posts(account, p, Ranking::ErPost, metrics::TOP_N),
    ];
    let posts: Vec<_> = account.posts_in(p).collect();
    let rates: Vec<_> = posts.iter().map(|x| post_rates(account, x)).collect();
    let medians = PostMedians {
        reach: median(posts.iter().filter_map(|x| x.reach)),
        impressions: median(posts.iter().filter_map(|x| x.impressions)),
        engagements: median(rates.iter().filter_map(|r| r.engagements)),
        er_post_pct: median(rates.iter().filter_map(|r| r.er_post_pct)),
        err_pct: median(rates.iter().filter_map(|r| r.err_pct)),
        er_view_pct: median(rates.iter().filter_map(|r| r.er_view_pct)),
    };
    let finding_posts = audit
        .findings
        .iter()
        .flat_map(|f| &f.posts)
        .filter_map(|id| {
            let post = account.posts_in(p).find(|x| &x.id == id)?;
            let ranked = RankedPost {
                rank: 0,
                post: post.clone(),
                rates: post_rates(account, post),
            };
            Some((id.clone(), ranked))
        })
        .collect();
    PeriodView {
        finding_posts,
        audit,
        first_ranking,
        top,
        medians,
    }
}
