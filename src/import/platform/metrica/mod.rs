//! Yandex Metrica report export, "Экспорт → CSV" (export-formats.md, section 7.2): UTF-8 with a
//! BOM or a Windows-1251 re-save, `,` or `;`, Russian headers, and row 2 the totals row
//! `Итого и средние` (dropped). The social rows (`Переходы из социальных сетей`, messengers,
//! or a detailed source such as `vk.com`, `t.me`) become traffic rows.

use super::cells::cell;
use super::traffic::{self, as_pct, Numbers};
use super::{Ctx, Format, Reader};
use crate::import::canonical::Parsed;
use crate::import::cells::shorten;
use crate::import::lenient;
use crate::import::table::{Row, Table};
use crate::import::vocab::social;
use crate::import::ImportError;
use crate::model::TrafficRow;
use chrono::NaiveDate;

pub(super) const FORMATS: &[&Format] = &[&METRICA];

const VISITS: &[&str] = &["визиты", "sessions", "visits"];
const DATE: &[&str] = &[
    "дата визита",
    "дата",
    "период",
    "date of visit",
    "date",
    "period",
];
/// The source category (`Переходы из социальных сетей`).
const CATEGORY: &[&str] = &["источник трафика", "traffic source", "источник", "source"];
/// A detailed source (`vk.com`, `ВКонтакте`), preferred as the row's source when filled.
const DETAIL: &[&str] = &[
    "источник трафика (детально)",
    "социальная сеть",
    "мессенджер",
    "сайт-источник",
    "utm source",
    "traffic source (detailed)",
    "social network",
    "messenger",
    "referring site",
];
/// Metrica's own metrics, any one of which (with `Визиты`) marks its export.
const METRICS: &[&str] = &[
    "посетители",
    "отказы",
    "глубина просмотра",
    "время на сайте",
    "просмотры",
    "page depth",
    "time on site",
];

pub const METRICA: Format = Format {
    name: "metrica/report",
    recognition:
        "`Визиты` with one of `Посетители`, `Отказы`, `Глубина просмотра`, `Время на сайте` \
     (English: `Sessions` with `Page depth` or `Time on site`); the rows whose `Источник \
     трафика` is social or a messenger, or whose detailed source is a social site, become \
     traffic rows; without a date column the rows are dated by the period in the file name",
    download: "Яндекс Метрика → Отчёты → Источники, сводка → Экспорт → CSV",
    undated_audience: false,
    reader: Reader::Table(
        |table, _file, _config| {
            table.column_any(VISITS).is_some() && table.column_any(METRICS).is_some()
        },
        read,
    ),
};

/// The first column whose name starts with one of `prefixes`.
fn column_starting(table: &Table, prefixes: &[&str]) -> Option<usize> {
    prefixes
        .iter()
        .find_map(|p| table.headers.iter().position(|h| h.starts_with(p)))
}

/// The period a file name gives: `Источники, сводка-2025-01-01-2025-03-31 (1).csv`.
fn period_in_name(file: &str) -> Option<(NaiveDate, NaiveDate)> {
    let chars: Vec<(usize, char)> = file.char_indices().collect();
    let mut dates = Vec::new();
    let mut i = 0;
    while i + 10 <= chars.len() {
        let start = chars[i].0;
        let end = chars.get(i + 10).map_or(file.len(), |c| c.0);
        let s = &file[start..end];
        let shaped = s.bytes().enumerate().all(|(k, b)| match k {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        if let Some(d) = shaped
            .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .flatten()
        {
            dates.push(d);
            i += 10;
        } else {
            i += 1;
        }
    }
    match dates.as_slice() {
        [.., a, b] => Some((*a, *b)),
        [a] => Some((*a, *a)),
        [] => None,
    }
}

struct Columns {
    date: Option<usize>,
    category: Option<usize>,
    detail: Vec<usize>,
    visits: usize,
    users: Option<usize>,
    new_users: Option<usize>,
    new_share: Option<usize>,
    bounce: Option<usize>,
    depth: Option<usize>,
    time: Option<usize>,
    conversions: Option<usize>,
    revenue: Option<usize>,
}

fn columns(table: &Table, visits: usize) -> Columns {
    Columns {
        date: table.column_any(DATE),
        category: table.column_any(CATEGORY),
        detail: DETAIL.iter().filter_map(|c| table.column(c)).collect(),
        visits,
        users: table.column_any(&["посетители", "users", "visitors"]),
        new_users: table.column_any(&["новые посетители", "new users", "new visitors"]),
        new_share: table.column_any(&[
            "доля новых посетителей",
            "percentage of new visitors",
            "new visitors, %",
        ]),
        bounce: table.column_any(&["отказы", "bounce rate"]),
        depth: table.column_any(&["глубина просмотра", "page depth"]),
        time: table.column_any(&["время на сайте", "time on site"]),
        conversions: table
            .column_any(&[
                "целевые визиты",
                "достижения любой цели",
                "goal visits",
                "conversions",
            ])
            .or_else(|| {
                column_starting(
                    table,
                    &[
                        "целевые визиты (",
                        "достижения цели (",
                        "goal visits (",
                        "goal completions (",
                    ],
                )
            }),
        revenue: column_starting(table, &["доход", "revenue", "ecommerce revenue"]),
    }
}

fn read(table: &Table, ctx: &mut Ctx) -> Result<Vec<Parsed>, ImportError> {
    let visits = table.column_any(VISITS).expect("recognised by `Визиты`");
    let cols = columns(table, visits);
    if cols.category.is_none() && cols.detail.is_empty() {
        ctx.warn(
            None,
            "a report without `Источник трафика`: visits from social cannot be counted, so it gives \
             no traffic rows (export Отчёты → Источники, сводка instead)",
        );
        return Ok(Vec::new());
    }
    let fixed_date = match cols.date {
        Some(_) => None,
        None => {
            let Some((start, end)) = period_in_name(ctx.file) else {
                return Err(ctx.error(
                    "the report has no date column (`Дата визита`) and its file name does not give \
                     its period (`<report>-YYYY-MM-DD-YYYY-MM-DD.csv`), so its rows cannot be dated",
                ));
            };
            if start != end {
                let w = super::traffic::period_warning(start, end, " (from its file name)");
                ctx.warn(None, w);
            }
            Some(start)
        }
    };
    let numbers = Numbers::new(table, |r| !is_totals(r));
    let pct = Percent {
        bounce: numbers.in_percent(cols.bounce),
        new_share: numbers.in_percent(cols.new_share),
    };
    let rows = traffic::social_rows(table, ctx, is_totals, "a social source", |row| {
        let category = cell(row, cols.category).trim();
        let detail = cols
            .detail
            .iter()
            .map(|i| cell(row, Some(*i)).trim())
            .find(|s| !lenient::is_null(s) && !s.eq_ignore_ascii_case("не определено"));
        if !(social::is_social(category) || detail.is_some_and(social::is_social)) {
            return None;
        }
        let source = detail.unwrap_or(category).to_string();
        Some(traffic_row(row, &cols, &numbers, pct, fixed_date, source))
    });
    Ok(vec![Parsed::Traffic(rows)])
}

fn is_totals(row: &Row) -> bool {
    row.cells.iter().take(4).any(crate::import::vocab::is_total)
}

#[derive(Clone, Copy)]
struct Percent {
    bounce: bool,
    new_share: bool,
}

/// A money cell without its currency (`1 200 руб.`, `15,5 ₽`).
fn money(cell: &str) -> &str {
    cell.trim()
        .trim_end_matches(['₽', '$', '€'])
        .trim_end_matches(" руб.")
}

fn traffic_row(
    row: &Row,
    cols: &Columns,
    numbers: &Numbers,
    pct: Percent,
    fixed_date: Option<NaiveDate>,
    source: String,
) -> Result<TrafficRow, String> {
    let num = |i: Option<usize>| numbers.num(row, i, money);
    let date = match (cols.date, fixed_date) {
        (Some(i), _) => {
            let cell = cell(row, Some(i)).trim();
            // A grouped period (`2025-01-01 - 2025-01-07`) is dated by its first day.
            lenient::date(cell)
                .or_else(|| cell.get(..10).and_then(lenient::date))
                .ok_or_else(|| format!("`{}` is not a date", shorten(cell)))?
        }
        (None, Some(d)) => d,
        (None, None) => return Err("no date".into()),
    };
    let sessions = num(Some(cols.visits))?.ok_or("the `Визиты` value is empty")?;
    let users = num(cols.users)?;
    let new_users = match (
        num(cols.new_users)?,
        as_pct(num(cols.new_share)?, pct.new_share),
        users,
    ) {
        (Some(n), _, _) => Some(n),
        (None, Some(share), Some(u)) => Some((u * share / 100.0).round()),
        _ => None,
    };
    Ok(TrafficRow {
        date,
        source,
        sessions,
        users,
        new_users,
        bounce_rate_pct: as_pct(num(cols.bounce)?, pct.bounce),
        avg_session_seconds: numbers.seconds(row, cols.time)?,
        pages_per_session: num(cols.depth)?,
        conversions: num(cols.conversions)?,
        leads: None,
        revenue: num(cols.revenue)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn names_give_the_period() {
        assert_eq!(
            period_in_name("Метки UTM-2025-01-01-2025-03-31.xlsx"),
            Some((date("2025-01-01"), date("2025-03-31")))
        );
        assert_eq!(period_in_name("report.csv"), None);
    }
}
