use crate::support::{close, d, try_load};
use chrono::NaiveDate;
use smm_audit::import::{ImportError, Loaded};

fn load(name: &str, bytes: impl Into<Vec<u8>>) -> Result<Loaded, ImportError> {
    try_load(name, bytes, chrono_tz::Europe::Moscow, "2025-02-10")
}

#[test]
fn a_sources_report_by_day_with_a_bom_and_a_totals_row() {
    let text =
        "\u{feff}Дата визита,Источник трафика,Источник трафика (детально),Визиты,Посетители,\
Отказы,Глубина просмотра,Время на сайте,Целевые визиты\n\
Итого и средние,,,1080,954,0.1213,2.83,0:02:41,36\n\
2025-01-02,Переходы из социальных сетей,ВКонтакте,120,100,0.15,2.1,0:01:35,5\n\
2025-01-02,Переходы из поисковых систем,Яндекс,900,800,0.1,3,0:03:00,30\n\
2025-01-01,Переходы из мессенджеров,Telegram,40,35,0.25,1.5,0:00:50,1\n\
2025-01-01,Переходы по ссылкам на сайтах,t.me,10,9,0.3,1.2,0:00:20,0\n\
2025-01-01,Прямые заходы,Не определено,10,10,0.5,1,0:00:10,0\n\
2025-01-03,Переходы из социальных сетей,vk.com,--,1,0,1,0:00:01,0\n\
2025-01-03,Переходы из социальных сетей,ok.ru\n";
    let l = load(
        "Источники, сводка-2025-01-01-2025-01-03.csv",
        text.as_bytes(),
    )
    .unwrap();
    assert_eq!(l.report.sources[0].format, "metrica/report");
    assert_eq!(l.report.sources[0].encoding, "UTF-8 with BOM");
    let t = &l.account.traffic;
    let got: Vec<(NaiveDate, &str, f64)> = t
        .iter()
        .map(|r| (r.date, r.source.as_str(), r.sessions))
        .collect();
    assert_eq!(
        got,
        [
            (d("2025-01-01"), "Telegram", 40.0),
            (d("2025-01-01"), "t.me", 10.0),
            (d("2025-01-02"), "ВКонтакте", 120.0)
        ]
    );
    let vk = &t[2];
    assert_eq!(
        (vk.users, vk.pages_per_session, vk.avg_session_seconds),
        (Some(100.0), Some(2.1), Some(95.0))
    );
    assert!(close(vk.bounce_rate_pct, 15.0));
    assert_eq!(vk.conversions, Some(5.0));
    let lines: Vec<Option<u64>> = l.report.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [Some(8), Some(9)], "{:?}", l.report.warnings);
    assert!(l.report.warnings[0]
        .message
        .contains("the `Визиты` value is empty"));
}

#[test]
fn a_windows_1251_semicolon_resave_without_dates_is_dated_by_its_name() {
    let text = "Источник трафика;Визиты;Посетители;Доля новых посетителей;Отказы;Глубина просмотра;Время на сайте\r\n\
Итого и средние;1 500;1 300;80;12,5 %;2,5;0:02:10\r\n\
Социальные сети;250;200;90,5;20,4 %;1,8;0:01:05\r\n\
Поисковые системы;1 250;1 100;78;11 %;2,6;0:02:20\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let l = load(
        "Источники, сводка-2025-01-01-2025-01-31 (1).csv",
        bytes.into_owned(),
    )
    .unwrap();
    assert_eq!(l.report.sources[0].encoding, "Windows-1251");
    let t = &l.account.traffic;
    assert_eq!(t.len(), 1);
    let r = &t[0];
    assert_eq!(
        (r.date, r.source.as_str(), r.sessions, r.users),
        (d("2025-01-01"), "Социальные сети", 250.0, Some(200.0))
    );
    assert!(close(r.bounce_rate_pct, 20.4));
    assert_eq!(
        (r.new_users, r.pages_per_session, r.avg_session_seconds),
        (Some(181.0), Some(1.8), Some(65.0))
    );
    assert_eq!(l.report.warnings.len(), 1);
    assert!(l.report.warnings[0]
        .message
        .contains("totals for 2025-01-01 to 2025-01-31"));
}

#[test]
fn a_report_without_dates_or_a_period_is_an_error() {
    let text = "Источник трафика,Визиты,Отказы\nСоциальные сети,5,0.5\n";
    let err = load("report.csv", text.as_bytes())
        .err()
        .unwrap()
        .to_string();
    assert!(
        err.starts_with("report.csv: the report has no date column"),
        "{err}"
    );
}

#[test]
fn a_utf16_copy_with_goal_columns() {
    let text =
        "Дата визита\tСоциальная сеть\tВизиты\tОтказы\tДостижения цели (Заявка)\tДоход (Заявка)\n\
01.02.2025\tInstagram\t12\t0.5\t2\t1500,50\n01.02.2025\tНе определено\t3\t0\t0\t0\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let l = load("Социальные сети-2025-02-01-2025-02-01.csv", bytes).unwrap();
    let t = &l.account.traffic;
    assert_eq!(t.len(), 1);
    assert_eq!(
        (
            t[0].date,
            t[0].source.as_str(),
            t[0].conversions,
            t[0].revenue
        ),
        (d("2025-02-01"), "Instagram", Some(2.0), Some(1500.5))
    );
    assert!(close(t[0].bounce_rate_pct, 50.0));
}
