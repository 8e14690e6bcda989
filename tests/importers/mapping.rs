use crate::support::{d, try_load_all};
use smm_audit::import::{ImportError, Loaded};
use smm_audit::model::AuditConfig;

fn config(toml_text: &str) -> AuditConfig {
    toml::from_str(toml_text).unwrap()
}

fn load(config: AuditConfig, name: &str, bytes: impl Into<Vec<u8>>) -> Result<Loaded, ImportError> {
    let files = vec![(name, bytes.into())];
    try_load_all(files, config, chrono_tz::Europe::Berlin, "2026-11-01")
}

const VK: &str = r#"
[[mapping]]
file = "vk-stats-*.csv"
kind = "daily"
date_format = "%d.%m.%Y"
columns = { "Дата" = "date", "Подписчики" = "followers", "Охват" = "reach", "Вступившие" = "follows", "Вышедшие" = "unfollows" }
"#;

#[test]
fn a_vk_daily_file_in_windows_1251_with_semicolons() {
    let text = "Дата;Подписчики;Охват;Вступившие;Вышедшие;Просмотры\r\n\
01.10.2026;1 200;3 400;12;3;5 000\r\n\
02.10.2026;1 209;--;10;1;4 800\r\n\
03.10.2026;abc;1,5;1;0;10\r\n\
Итого;;;23;4;9 810\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let l = load(config(VK), "VK-stats-october.csv", bytes.into_owned()).unwrap();
    let src = &l.report.sources[0];
    assert_eq!(
        (src.format.as_str(), src.encoding.as_str(), src.rows),
        ("mapping/audit.toml", "Windows-1251", 2)
    );
    let first = &l.account.daily[&d("2026-10-01")];
    assert_eq!(
        (first.followers, first.reach, first.follows, first.unfollows),
        (Some(1200.0), Some(3400.0), Some(12.0), Some(3.0))
    );
    let second = &l.account.daily[&d("2026-10-02")];
    assert_eq!((second.followers, second.reach), (Some(1209.0), None));
    let w: Vec<String> = l.report.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert_eq!(
        w[0],
        "VK-stats-october.csv line 1: columns not in the mapping ignored: `просмотры`"
    );
    assert_eq!(
        w[1],
        "VK-stats-october.csv line 4: row skipped: column `Подписчики`: `abc` is not a number"
    );
}

#[test]
fn a_posts_spreadsheet_with_lenient_dates_and_types() {
    let cfg = config(
        r#"
[[mapping]]
file = "popsters*.csv"
kind = "posts"
columns = { ID = "post_id", "Дата публикации" = "published_at", "Текст" = "caption", "Лайки" = "likes", "Репосты" = "shares", "Тип" = "type", "Ссылка" = "permalink" }
"#,
    );
    let text = "ID,Дата публикации,Текст,Лайки,Репосты,Тип,Ссылка,Комментарии\n\
-123_456,05.10.2026 14:30,\"Осень, кофе\",1 234,5,фото,https://vk.com/wall-123_456,7\n\
-123_457,2026-10-06T08:00:00Z,Опрос,,0,poll,https://vk.com/wall-123_457,1\n\
,2026-10-07 10:00,без id,1,1,фото,,0\n";
    let l = load(cfg, "popsters_export.csv", text).unwrap();
    let p = &l.account.posts;
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].id.as_str(), p[0].caption.as_str()),
        ("-123_456", "Осень, кофе")
    );
    assert_eq!(p[0].published_at.to_rfc3339(), "2026-10-05T14:30:00+02:00");
    assert_eq!(
        (p[0].kind, p[0].likes, p[0].shares, p[0].comments),
        (
            PostType::Photo,
            Field::Value(1234.0),
            Field::Value(5.0),
            Field::NotGiven
        )
    );
    assert_eq!(p[1].published_at.to_rfc3339(), "2026-10-06T10:00:00+02:00");
    assert_eq!((p[1].kind, p[1].likes), (PostType::Other, Field::Empty));
    let w: Vec<String> = l
        .report
        .warnings
        .iter()
        .map(|w| w.message.clone())
        .collect();
    assert!(
        w.contains(&"post types read as `other`: `poll`".to_string()),
        "{w:?}"
    );
    assert!(
        w.contains(&"row skipped: the required value `ID` is empty".to_string()),
        "{w:?}"
    );
}

use smm_audit::model::{Field, PostType};

#[test]
fn an_agency_audience_sheet_with_country_names_and_fractions() {
    let cfg = config(
        r#"
[[mapping]]
file = "agency-audience.csv"
kind = "audience"
columns = { "Дата" = "date", "Сегмент" = "segment", "Измерение" = "dimension", "Значение" = "value", "Доля" = "share_pct" }
"#,
    );
    let text = "Дата,Сегмент,Измерение,Значение,Доля\n\
2026-10-31,followers,country,Россия,0.6\n2026-10-31,followers,country,Германия,0.3\n\
2026-10-31,followers,country,Атлантида,0.1\n2026-10-31,followers,gender,Ж,0.55\n2026-10-31,followers,age,25–34,0.4\n";
    let l = load(cfg, "agency-audience.csv", text).unwrap();
    let a = &l.account.audience;
    let got: Vec<(&str, &str, i64)> = a
        .iter()
        .map(|r| {
            (
                r.dimension.as_str(),
                r.value.as_str(),
                (r.share_pct.unwrap() * 10.0).round() as i64,
            )
        })
        .collect();
    assert!(got.contains(&("country", "RU", 600)), "{got:?}");
    assert!(got.contains(&("country", "DE", 300)));
    assert!(got.contains(&("gender", "female", 550)));
    assert!(got.contains(&("age", "25-34", 400)));
    assert_eq!(a.len(), 4);
    assert_eq!(l.report.warnings.len(), 1);
    assert_eq!(
        l.report.warnings[0].message,
        "rows of unknown countries skipped: `Атлантида`"
    );
}

#[test]
fn a_utf16_traffic_sheet_with_durations_and_percent_bounce() {
    let cfg = config(
        r#"
[[mapping]]
file = "tg-traffic.txt"
kind = "traffic"
date_format = "%d/%m/%Y"
[mapping.columns]
Day = "date"
Source = "source"
Visits = "sessions"
Bounce = "bounce_rate_pct"
"Time on site" = "avg_session_seconds"
"#,
    );
    let text =
        "Day\tSource\tVisits\tBounce\tTime on site\r\n31/10/2026\tt.me\t120\t35%\t0:01:10\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let l = load(cfg, "tg-traffic.txt", bytes).unwrap();
    let t = &l.account.traffic[0];
    assert_eq!(
        (
            t.date,
            t.source.as_str(),
            t.sessions,
            t.bounce_rate_pct,
            t.avg_session_seconds
        ),
        (d("2026-10-31"), "t.me", 120.0, Some(35.0), Some(70.0))
    );
}

#[test]
fn mistakes_in_a_mapping_are_errors_naming_them() {
    let text = "Дата;Подписчики;Охват;Вступившие;Вышедшие\n01.10.2026;1;2;3;4\n";
    let err = |toml_text: &str| {
        load(config(toml_text), "vk-stats-1.csv", text)
            .err()
            .unwrap()
            .to_string()
    };
    let e = err(&VK.replace("\"daily\"", "\"dayly\""));
    assert_eq!(e, "vk-stats-1.csv: the [[mapping]] for `vk-stats-*.csv` names the unknown kind `dayly` (it must be daily, posts, audience, traffic, spend or messages)");
    let e = err(&VK.replace("\"reach\"", "\"rech\""));
    assert!(e.starts_with("vk-stats-1.csv: the [[mapping]] for `vk-stats-*.csv` maps `Охват` to `rech`, which is not a column of a daily file"), "{e}");
    let e = err(&VK.replace("\"Охват\"", "\"Охват поста\""));
    assert_eq!(e, "vk-stats-1.csv: has no column `Охват поста`, which the [[mapping]] for `vk-stats-*.csv` maps to `reach`");
    let e = err(&VK.replace("\"Дата\" = \"date\", ", ""));
    assert_eq!(e, "vk-stats-1.csv: the [[mapping]] for `vk-stats-*.csv` gives no column for `date`, which a daily file needs");
    let e = err(&VK.replace("%d.%m.%Y", "%Q"));
    assert!(e.contains("date_format `%Q`"), "{e}");
    // A file the mapping does not name is not read by it.
    let other = load(config(VK), "notes.csv", text)
        .err()
        .unwrap()
        .to_string();
    assert!(
        other.contains("no file in it is a recognised export"),
        "{other}"
    );
}

const SHEET: &str = r#"
[[mapping]]
file = "sheet*.csv"
kind = "daily"
columns = { "Day" = "date", "Fans" = "followers" }
"#;

#[test]
fn day_and_month_are_ordered_by_the_whole_column() {
    // 13/10 shows the day comes first, so 03/10 is the 3rd of October, not the 10th of March.
    let text = "Day,Fans\n03/10/2026,100\n13/10/2026,110\n";
    let l = load(config(SHEET), "sheet.csv", text).unwrap();
    let days: Vec<chrono::NaiveDate> = l.account.daily.keys().copied().collect();
    assert_eq!(days, vec![d("2026-10-03"), d("2026-10-13")]);
    // Nothing tells: month first, and a warning says how to say otherwise.
    let l = load(config(SHEET), "sheet.csv", "Day,Fans\n03/10/2026,100\n").unwrap();
    assert!(l.account.daily.contains_key(&d("2026-03-10")));
    let w: Vec<String> = l.report.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter().any(|m| m.contains(
            "column `Day`: no date in it shows whether the day or the month comes first"
        )),
        "{w:?}"
    );
    // Both orders in one column: the dates that fit neither are skipped, with warnings.
    let text = "Day,Fans\n13/10/2026,100\n10/31/2026,110\n";
    let l = load(config(SHEET), "sheet.csv", text).unwrap();
    let w: Vec<String> = l.report.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|m| m.contains("some dates put the day first and others the month")),
        "{w:?}"
    );
    assert_eq!(l.account.daily.len(), 1, "{w:?}");
}

#[test]
fn excel_serial_dates_are_dates() {
    let l = load(
        config(SHEET),
        "sheet.csv",
        "Day,Fans\n46298,100\n46299,101\n",
    )
    .unwrap();
    let days: Vec<chrono::NaiveDate> = l.account.daily.keys().copied().collect();
    assert_eq!(days, vec![d("2026-10-03"), d("2026-10-04")]);
}
