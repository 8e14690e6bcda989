//! The interactive audit's state machine. No terminal here: keys arrive as `Action`s, only
//! `App::update` changes state, and the drawing code reads `&App`.

mod action;
pub mod portfolio;
mod state;
pub mod view;

pub use crate::audit::Series;
pub use action::Action;
pub use state::{Bounds, Focus, Mode, Screen, Step};
pub use view::{PeriodView, PostMedians};

use crate::audit::AccountAudit;
use crate::import::LoadReport;
use crate::metrics::{RankedPost, Ranking};
use crate::model::{Account, Period};
use crate::rules::{Finding, Thresholds};
use chrono::Datelike;
use std::collections::HashMap;

/// What the loop must do after an update, outside the state machine (it is I/O).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Write the period's Markdown report to a new file in the current folder.
    ExportReport,
}

/// Where the account came from, for the header.
#[derive(Debug, Clone)]
pub struct Origin {
    pub label: String,
    pub demo: bool,
    pub timezone: String,
    /// The theme named in the user's config (`dark`, `light`, `mono`).
    pub theme: Option<String>,
    /// `--no-color` or `NO_COLOR`: a monochrome theme.
    pub no_color: bool,
    /// The files `e` must never write over.
    pub inputs: crate::output::Inputs,
}

pub struct App {
    pub account: Account,
    pub load: LoadReport,
    pub thresholds: Thresholds,
    /// What the rules know of the whole account, and every month's verdict.
    pub audit: AccountAudit,
    pub origin: Origin,
    /// The months that have data, first to last.
    pub first_month: Period,
    pub last_month: Period,
    pub period: Period,
    pub view: PeriodView,
    cache: HashMap<Period, PeriodView>,
    pub stack: Vec<Screen>,
    pub focus: Focus,
    pub finding_sel: usize,
    pub post_sel: usize,
    pub ranking: Ranking,
    pub kpi_scroll: u16,
    pub help_scroll: u16,
    /// Scroll of a post's or a finding's detail.
    pub detail_scroll: u16,
    /// How far the list or text on screen can scroll, as the last frame drew it.
    pub bounds: Bounds,
    /// Opened from a portfolio's list: Esc on the dashboard returns to it.
    pub in_portfolio: bool,
    /// Set when Esc left the account for the portfolio's list.
    pub back_to_list: bool,
    /// A one-line message for the footer (e.g. the path of a written report).
    pub status: Option<String>,
    quit: bool,
}

impl App {
    pub fn new(
        account: Account,
        load: LoadReport,
        thresholds: Thresholds,
        origin: Origin,
        period: Period,
    ) -> App {
        let dates = account
            .daily
            .keys()
            .copied()
            .chain(account.posts.iter().map(|p| p.date));
        let (lo, hi) = dates.fold((period.start, period.end), |(lo, hi), d| {
            (lo.min(d), hi.max(d))
        });
        let audit = AccountAudit::new(&account, &thresholds);
        let view = view::build(&account, &audit, &thresholds, &period);
        App {
            audit,
            first_month: Period::month_of(lo),
            last_month: Period::month_of(hi),
            account,
            load,
            thresholds,
            origin,
            period,
            view,
            cache: HashMap::new(),
            stack: vec![Screen::Dashboard],
            focus: Focus::default(),
            finding_sel: 0,
            post_sel: 0,
            ranking: Ranking::Reach,
            kpi_scroll: 0,
            help_scroll: 0,
            detail_scroll: 0,
            bounds: Bounds::default(),
            in_portfolio: false,
            back_to_list: false,
            status: None,
            quit: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn screen(&self) -> Screen {
        *self.stack.last().unwrap_or(&Screen::Dashboard)
    }

    pub fn mode(&self) -> Mode {
        self.screen().mode()
    }

    pub fn findings(&self) -> &[Finding] {
        &self.view.audit.findings
    }

    pub fn top_posts(&self) -> &[RankedPost] {
        self.view.top(self.ranking)
    }

    /// The ranking `s` goes to: where "reach" already shows the views, not views again.
    pub fn next_ranking(&self) -> Ranking {
        let next = self.ranking.next();
        if next == Ranking::Views && self.view.first_ranking == Ranking::Views {
            next.next()
        } else {
            next
        }
    }

    /// The ranking shown: the first one is by views on a period without reach values.
    pub fn shown_ranking(&self) -> Ranking {
        match self.ranking {
            Ranking::Reach => self.view.first_ranking,
            other => other,
        }
    }

    pub fn currency(&self) -> String {
        self.account
            .config
            .account
            .currency
            .clone()
            .unwrap_or_default()
    }

    /// The finding whose dates are marked on the charts: the one open, else the selected one
    /// while the findings have the focus.
    pub fn marked_finding(&self) -> Option<&Finding> {
        match self.screen() {
            Screen::FindingDetail(i) | Screen::FindingPost(i) => self.findings().get(i),
            Screen::Dashboard if self.focus == Focus::Findings => {
                self.findings().get(self.finding_sel)
            }
            _ => None,
        }
    }

    fn push(&mut self, s: Screen) {
        self.detail_scroll = 0;
        if self.screen() != s {
            self.stack.push(s);
        }
    }

    fn set_period(&mut self, p: Period) {
        if p == self.period {
            return;
        }
        let next = self
            .cache
            .remove(&p)
            .unwrap_or_else(|| view::build(&self.account, &self.audit, &self.thresholds, &p));
        let old = std::mem::replace(&mut self.view, next);
        self.cache.insert(self.period, old);
        self.period = p;
        self.finding_sel = 0;
        self.post_sel = 0;
        self.kpi_scroll = 0;
        // A post or finding of the old month means nothing in the new one.
        self.stack.retain(|s| {
            matches!(
                s,
                Screen::Dashboard
                    | Screen::TopPosts
                    | Screen::Help
                    | Screen::Sources
                    | Screen::Audience
                    | Screen::Contract
            )
        });
    }

    fn month_step(&mut self, forward: bool) {
        let target = if forward {
            self.period.next()
        } else {
            self.period.previous()
        };
        let month_start = Period::month_of(target.start).start;
        let inside = month_start >= self.first_month.start && month_start <= self.last_month.start;
        if inside {
            self.set_period(target);
            self.status = None;
        } else {
            self.status = Some(format!(
                "no data {} {}",
                if forward { "after" } else { "before" },
                self.period
            ));
        }
    }

    /// Show the next month whose verdict flags it, after the one shown, wrapping round to the
    /// first.
    fn next_flagged(&mut self) {
        let shown = self.period.start;
        let flagged: Vec<Period> = self.audit.flagged_months().map(|m| m.month).collect();
        let target = flagged
            .iter()
            .find(|m| m.start > shown)
            .or_else(|| flagged.first())
            .copied();
        match target {
            Some(m) if m != self.period => {
                self.set_period(m);
                self.status = Some(format!(
                    "{} flagged month{} in the history; showing {}",
                    flagged.len(),
                    if flagged.len() == 1 { "" } else { "s" },
                    self.period_name()
                ));
            }
            Some(_) => self.status = Some("this is the only flagged month".to_string()),
            None => {
                self.status = Some("no month of the history is flagged".to_string());
            }
        }
    }

    /// Move the selection of the list in front, or scroll the text in front.
    fn step(&mut self, step: Step) {
        let max = self.bounds.max_scroll;
        match self.screen() {
            Screen::Dashboard => match self.focus {
                Focus::Findings => {
                    self.finding_sel = step.index(self.finding_sel, self.findings().len())
                }
                Focus::Kpis => self.kpi_scroll = step.offset(self.kpi_scroll, max),
                _ => {}
            },
            Screen::TopPosts => self.post_sel = step.index(self.post_sel, self.top_posts().len()),
            Screen::Help | Screen::Sources | Screen::Audience | Screen::Contract => {
                self.help_scroll = step.offset(self.help_scroll, max)
            }
            Screen::PostDetail(_) | Screen::FindingDetail(_) | Screen::FindingPost(_) => {
                self.detail_scroll = step.offset(self.detail_scroll, max)
            }
        }
    }

    /// Open a page of text (help, files read, audience), or close it where it is open.
    fn toggle_page(&mut self, page: Screen) {
        if self.screen() == page {
            self.stack.pop();
        } else {
            if let Screen::Help | Screen::Sources | Screen::Audience | Screen::Contract =
                self.screen()
            {
                self.stack.pop();
            }
            self.help_scroll = 0;
            self.push(page);
        }
    }

    /// What the frame just drawn can scroll: the scroll in front is clamped to it.
    pub fn set_bounds(&mut self, bounds: Bounds) {
        self.bounds = bounds;
        self.step(Step::By(0));
    }

    fn page(&self) -> i32 {
        i32::from(self.bounds.page.max(1))
    }

    /// The post a finding is about, where it is one.
    pub fn finding_post(&self, index: usize) -> Option<&RankedPost> {
        let id = self.findings().get(index)?.posts.first()?;
        self.view.finding_posts.get(id)
    }

    /// The period's findings about a post, most severe first.
    pub fn findings_of(&self, post_id: &str) -> impl Iterator<Item = &Finding> + '_ {
        let id = post_id.to_string();
        self.findings()
            .iter()
            .filter(move |f| f.posts.contains(&id))
    }

    fn open(&mut self) {
        match self.screen() {
            Screen::FindingDetail(i) if self.finding_post(i).is_some() => {
                self.push(Screen::FindingPost(i))
            }
            Screen::Dashboard if self.focus == Focus::Findings && !self.findings().is_empty() => {
                self.push(Screen::FindingDetail(self.finding_sel))
            }
            Screen::Dashboard => self.push(Screen::TopPosts),
            Screen::TopPosts if !self.top_posts().is_empty() => {
                self.push(Screen::PostDetail(self.post_sel))
            }
            _ => {}
        }
    }

    /// Apply one action. Returns what the loop must do outside the state machine.
    pub fn update(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Export | Action::NextFlagged) {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.toggle_page(Screen::Help),
            Action::Sources => self.toggle_page(Screen::Sources),
            Action::Audience => self.toggle_page(Screen::Audience),
            Action::Contract => self.toggle_page(Screen::Contract),
            Action::PrevMonth => self.month_step(false),
            Action::NextMonth => self.month_step(true),
            Action::NextFlagged => self.next_flagged(),
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::FocusFindings => {
                self.stack.truncate(1);
                self.focus = Focus::Findings;
            }
            Action::TopPosts => {
                self.post_sel = 0;
                self.push(Screen::TopPosts)
            }
            Action::Up => self.step(Step::By(-1)),
            Action::Down => self.step(Step::By(1)),
            Action::PageUp => self.step(Step::By(-self.page())),
            Action::PageDown => self.step(Step::By(self.page())),
            Action::Home => self.step(Step::First),
            Action::End => self.step(Step::Last),
            Action::Open => self.open(),
            Action::OpenPost(n) => {
                let i = usize::from(n.max(1)) - 1;
                if i < self.top_posts().len() {
                    self.post_sel = i;
                    if let Screen::PostDetail(_) = self.screen() {
                        self.stack.pop();
                    }
                    self.push(Screen::PostDetail(i));
                }
            }
            Action::CycleRanking => {
                self.ranking = self.next_ranking();
                self.post_sel = 0;
            }
            Action::Export => return Effect::ExportReport,
            Action::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                } else if self.in_portfolio {
                    // Opened from a portfolio: Esc on the dashboard goes back to the list
                    // (q quits the program).
                    self.back_to_list = true;
                    self.quit = true;
                }
            }
            Action::Sort => {}
        }
        Effect::None
    }

    /// A file name for the period's report: `<account>-<period>.md`.
    pub fn report_stem(&self) -> String {
        let name: String = self
            .account
            .name()
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let when = match self.period.month_key() {
            Some(m) => m,
            None => format!("{}-{}", self.period.start, self.period.end),
        };
        format!("smm-audit-{}-{when}", name.trim_matches('-'))
    }

    /// The period as people say it: "October 2026".
    pub fn period_name(&self) -> String {
        match self.period.month_key() {
            Some(_) => format!(
                "{} {}",
                month_name(self.period.start.month()),
                self.period.start.year()
            ),
            None => format!("{} – {}", self.period.start, self.period.end),
        }
    }
}

fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m.clamp(1, 12) - 1) as usize]
}

#[cfg(test)]
mod tests;
