//! Accounts written by the tests: canonical files with one thing planted.

#![allow(dead_code)]

use std::fmt::Write;

pub fn day(i: i64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(i as u64)
}

/// 2025-01-01 to 2025-08-31 with steady growth (~15 a day), a post every second day; `extra`
/// follows are added on the given days (the count rises with them, engagement does not).
pub fn canonical(extra: &[(i64, f64)]) -> Vec<(&'static str, String)> {
    let mut daily = String::from("date,followers,follows,unfollows,reach\n");
    let mut posts = String::from("post_id,published_at,type,reach,likes,comments,shares\n");
    let mut followers = 10_000.0;
    for i in 0..243 {
        let bought = extra
            .iter()
            .filter(|(d, _)| *d == i)
            .map(|(_, n)| n)
            .sum::<f64>();
        let follows = 18.0 + (i * 7 % 5) as f64 + bought;
        let unfollows = 4.0 + (i * 3 % 3) as f64;
        followers += follows - unfollows;
        let _ = writeln!(daily, "{},{followers},{follows},{unfollows},3000", day(i));
        if i % 2 == 0 {
            let _ = writeln!(
                posts,
                "p{i},{}T12:00:00Z,photo,{},{},10,5",
                day(i),
                2000 + i * 13 % 400,
                100 + i * 7 % 20
            );
        }
    }
    vec![("daily.csv", daily), ("posts.csv", posts)]
}

/// The files of `canonical` written into a new temporary folder.
pub fn write(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}
