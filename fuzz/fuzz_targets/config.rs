//! The two TOML files a person writes by hand: an account's `audit.toml` and the user-wide
//! `config.toml`.
//!
//! Checks: `config::parse_audit` and `config::UserConfig::parse` return `Ok` or an error that
//! names the file (never panic, e.g. when locating the error's line in the text); a config
//! that is accepted keeps the promises of its validation (every `[rules]` name is a threshold
//! `Thresholds::with` takes, the time zone parses), also once layered with `config::layer`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smm_audit::config::{self, UserConfig};
use smm_audit::rules::Thresholds;

fuzz_target!(|data: &[u8]| {
    // The CLI refuses a config that is not UTF-8 before parsing it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let audit = config::parse_audit(text, "audit.toml");
    match &audit {
        Ok(a) => {
            assert!(Thresholds::default().with(&a.rules).is_ok());
            if let Some(tz) = &a.account.timezone {
                assert!(tz.parse::<chrono_tz::Tz>().is_ok());
            }
        }
        Err(e) => assert_eq!(e.file, "audit.toml"),
    }
    let user = UserConfig::parse(text, "config.toml");
    match &user {
        Ok(u) => assert!(Thresholds::default().with(&u.rules).is_ok()),
        Err(e) => assert_eq!(e.file, "config.toml"),
    }
    if let (Ok(a), Ok(u)) = (audit, user) {
        let layered = config::layer(a, &u);
        assert!(Thresholds::default().with(&layered.rules).is_ok());
    }
});
