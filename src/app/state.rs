//! The pieces of the application state: screens, focus, and what the screen stack holds.

/// The panels of the dashboard, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Followers,
    Reach,
    Engagement,
    Findings,
    Kpis,
}

impl Focus {
    pub const ALL: [Focus; 5] = [
        Focus::Followers,
        Focus::Reach,
        Focus::Engagement,
        Focus::Findings,
        Focus::Kpis,
    ];

    pub fn next(self) -> Focus {
        let i = Focus::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ALL[(i + 1) % Focus::ALL.len()]
    }

    pub fn prev(self) -> Focus {
        let i = Focus::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Focus::ALL[(i + Focus::ALL.len() - 1) % Focus::ALL.len()]
    }

    pub fn title(self) -> &'static str {
        match self {
            Focus::Followers => "Followers",
            Focus::Reach => "Reach",
            Focus::Engagement => "Engagement",
            Focus::Findings => "Findings",
            Focus::Kpis => "KPIs",
        }
    }
}

/// What is on screen. The dashboard is always at the bottom of the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    TopPosts,
    /// A post of the top list, by its index in the list.
    PostDetail(usize),
    /// A finding of the period, by its index in the list.
    FindingDetail(usize),
    /// The post a finding is about, by the finding's index in the list.
    FindingPost(usize),
    Help,
    /// The load report: files read, set aside, warnings.
    Sources,
    /// The latest audience snapshot beside the target portrait.
    Audience,
    /// The months before and during the contract.
    Contract,
}

/// Which group of keys applies: the keymap looks keys up by mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    TopPosts,
    Detail,
    Help,
    /// The list of a portfolio's accounts.
    Portfolio,
}

impl Screen {
    pub fn mode(self) -> Mode {
        match self {
            Screen::Dashboard => Mode::Dashboard,
            Screen::TopPosts => Mode::TopPosts,
            Screen::PostDetail(_) | Screen::FindingDetail(_) | Screen::FindingPost(_) => {
                Mode::Detail
            }
            Screen::Help | Screen::Sources | Screen::Audience | Screen::Contract => Mode::Help,
        }
    }
}

/// What the last frame drew of the list or text that scrolls on screen: how far it can scroll
/// (its last line at the bottom) and how many lines make a page. Drawing computes it from
/// `&App`; the event loop hands it back with `App::set_bounds`, so that scrolling stops at the
/// end instead of running on into blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub max_scroll: u16,
    pub page: u16,
}

impl Default for Bounds {
    /// Before the first frame: a generous limit (a caption of 64 KiB wraps to about 1,000
    /// lines at 80 columns).
    fn default() -> Bounds {
        Bounds {
            max_scroll: 2_000,
            page: 10,
        }
    }
}

/// One move in a list or a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    By(i32),
    First,
    Last,
}

impl Step {
    /// The item selected in a list of `len` after the step.
    pub fn index(self, at: usize, len: usize) -> usize {
        let last = len.saturating_sub(1);
        match self {
            Step::First => 0,
            Step::Last => last,
            Step::By(d) if d < 0 => at.saturating_sub(d.unsigned_abs() as usize),
            Step::By(d) => at.saturating_add(d as usize).min(last),
        }
    }

    /// The scroll offset after the step, never past `max`.
    pub fn offset(self, at: u16, max: u16) -> u16 {
        let at = at.min(max);
        match self {
            Step::First => 0,
            Step::Last => max,
            Step::By(d) if d < 0 => at.saturating_sub(d.unsigned_abs().min(u16::MAX as u32) as u16),
            Step::By(d) => at.saturating_add(d.min(u16::MAX as i32) as u16).min(max),
        }
    }
}
