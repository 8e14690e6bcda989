//! The interactive audit of a sample account, as the binary opens it, with an empty user
//! config (so that a developer's own config never changes a test).

use smm_audit::app::App;
use smm_audit::cli::args::Common;
use std::path::Path;

/// `name` is a folder of `sample-data/`; `None` is the built-in demo.
pub fn sample_app(name: Option<&str>, no_color: bool) -> App {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("config.toml");
    std::fs::write(&user, "").unwrap();
    let common = Common {
        config: Some(user),
        ..Common::default()
    };
    let path = name.map(|n| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-data")
            .join(n)
    });
    let mut opened = smm_audit::cli::open::open(path.as_deref(), &common).unwrap();
    opened.label = name.unwrap_or("demo").to_string();
    smm_audit::build_app(opened, no_color).unwrap()
}
