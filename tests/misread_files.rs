//! Files that used to be read wrong without a word (formats.md, "Files that cannot be used"):
//! each is a minimal file of our own making in the shape and encoding of the one people sent,
//! with its values checked by hand.

use smm_audit::import::{load_files, LoadOptions, Loaded, SourceFile};
use smm_audit::model::AuditConfig;

fn load(files: &[(&str, &str)]) -> Result<Loaded, String> {
    let files = files
        .iter()
        .map(|(n, t)| SourceFile::new(*n, t.as_bytes().to_vec()))
        .collect();
    let opts = LoadOptions::new(chrono_tz::UTC, "2026-11-22".parse().unwrap());
    load_files(files, AuditConfig::default(), opts, "t").map_err(|e| e.to_string())
}

fn warnings(l: &Loaded) -> Vec<String> {
    l.report.warnings.iter().map(|w| w.to_string()).collect()
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// A canonical daily file and posts file re-saved by a German Excel: semicolons, a dot that
/// groups thousands, a decimal comma, dates in the locale's `DD.MM.YYYY`.
#[test]
fn a_german_excel_resave_of_canonical_files_keeps_its_thousands() {
    let daily = "\u{feff}date;followers;follows;unfollows;reach;impressions\n\
                 01.01.2025;5.003;5;2;1.000;3.000\n\
                 02.01.2025;5.006;5;2;1.010;3.020\n";
    let posts = "\u{feff}post_id;published_at;type;reach;likes;comments\n\
                 p0;2025-01-02 10:00;photo;2.000;40;3\n\
                 p1;2025-01-05 10:00;photo;12.345;41;3\n";
    let traffic = "date;source;sessions;bounce_rate_pct\n01.01.2025;instagram;1.200;12,5\n";
    let l = load(&[
        ("daily.csv", daily),
        ("posts.csv", posts),
        ("traffic.csv", traffic),
    ])
    .unwrap();
    let formats: Vec<&str> = l.report.sources.iter().map(|s| s.format.as_str()).collect();
    assert_eq!(
        formats,
        ["canonical/daily", "canonical/posts", "canonical/traffic"]
    );
    let d = &l.account.daily[&day("2025-01-02")];
    assert_eq!(
        (d.followers, d.reach, d.impressions),
        (Some(5006.0), Some(1010.0), Some(3020.0))
    );
    let reach: Vec<Option<f64>> = l.account.posts.iter().map(|p| p.reach).collect();
    assert_eq!(reach, [Some(2000.0), Some(12345.0)]);
    let t = &l.account.traffic[0];
    assert_eq!((t.sessions, t.bounce_rate_pct), (1200.0, Some(12.5)));
    let w = warnings(&l);
    assert!(
        w.contains(&"daily.csv: in `followers`, `reach`, `impressions` a dot groups thousands (2.000 is read as 2,000: every number with a dot there has three digits after each dot)".to_string()),
        "{w:?}"
    );
}

/// The same re-save of a Facebook content export (Meta's column names, semicolons).
#[test]
fn a_german_excel_resave_of_a_content_export_is_not_an_accusation() {
    let text = "\u{feff}Post ID;Page ID;Page name;Publish time;Post type;Permalink;Views;Reach;Reactions;Comments;Shares\n\
                1001;77;Acme;01/02/2025 10:00;Photos;https://facebook.com/1001;3.500;2.000;40;3;2\n\
                1002;77;Acme;01/05/2025 10:00;Photos;https://facebook.com/1002;4.000;2.100;41;3;2\n";
    let l = load(&[("Jan-01-2025_Jan-31-2025_77.csv", text)]).unwrap();
    let reach: Vec<Option<f64>> = l.account.posts.iter().map(|p| p.reach).collect();
    assert_eq!(reach, [Some(2000.0), Some(2100.0)], "{:?}", warnings(&l));
}

/// `date,fans,…` is a canonical daily file without its `followers` column, never an X
/// export: it is set aside with that sentence, and the rest of the folder loads.
#[test]
fn a_canonical_file_missing_a_column_is_not_taken_for_a_platform_export() {
    let daily = "date,fans,follows,unfollows,reach,impressions\n2025-01-01,5000,5,2,1000,3000\n";
    let posts = "post_id,published_at,reach,likes\np0,2025-01-02 10:00,900,40\n";
    let l = load(&[("daily.csv", daily), ("posts.csv", posts)]).unwrap();
    assert!(l.report.sources.iter().all(|s| s.file != "daily.csv"));
    let skipped = &l.report.skipped[0];
    assert_eq!(skipped.file, "daily.csv");
    assert_eq!(
        skipped.reason,
        "the required column `followers` is missing (a daily file needs `date`, `followers`)"
    );
    assert!(skipped.set_aside);
    let e = load(&[(
        "export.csv",
        "Date,Followers count,Unfollows,Reach,Impressions,Profile visits\n2025-01-01,5000,2,1000,3000,50\n",
    )])
    .unwrap_err();
    assert!(
        e.contains("the required column `followers` is missing"),
        "{e}"
    );
}

/// A platform importer that claims a file by its signature columns names the columns of the
/// audit's figures it does not read.
#[test]
fn columns_a_platform_reader_leaves_out_are_named() {
    let text = "date,followers_total,new followers,lost followers,video views,reach\n\
                2025-01-01,5000,10,2,100,900\n2025-01-02,5008,10,2,100,900\n";
    let l = load(&[("export.csv", text)]).unwrap();
    assert_eq!(l.report.sources[0].format, "tiktok/overview-2025");
    let w = warnings(&l);
    assert!(
        w.iter().any(|w| w.starts_with(
            "export.csv line 1: not read, so not in the audit: `followers_total`, `reach`"
        )),
        "{w:?}"
    );
}

/// Numbers no measurement can be: skipped cell by cell, each named, the rest of the row kept.
#[test]
fn implausible_numbers_are_skipped_with_a_warning_never_summed() {
    let daily = "date,followers,reach\n2025-01-01,5000,99999999999999999999999999\n\
                 2025-01-02,5008,1e308\n2025-01-03,5010,1e308\n2025-01-04,5012,900\n";
    let posts = "post_id,published_at,reach,likes\np0,2025-01-02 10:00,9007199254740993,40\n\
                 p1,2025-01-03 10:00,12.5,3\n";
    let traffic = "date,source,sessions,bounce_rate_pct\n2025-01-01,instagram,10,150\n";
    let audience =
        "date,segment,dimension,value,share_pct\n2025-01-04,followers,gender,female,120\n\
                    2025-01-04,followers,gender,male,40\n";
    let l = load(&[
        ("daily.csv", daily),
        ("posts.csv", posts),
        ("traffic.csv", traffic),
        ("audience.csv", audience),
    ])
    .unwrap();
    let reach: Vec<Option<f64>> = l.account.daily.values().map(|d| d.reach).collect();
    assert_eq!(reach, [None, None, None, Some(900.0)]);
    assert_eq!(l.account.daily.len(), 4);
    let post_reach: Vec<Option<f64>> = l.account.posts.iter().map(|p| p.reach).collect();
    assert_eq!(post_reach, [None, None]);
    assert_eq!(l.account.traffic[0].bounce_rate_pct, None);
    assert_eq!(l.account.audience.len(), 1);
    let w = warnings(&l);
    for expected in [
        "daily.csv line 2: column `reach`: `1e26` is beyond the numbers that can be counted exactly; the cell is skipped",
        "daily.csv line 3: column `reach`: `1e308` is beyond the numbers that can be counted exactly; the cell is skipped",
        "posts.csv line 2: column `reach`: `9007199254740992` is more than 10^12, not a measurement; the cell is skipped",
        "posts.csv line 3: column `reach`: `12.5` is not a whole number, and a count is one; the cell is skipped",
        "traffic.csv line 2: column `bounce_rate_pct` (bounce rate): `150` % is outside 0–100; the cell is skipped",
        "audience.csv line 2: column `share_pct` (share): `120` % is outside 0–100; the cell is skipped",
    ] {
        assert!(w.contains(&expected.to_string()), "{expected}\n{w:?}");
    }
}

/// In a platform's export the warning names the file's own column, and the audit's figure it
/// stands for.
#[test]
fn an_implausible_cell_of_a_platform_export_names_its_column() {
    let overview = "Date,Video Views,Profile Views,Likes,Comments,Shares\n\
                    \"October 1\",99999999999999999999999999,5,1,0,0\n\
                    \"October 2\",120,12.5,1,0,0\n";
    let l = load(&[("Overview.csv", overview)]).unwrap();
    assert_eq!(l.report.sources[0].format, "tiktok/overview");
    let w = warnings(&l);
    for expected in [
        "Overview.csv line 2: column `video views` (impressions): `99999999999999999999999999` is beyond the numbers that can be counted exactly; the cell is skipped",
        "Overview.csv line 3: column `profile views` (profile visits): `12.5` is not a whole number, and a count is one; the cell is skipped",
    ] {
        assert!(w.contains(&expected.to_string()), "{expected}\n{w:?}");
    }
    let impressions: Vec<Option<f64>> = l.account.daily.values().map(|d| d.impressions).collect();
    assert_eq!(impressions, [None, Some(120.0)]);
}

/// A date before the platforms or after tomorrow skips its row: it cannot move the period or
/// lay out millions of days.
#[test]
fn dates_out_of_the_platforms_time_are_skipped() {
    let daily = "date,followers\n2026-10-01,100\n9999-12-31,100\n1990-01-01,100\n2026-10-02,101\n";
    let followers = r#"[{"title":"","string_list_data":[{"href":"https://www.instagram.com/a","value":"a","timestamp":1790000000}]},
        {"title":"","string_list_data":[{"href":"https://www.instagram.com/b","value":"b","timestamp":253402300799}]},
        {"title":"","string_list_data":[{"href":"https://www.instagram.com/c","value":"c","timestamp":9223372036854775807}]}]"#;
    let l = load(&[("daily.csv", daily), ("followers_1.json", followers)]).unwrap();
    let days: Vec<String> = l.account.daily.keys().map(|d| d.to_string()).collect();
    assert_eq!(days.first().map(String::as_str), Some("2026-09-21"));
    assert_eq!(days.last().map(String::as_str), Some("2026-10-02"));
    assert_eq!(l.account.follower_list.len(), 1);
    let w = warnings(&l);
    assert!(
        w.contains(
            &"daily.csv line 3: row skipped: its date 9999-12-31 is after tomorrow".to_string()
        ),
        "{w:?}"
    );
    assert!(w.contains(&"daily.csv line 4: row skipped: its date 1990-01-01 is before 2004, before the platforms".to_string()), "{w:?}");
    assert!(w.iter().any(|w| w.starts_with("followers_1.json: 2 of the listed followers have a follow time before 2004 or after tomorrow")), "{w:?}");
}

/// Warnings of one kind are counted beyond the first twenty, and repeated rows cost nothing
/// beyond the row kept.
#[test]
fn warnings_of_one_kind_are_counted_not_listed() {
    let mut daily = String::from("date,followers\n");
    for _ in 0..2_001 {
        daily.push_str("2025-01-15,5050\n");
    }
    let l = load(&[("daily.csv", &daily)]).unwrap();
    assert_eq!(l.account.daily.len(), 1);
    let w = warnings(&l);
    assert_eq!(w.len(), 21, "{w:?}");
    assert_eq!(
        w[0],
        "daily.csv line 3: repeats 2025-01-15 of line 2; this later row is used"
    );
    assert_eq!(
        w[20],
        "daily.csv: and 1,980 more like the 20 above (“repeats 2025-01-15 of line 21; this later row is used”)"
    );
}

/// Meta series files as Excel re-saves them, and as Meta writes two platforms into one file.
#[test]
fn meta_series_padded_titles_and_two_platform_blocks() {
    // The title line padded with an empty cell, semicolons: still a Follows series.
    let follows = "\u{feff}Facebook follows;\r\nDate;Primary\r\n2025-01-01T08:00:00;5\r\n2025-01-02T08:00:00;7\r\n";
    let l = load(&[("Follows.csv", follows)]).unwrap();
    assert_eq!(l.report.sources[0].format, "meta/insights-daily");
    assert_eq!(l.account.daily[&day("2025-01-02")].follows, Some(7.0));
    // Two blocks: the Instagram one never overwrites the Facebook one.
    let reach =
        "sep=,\n\"Facebook reach\"\n\"Date\",\"Primary\"\n\"2025-01-01T08:00:00\",\"3897\"\n\
                 \"2025-01-02T08:00:00\",\"4100\"\n\n\"Instagram reach\"\n\"Date\",\"Primary\"\n\
                 \"2025-01-01T08:00:00\",\"150\"\n\"2025-01-02T08:00:00\",\"160\"\n";
    let l = load(&[("Reach.csv", reach)]).unwrap();
    let reach: Vec<Option<f64>> = l.account.daily.values().map(|d| d.reach).collect();
    assert_eq!(reach, [Some(3897.0), Some(4100.0)]);
    assert_eq!(
        warnings(&l),
        ["Reach.csv line 7: the block `Instagram reach` is set aside: the account takes Facebook's series (set [account] platform in audit.toml to choose)"]
    );
    // Beside an Instagram content export, without `[account] platform`: the Instagram block.
    let content = "Post ID,Account username,Description,Publish time,Post type,Permalink,Reach,Likes\n\
                   17900000000000001,acme,Hello,01/02/2025 10:00,IG image,https://www.instagram.com/p/x/,150,9\n";
    let l = load(&[
        ("Reach.csv", &String::from_utf8(reach_bytes()).unwrap()),
        ("Jan-01-2025_Jan-31-2025_1.csv", content),
    ])
    .unwrap();
    assert_eq!(l.account.daily[&day("2025-01-02")].reach, Some(160.0));
    // An Instagram account takes the Instagram block.
    let files = vec![SourceFile::new("Reach.csv", reach_bytes())];
    let config: AuditConfig = toml::from_str("[account]\nplatform = \"instagram\"\n").unwrap();
    let opts = LoadOptions::new(chrono_tz::UTC, "2026-11-22".parse().unwrap());
    let l = load_files(files, config, opts, "t").unwrap();
    let reach: Vec<Option<f64>> = l.account.daily.values().map(|d| d.reach).collect();
    assert_eq!(reach, [Some(150.0), Some(160.0)]);
}

fn reach_bytes() -> Vec<u8> {
    b"\"Facebook reach\"\n\"Date\",\"Primary\"\n\"2025-01-01T08:00:00\",\"3897\"\n\"2025-01-02T08:00:00\",\"4100\"\n\n\"Instagram reach\"\n\"Date\",\"Primary\"\n\"2025-01-01T08:00:00\",\"150\"\n\"2025-01-02T08:00:00\",\"160\"\n".to_vec()
}

/// Legacy Facebook page exports are wider than 2,000 columns: they are read, not refused.
#[test]
fn a_legacy_facebook_page_export_of_2_200_columns_is_read() {
    let mut header = vec!["Date".to_string(), "Lifetime Total Likes".to_string()];
    let mut description = vec![
        String::new(),
        "Lifetime: The total number of people who have liked your Page. (Unique Users)".to_string(),
    ];
    for i in 0..2_198 {
        header.push(format!("Daily metric {i}"));
        description.push(String::new());
    }
    let row = |date: &str, likes: u32| {
        let mut cells = vec![date.to_string(), likes.to_string()];
        cells.extend((0..2_198).map(|_| "0".to_string()));
        cells.join(",")
    };
    let text = [
        header.join(","),
        description.join(","),
        row("01/01/2015", 5_000),
        row("01/02/2015", 5_010),
    ]
    .join("\n");
    let l = load(&[("Facebook Insights Data Export - Acme.csv", &text)]).unwrap();
    assert_eq!(l.report.sources[0].format, "facebook-legacy/page");
    assert_eq!(l.account.daily[&day("2015-01-02")].followers, Some(5010.0));
}

/// Dates as the platforms write them in the languages they ship.
#[test]
fn dates_in_spanish_portuguese_german_and_x_early_2025() {
    for (first, second) in [
        ("20 de febrero", "21 de febrero"),
        ("20 de fevereiro", "21 de fevereiro"),
        ("20. Februar", "21. Februar"),
    ] {
        let text = format!(
            "\"Date\",\"Followers\",\"Difference in followers from previous day\"\n\
             \"{first}\",\"1000\",\"5\"\n\"{second}\",\"1005\",\"5\"\n"
        );
        let l = load(&[("FollowerHistory.csv", &text)]).unwrap();
        assert_eq!(
            l.report.sources[0].format, "tiktok/follower-history",
            "{first}"
        );
        assert_eq!(
            l.account.daily[&day("2026-02-21")].followers,
            Some(1005.0),
            "{first}"
        );
    }
    let x = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts,Profile visits\n\
             1890000000000000000,Mon Feb 17 2025,Hello,https://x.com/acme/status/1890000000000000000,1200,10,40,1,0,0,1,2,2\n";
    let l = load(&[("account_analytics_content_2025.csv", x)]).unwrap();
    assert_eq!(l.account.posts[0].date, day("2025-02-17"));
}

/// A file with a header and nothing under it says so.
#[test]
fn a_header_without_rows_is_named() {
    let posts = "post_id,published_at,reach\np0,2025-01-02 10:00,900\n";
    let l = load(&[
        ("daily.csv", "date,followers,reach\n"),
        ("posts.csv", posts),
    ])
    .unwrap();
    assert_eq!(
        warnings(&l),
        ["daily.csv: has a header and no rows under it: it gives nothing to the audit"]
    );
}

/// A Polish Excel re-save is in Windows-1250, not 1252: its captions keep their letters.
#[test]
fn a_polish_excel_resave_keeps_its_letters() {
    let text =
        "post_id;published_at;caption;reach\np0;2025-01-02 10:00;Zażółć gęślą jaźń w Łodzi;900\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(text);
    let files = vec![SourceFile::new("posts.csv", bytes.into_owned())];
    let opts = LoadOptions::new(chrono_tz::UTC, "2026-11-22".parse().unwrap());
    let l = load_files(files, AuditConfig::default(), opts, "t").unwrap();
    assert_eq!(l.report.sources[0].encoding, "Windows-1250");
    assert_eq!(l.account.posts[0].caption, "Zażółć gęślą jaźń w Łodzi");
}

/// A re-saved file whose first four hundred rows show nothing of its number style: a `2.000`
/// further down is still two thousand, and decimals in a measure stay decimals.
#[test]
fn the_number_style_is_decided_from_every_row_not_the_first_ones() {
    let mut posts = String::from("post_id;published_at;type;reach;likes\n");
    for i in 0..450 {
        posts.push_str(&format!("p{i};2025-01-02 10:00;photo;{};3\n", 100 + i));
    }
    posts.push_str("p450;2025-01-03 10:00;photo;2.000;40\np451;2025-01-03 11:00;photo;12.345;41\n");
    let traffic = "date,source,sessions,avg_session_seconds,pages_per_session\n\
                   2025-01-01,instagram,10,45.250,1.500\n2025-01-02,instagram,12,61.125,2.250\n";
    let spend = "date;campaign;amount\n2025-01-01;Spring;2.000 €\n2025-01-02;Spring;1.500 €\n";
    let audience = "date,segment,dimension,value,share_pct\n2025-01-04,followers,country,NA,40\n\
                    2025-01-04,followers,country,DE,60\n";
    let daily = "date,followers\n2025/03/04,100\n2025/03/05,101\n";
    let l = load(&[
        ("posts.csv", &posts),
        ("traffic.csv", traffic),
        ("spend.csv", spend),
        ("audience.csv", audience),
        ("daily.csv", daily),
    ])
    .unwrap();
    let reach = |id: &str| {
        l.account
            .posts
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.reach)
    };
    assert_eq!(
        (reach("p450"), reach("p451")),
        (Some(2000.0), Some(12345.0))
    );
    let t = &l.account.traffic[0];
    assert_eq!(
        (t.avg_session_seconds, t.pages_per_session),
        (Some(45.25), Some(1.5))
    );
    let amounts: Vec<f64> = l.account.spend.iter().map(|s| s.amount).collect();
    assert_eq!(amounts, [2000.0, 1500.0]);
    let mut countries: Vec<&str> = l
        .account
        .audience
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    countries.sort_unstable();
    assert_eq!(countries, ["DE", "NA"]);
    assert_eq!(l.account.daily.len(), 2);
}
