//! What a key asks for. Keys become actions in the keymap; only `App::update` acts on them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    /// The load report: files read, set aside, warnings.
    Sources,
    /// The latest audience snapshot beside the target portrait.
    Audience,
    /// The months before and during the contract.
    Contract,
    PrevMonth,
    NextMonth,
    /// The next month whose verdict flags it.
    NextFlagged,
    FocusNext,
    FocusPrev,
    TopPosts,
    Up,
    Down,
    /// A page up or down in the list or text that has the focus.
    PageUp,
    PageDown,
    /// The first or the last line or item.
    Home,
    End,
    Open,
    /// Open post N (1-based) of the top posts.
    OpenPost(u8),
    CycleRanking,
    FocusFindings,
    Export,
    Back,
    /// The portfolio's next sort order.
    Sort,
}
