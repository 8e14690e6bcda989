//! The portfolio list's state: rows arrive while the accounts are read; the selection stays on
//! its account when rows arrive or the order changes. No terminal here.

use super::{Action, Step};
use crate::portfolio::{self, Row};

/// The orders `s` goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PortfolioSort {
    #[default]
    Risk,
    Name,
    Followers,
    LastData,
}

impl PortfolioSort {
    pub fn label(self) -> &'static str {
        match self {
            PortfolioSort::Risk => "risk",
            PortfolioSort::Name => "name",
            PortfolioSort::Followers => "followers",
            PortfolioSort::LastData => "last data",
        }
    }

    fn next(self) -> PortfolioSort {
        match self {
            PortfolioSort::Risk => PortfolioSort::Name,
            PortfolioSort::Name => PortfolioSort::Followers,
            PortfolioSort::Followers => PortfolioSort::LastData,
            PortfolioSort::LastData => PortfolioSort::Risk,
        }
    }
}

#[derive(Debug, Default)]
pub struct PortfolioState {
    /// The folder the accounts are under, for the header.
    pub root: String,
    pub rows: Vec<Row>,
    /// How many folders are being read, and how many are done.
    pub total: usize,
    pub read: usize,
    pub sel: usize,
    pub sort: PortfolioSort,
    /// Rows a page holds, as the last frame drew them.
    pub page: u16,
    quit: bool,
    /// Whether the user has moved the selection: until then it stays on the first row as
    /// rows arrive, afterwards on its account.
    moved: bool,
    /// The account Enter asked for, by its folder; the loop opens it.
    pub open: Option<String>,
    /// Why the last Enter opened nothing, shown until the next key.
    pub message: Option<String>,
}

impl PortfolioState {
    pub fn new(root: String, total: usize) -> PortfolioState {
        PortfolioState {
            root,
            total,
            page: 10,
            ..PortfolioState::default()
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn loading(&self) -> bool {
        self.read < self.total
    }

    fn selected_folder(&self) -> Option<String> {
        self.rows.get(self.sel).map(|r| r.folder.clone())
    }

    fn order(&mut self) {
        let keep = self.selected_folder().filter(|_| self.moved);
        match self.sort {
            PortfolioSort::Risk => portfolio::sort(&mut self.rows),
            PortfolioSort::Name => self.rows.sort_by_key(|r| r.name.to_lowercase()),
            PortfolioSort::Followers => self.rows.sort_by(|a, b| {
                b.followers_end
                    .unwrap_or(-1.0)
                    .total_cmp(&a.followers_end.unwrap_or(-1.0))
            }),
            PortfolioSort::LastData => self.rows.sort_by_key(|r| r.last_day),
        }
        self.sel = match keep {
            Some(folder) => self
                .rows
                .iter()
                .position(|r| r.folder == folder)
                .unwrap_or(0),
            None => 0,
        };
    }

    /// Folders read since the last frame: a row each, or `None` for a folder that is no
    /// account.
    pub fn add(&mut self, read: impl IntoIterator<Item = Option<Row>>) {
        for r in read {
            self.read += 1;
            self.rows.extend(r);
        }
        self.order();
    }

    pub fn update(&mut self, action: Action) {
        let step = |s: &mut PortfolioState, step: Step| s.sel = step.index(s.sel, s.rows.len());
        let page = i32::from(self.page.max(1));
        if matches!(
            action,
            Action::Up
                | Action::Down
                | Action::PageUp
                | Action::PageDown
                | Action::Home
                | Action::End
        ) {
            self.moved = true;
        }
        self.message = None;
        match action {
            Action::Quit => self.quit = true,
            Action::Up => step(self, Step::By(-1)),
            Action::Down => step(self, Step::By(1)),
            Action::PageUp => step(self, Step::By(-page)),
            Action::PageDown => step(self, Step::By(page)),
            Action::Home => step(self, Step::First),
            Action::End => step(self, Step::Last),
            Action::Sort => {
                self.sort = self.sort.next();
                self.order();
            }
            Action::Open => {
                if let Some(r) = self.rows.get(self.sel) {
                    match r.error.as_ref().or(r.not_audited.as_ref()) {
                        None => self.open = Some(r.folder.clone()),
                        Some(why) => {
                            self.message = Some(format!("{} cannot be opened: {why}", r.folder));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(folder: &str, verdict: Option<crate::rules::VerdictLevel>) -> Row {
        let mut r = Row::failed(folder.to_string(), String::new());
        r.error = None;
        r.verdict = verdict;
        r
    }

    #[test]
    fn the_selection_stays_on_its_account_as_rows_arrive() {
        use crate::rules::VerdictLevel::*;
        let mut s = PortfolioState::new("root".into(), 4);
        s.add([Some(row("b", Some(Genuine))), None]);
        assert!(s.loading());
        s.update(Action::Open);
        assert_eq!(s.open.as_deref(), Some("b"));
        // Until the user moves, the selection is the first row, the most at risk.
        s.add([Some(row("a", Some(LikelyInflated)))]);
        assert_eq!(s.rows[s.sel].folder, "a");
        s.update(Action::Down);
        assert_eq!(s.rows[s.sel].folder, "b");
        s.add([Some(row("c", Some(Questionable)))]);
        assert!(!s.loading());
        let order: Vec<&str> = s.rows.iter().map(|r| r.folder.as_str()).collect();
        assert_eq!(order, ["a", "c", "b"]);
        assert_eq!(s.sel, 2, "still on b");
        s.update(Action::Sort);
        assert_eq!(s.sort, PortfolioSort::Name);
        assert_eq!(s.rows[s.sel].folder, "b");
        s.update(Action::Home);
        assert_eq!(s.sel, 0);
    }
}
