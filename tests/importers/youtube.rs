use crate::support::{self, d, utf16le};
use smm_audit::import::Loaded;
use smm_audit::model::{Field, PostType};

fn load(name: &str, bytes: impl Into<Vec<u8>>) -> Loaded {
    // The exports were made on 2026-03-14.
    support::load(name, bytes, chrono_tz::Europe::Berlin, "2026-03-15")
}

fn real(name: &str) -> Vec<u8> {
    support::real(&format!("youtube/{name}"))
}

#[test]
fn real_table_data() {
    let l = load("Table data.csv", real("Table data.csv"));
    assert_eq!(l.report.sources[0].format, "youtube/table-data");
    let posts = &l.account.posts;
    // 273 videos after the `Total` row; one has no publish time.
    assert_eq!(posts.len(), 272);
    assert_eq!(l.report.warnings.len(), 1, "{:?}", l.report.warnings);
    assert_eq!(l.report.warnings[0].line, Some(272));
    assert!(l.report.warnings[0].message.contains("-grZ-uQ2U7w"));
    let p = posts.iter().find(|p| p.id == "UObM30FGdSs").unwrap();
    assert_eq!(p.published_at.to_rfc3339(), "2025-02-15T00:00:00+01:00");
    assert_eq!((p.date, p.kind), (d("2025-02-15"), PostType::Video));
    assert_eq!((p.impressions, p.reach), (Some(115217.0), None));
    assert_eq!(
        (p.likes, p.comments, p.shares),
        (Field::NotGiven, Field::NotGiven, Field::NotGiven)
    );
    assert!(p
        .caption
        .starts_with("The 12 Tribes origins and historical significance!"));
    assert_eq!(p.permalink, "https://www.youtube.com/watch?v=UObM30FGdSs");
    let movie = posts.iter().find(|p| p.id == "mAJS97kNC5E").unwrap();
    assert_eq!(
        (movie.date, movie.impressions),
        (d("2025-05-26"), Some(9338.0))
    );
    assert!(posts.iter().any(|p| p.id == "_VyT3Wja8rI"));
    assert!(posts.iter().all(|p| p.id != "Total"));
    assert_eq!(
        (posts[0].id.as_str(), posts[0].date),
        ("DIvHY0Ic1Ac", d("2024-12-27"))
    );
    assert_eq!(posts.last().unwrap().date, d("2026-03-14"));
    let total: f64 = posts.iter().filter_map(|p| p.impressions).sum();
    assert_eq!(total, 763_668.0);
}

#[test]
fn real_totals_by_year_are_not_used() {
    let l = load("Totals.csv", real("Totals.csv"));
    assert_eq!(l.report.sources[0].format, "youtube/totals");
    assert_eq!(l.report.sources[0].rows, 0);
    assert!(l.account.daily.is_empty());
    assert_eq!(l.report.warnings.len(), 1);
    let w = &l.report.warnings[0].message;
    assert!(
        w.contains("years (2024, 2025, 2026)") && w.contains("yearly total is not used"),
        "{w}"
    );
}

#[test]
fn daily_totals_with_net_subscribers_and_excel_dates() {
    let text = "Date,Views,Subscribers\n1/1/2022,120,3\n1/2/2022,,-2\n1/3/2022,95,1\n";
    let l = load("Totals.csv", text);
    let daily = &l.account.daily;
    assert_eq!(daily.len(), 2);
    assert_eq!(daily[&d("2022-01-01")].impressions, Some(120.0));
    assert_eq!(
        (
            daily[&d("2022-01-03")].impressions,
            daily[&d("2022-01-03")].follows
        ),
        (Some(95.0), None)
    );
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("net change"));
}

#[test]
fn gained_and_lost_subscribers_and_a_totals_row() {
    let text = "Date,Subscribers gained,Subscribers lost,Views\nTotal,12,4,500\n2025-03-01,7,1,300\n2025-03-02,5,3,200\n";
    let l = load("Table data.csv", text);
    assert_eq!(l.report.sources[0].format, "youtube/totals");
    let r = &l.account.daily[&d("2025-03-02")];
    assert_eq!(
        (r.follows, r.unfollows, r.impressions),
        (Some(5.0), Some(3.0), Some(200.0))
    );
    assert_eq!(l.account.daily.len(), 2);
    assert!(l.report.warnings.is_empty());
}

#[test]
fn a_chart_metric_the_audit_cannot_hold() {
    let l = load(
        "Totals.csv",
        "Date,Stayed to watch (%)\n2011-04-04,0\n2011-04-05,\n",
    );
    assert!(l.account.daily.is_empty());
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0]
        .message
        .contains("`stayed to watch (%)`"));
}

#[test]
fn chart_data_per_video_is_read_and_not_used() {
    let text = "Date,Content,Video title,Video publish time,Duration,Average view duration\n2024,UObM30FGdSs,The 12 Tribes,\"Feb 15, 2025\",45,0:00:00\n";
    let l = load("Chart data.csv", text);
    assert_eq!(l.report.sources[0].format, "youtube/chart-data");
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0].message.contains("yearly"));
    let text = "Date,Content,Video title,Video publish time,Duration,Views\n2024-09-27,6xFxE92I6Nk,PHP,\"Sep 27, 2024\",978,10\n";
    let l = load("Chart data.csv", text);
    assert!(l.account.daily.is_empty());
    assert!(l.report.warnings[0].message.contains("per-video"));
}

#[test]
fn russian_table_data_in_windows_1251_with_semicolons_and_decimal_commas() {
    let text = "Контент;Название видео;Время публикации видео;Продолжительность;Просмотры;Время просмотра (часы);Подписчики;Показы;CTR для значков видео (%)\r\n\
        Итоговое значение;;;;1500;12,5;3;9000;4,2\r\n\
        abcDEF12345;Первое видео;27 сент. 2024 г.;60;1000;8,25;2;6000;4,1\r\n\
         -xyz9876543;Второе;3 марта 2025 г.;45;500;4,25;1;3000;4,3\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let l = load("Table data.csv", bytes.into_owned());
    assert_eq!(l.report.sources[0].encoding, "Windows-1251");
    assert_eq!(l.report.sources[0].format, "youtube/table-data");
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 2);
    assert_eq!(
        (posts[0].id.as_str(), posts[0].date, posts[0].impressions),
        ("abcDEF12345", d("2024-09-27"), Some(1000.0))
    );
    assert_eq!(posts[0].caption, "Первое видео");
    assert_eq!(
        (posts[1].id.as_str(), posts[1].date),
        ("-xyz9876543", d("2025-03-03"))
    );
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
}

#[test]
fn table_data_in_utf16_with_likes_a_ragged_row_and_nulls() {
    let text =
        "Content,Video title,Video publish time,Views,Likes,Comments,Shares,Unique viewers\n\
        Total,,,300,20,5,2,250\n\
        aaaaaaaaaaa,One,\"Jan 5, 2026\",200,15,-,1,180\n\
        bbbbbbbbbbb,Two,\"Jan 6, 2026\",100\n\
        ccccccccccc,Three,\"someday\",1,1,1,1,1\n";
    let l = load("Table data.csv", utf16le(text));
    let posts = &l.account.posts;
    assert_eq!(posts.len(), 2);
    assert_eq!(
        (
            posts[0].likes,
            posts[0].comments,
            posts[0].shares,
            posts[0].reach
        ),
        (
            Field::Value(15.0),
            Field::Empty,
            Field::Value(1.0),
            Some(180.0)
        )
    );
    assert_eq!(
        (posts[1].impressions, posts[1].likes),
        (Some(100.0), Field::Empty)
    );
    assert_eq!(l.report.warnings.len(), 1);
    assert_eq!(l.report.warnings[0].line, Some(5));
}
