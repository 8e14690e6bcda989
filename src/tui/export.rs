//! `e`: the period's Markdown report, written to a new file in the current folder.

use crate::app::App;
use crate::report::{self, ReportInput};

pub fn write_report(app: &mut App) {
    let input = ReportInput {
        account: &app.account,
        load: &app.load,
        audit: &app.view.audit,
        history: &app.audit.history,
        thresholds: &app.thresholds,
        timezone: app.origin.timezone.clone(),
        demo: app.origin.demo,
    };
    let text = report::markdown::render(&input);
    let dir = std::path::Path::new(".");
    let path = crate::output::fresh_name(dir, &app.report_stem(), "md");
    // A fresh name never exists, so this only guards against a file that appeared meanwhile.
    if let Some(why) = app.origin.inputs.refuse(&path) {
        app.status = Some(format!("not written: {}: {why}", path.display()));
        return;
    }
    app.status = Some(
        match crate::output::write_new(&path, text.as_bytes(), false) {
            Ok(()) => format!("wrote {}", path.display()),
            Err(e) => format!("could not write {}: {e}", path.display()),
        },
    );
}
