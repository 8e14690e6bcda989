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
}

/// Which group of keys applies: the keymap looks keys up by mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Dashboard,
    TopPosts,
    Detail,
    Help,
}

impl Screen {
    pub fn mode(self) -> Mode {
        match self {
            Screen::Dashboard => Mode::Dashboard,
            Screen::TopPosts => Mode::TopPosts,
            Screen::PostDetail(_) | Screen::FindingDetail(_) | Screen::FindingPost(_) => {
                Mode::Detail
            }
            Screen::Help | Screen::Sources => Mode::Help,
        }
    }
}
