//! The binary run as a user would, with no user config of the developer's (a config in the
//! home folder must never change a test).

#![allow(dead_code)]

use std::process::{Command, Output};

pub fn smm(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .args(args)
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("HOME", "/nonexistent")
        .output()
        .unwrap()
}

/// Its standard output, after a successful run.
pub fn text(args: &[&str]) -> String {
    let out = smm(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Its JSON, after a successful run.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&text(args)).unwrap()
}
