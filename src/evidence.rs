//! A finding's evidence: named, typed values. Each keeps its machine form for the JSON report
//! (the names and numbers scripts read, unchanged) and is written for people here, in one
//! place, for the screen and both reports: "+5,028", "30.0 %", "about 960 times the usual
//! variation", "India (IN) 30 %, Sweden (SE) 22 %, other 48 %".

use crate::format::{self, NO_VALUE};
use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value as Json;

/// What a value is, which decides how it is written for people.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A whole count: "5,028".
    Count,
    /// A signed change of a count: "+5,028".
    Change,
    /// A measure with decimals (a mean, a median): "23.4".
    Number,
    /// A percent already ×100: "30.0 %".
    Percent,
    /// A difference of percents: "+70.3 pp".
    Points,
    /// A ratio: "×1.01".
    Ratio,
    /// A fraction 0–1 written as a percent: 0.95 → "95 %".
    Share,
    /// How many times the usual variation (a z score): "about 960 times the usual variation".
    Sigma,
    /// A distance 0–1: "0.73".
    Fraction,
    Date,
    /// An amount in the account's currency: "1,250.00 SEK".
    Money,
    /// A machine word: `new_followers` → "new followers".
    Words,
    /// Text as it is (a post id, a reason).
    Text,
    /// Shares by value, already labelled and largest first: the first five by name, the rest
    /// as "other".
    Shares(Vec<(String, f64)>),
    /// A KPI's value, written with its unit: "2.84 %", "12.50 SEK".
    Kpi(crate::metrics::Kpi),
    /// A machine value people read as the words given: `er_post_pct` as "ER post".
    Shown(String),
    /// A list of names (usernames): the first ten, then how many more.
    Names,
    /// A table: one record per row (the days of a spike).
    Rows(Vec<Evidence>),
    /// One record inside another (a cause's own evidence).
    Record(Evidence),
}

/// One named value.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The JSON name (`followers_before`), never renamed.
    pub key: String,
    /// For people: "followers before the jump".
    pub label: String,
    pub kind: Kind,
    /// The machine value, as the JSON report writes it.
    pub value: Json,
}

/// The evidence of a finding, in the order the rule added it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evidence {
    items: Vec<Item>,
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.items.len()))?;
        for item in &self.items {
            map.serialize_entry(&item.key, &item.value)?;
        }
        map.end()
    }
}

fn json(value: impl Serialize) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

impl Evidence {
    pub fn new() -> Evidence {
        Evidence::default()
    }

    /// Add a value (a key added twice keeps the first place and the last value).
    pub fn add(&mut self, key: &str, label: &str, kind: Kind, value: impl Serialize) -> &mut Self {
        let item = Item {
            key: key.to_string(),
            label: label.to_string(),
            kind,
            value: json(value),
        };
        match self.items.iter_mut().find(|i| i.key == key) {
            Some(old) => *old = item,
            None => self.items.push(item),
        }
        self
    }

    pub fn count(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Count, v)
    }

    pub fn change(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Change, v)
    }

    pub fn number(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Number, v)
    }

    pub fn percent(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Percent, v)
    }

    pub fn points(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Points, v)
    }

    pub fn ratio(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Ratio, v)
    }

    pub fn share(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Share, v)
    }

    pub fn sigma(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Sigma, v)
    }

    pub fn fraction(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Fraction, v)
    }

    pub fn date(&mut self, key: &str, label: &str, d: NaiveDate) -> &mut Self {
        self.add(key, label, Kind::Date, d.to_string())
    }

    pub fn money(&mut self, key: &str, label: &str, v: impl Serialize) -> &mut Self {
        self.add(key, label, Kind::Money, v)
    }

    pub fn words(&mut self, key: &str, label: &str, v: &str) -> &mut Self {
        self.add(key, label, Kind::Words, v)
    }

    pub fn text(&mut self, key: &str, label: &str, v: &str) -> &mut Self {
        self.add(key, label, Kind::Text, v)
    }

    pub fn kpi(
        &mut self,
        key: &str,
        label: &str,
        kpi: crate::metrics::Kpi,
        v: impl Serialize,
    ) -> &mut Self {
        self.add(key, label, Kind::Kpi(kpi), v)
    }

    /// A machine value shown to people as `words`.
    pub fn shown(&mut self, key: &str, label: &str, v: impl Serialize, words: &str) -> &mut Self {
        self.add(key, label, Kind::Shown(words.to_string()), v)
    }

    pub fn names(&mut self, key: &str, label: &str, v: &[&str]) -> &mut Self {
        self.add(key, label, Kind::Names, v)
    }

    /// Percent shares: the JSON keeps `{value: percent}` in `machine` order; people read
    /// `labelled` (largest first).
    pub fn shares(
        &mut self,
        key: &str,
        label: &str,
        machine: &[(String, f64)],
        labelled: Vec<(String, f64)>,
    ) -> &mut Self {
        let map: serde_json::Map<String, Json> =
            machine.iter().map(|(k, v)| (k.clone(), json(v))).collect();
        self.add(key, label, Kind::Shares(labelled), map)
    }

    pub fn rows(&mut self, key: &str, label: &str, rows: Vec<Evidence>) -> &mut Self {
        let value = json(&rows);
        self.add(key, label, Kind::Rows(rows), value)
    }

    pub fn record(&mut self, key: &str, label: &str, record: Evidence) -> &mut Self {
        let value = json(&record);
        self.add(key, label, Kind::Record(record), value)
    }

    /// Everything of `other` after what is here.
    pub fn extend(&mut self, other: Evidence) {
        for item in other.items {
            match self.items.iter_mut().find(|i| i.key == item.key) {
                Some(old) => *old = item,
                None => self.items.push(item),
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        self.items.iter().find(|i| i.key == key).map(|i| &i.value)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> + '_ {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// What the screen and the reports show: a label and its value in words, a table as one
    /// line per row (at most `max_rows`, then how many more).
    pub fn for_people(&self, currency: &str, max_rows: usize) -> Vec<(String, Vec<String>)> {
        self.items
            .iter()
            .map(|item| {
                let values = match &item.kind {
                    Kind::Rows(rows) if !rows.is_empty() => {
                        let mut v: Vec<String> = rows
                            .iter()
                            .take(max_rows)
                            .map(|r| r.line(currency))
                            .collect();
                        if rows.len() > max_rows {
                            v.push(format!("and {} more", rows.len() - max_rows));
                        }
                        v
                    }
                    _ => vec![item.words(currency)],
                };
                (item.label.clone(), values)
            })
            .collect()
    }

    /// The record in one line for people: "2026-10-13: followers gained +1,204, …".
    pub fn line(&self, currency: &str) -> String {
        let mut head = String::new();
        let mut parts = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            let w = item.words(currency);
            if i == 0 && matches!(item.kind, Kind::Date) {
                head = format!("{w}: ");
            } else if item.label.is_empty() {
                parts.push(w);
            } else {
                parts.push(format!("{} {w}", item.label));
            }
        }
        head + &parts.join(", ")
    }
}

impl std::ops::Index<&str> for Evidence {
    type Output = Json;

    /// The machine value of `key`, `null` where there is none.
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&Json::Null)
    }
}

impl Item {
    /// The value for people, with no more digits than a person needs.
    pub fn words(&self, currency: &str) -> String {
        if self.value.is_null() {
            return NO_VALUE.to_string();
        }
        let n = self.value.as_f64();
        match (&self.kind, n) {
            (Kind::Count, Some(v)) => format::count(v),
            (Kind::Change, Some(v)) => format::signed_count(v),
            (Kind::Number, Some(v)) => number(v),
            (Kind::Percent, Some(v)) => format!("{} %", percent(v)),
            (Kind::Points, Some(v)) => {
                format!(
                    "{}{} pp",
                    if v > 0.0 { "+" } else { "" },
                    format::group(v, 1)
                )
            }
            (Kind::Ratio, Some(v)) => format!("×{}", format::group(v, 2)),
            (Kind::Share, Some(v)) => format!("{} %", percent(v * 100.0)),
            (Kind::Sigma, Some(v)) => {
                format!("about {} times the usual variation", about(v))
            }
            (Kind::Fraction, Some(v)) => format::group(v, 2),
            (Kind::Money, Some(v)) => format!("{} {currency}", format::group(v, 2))
                .trim_end()
                .to_string(),
            (Kind::Words, _) => self
                .value
                .as_str()
                .map_or_else(String::new, |s| s.replace('_', " ")),
            (Kind::Kpi(kpi), _) => format::value(*kpi, n, currency),
            (Kind::Shown(words), _) => words.clone(),
            (Kind::Shares(list), _) => shares(list),
            (Kind::Names, _) => names(&self.value),
            (Kind::Rows(rows), _) if rows.is_empty() => NO_VALUE.to_string(),
            (Kind::Rows(rows), _) => rows
                .iter()
                .map(|r| r.line(currency))
                .collect::<Vec<_>>()
                .join("; "),
            (Kind::Record(r), _) => r.line(currency),
            (_, Some(v)) => number(v),
            _ => self
                .value
                .as_str()
                .map_or_else(|| self.value.to_string(), str::to_string),
        }
    }
}

/// Whole numbers whole, others with 2 decimals (1 from 100, 4 under 1).
fn number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        format::group(x, 0)
    } else if x.abs() >= 100.0 {
        format::group(x, 1)
    } else if x.abs() >= 1.0 {
        format::group(x, 2)
    } else {
        format::group(x, 4)
    }
}

/// A percent: one decimal from 10, two under it (titles use it too, so that a title and
/// its evidence agree).
pub fn percent(v: f64) -> String {
    if v.abs() >= 10.0 {
        format::group(v, 1)
    } else {
        format::group(v, 2)
    }
}

/// A large multiple to two significant digits (963 → 960), a small one to one decimal.
fn about(v: f64) -> String {
    let a = v.abs();
    if a >= 100.0 {
        let scale = 10f64.powi(a.log10().floor() as i32 - 1);
        format::group((v / scale).round() * scale, 0)
    } else if a >= 10.0 {
        format::group(v.round(), 0)
    } else {
        format::group(v, 1)
    }
}

/// The first five by name, the rest as "other".
fn shares(list: &[(String, f64)]) -> String {
    if list.is_empty() {
        return NO_VALUE.to_string();
    }
    let mut parts: Vec<String> = list
        .iter()
        .filter(|(name, _)| name != "other")
        .take(5)
        .map(|(name, v)| format!("{name} {} %", percent(*v)))
        .collect();
    let named: Vec<&String> = list
        .iter()
        .filter(|(name, _)| name != "other")
        .take(5)
        .map(|(n, _)| n)
        .collect();
    let other: f64 = list
        .iter()
        .filter(|(name, _)| !named.contains(&name))
        .map(|(_, v)| v)
        .sum();
    if other >= 0.05 {
        parts.push(format!("other {} %", percent(other)));
    }
    parts.join(", ")
}

/// The first ten names, then how many more.
fn names(v: &Json) -> String {
    let all: Vec<&str> = v
        .as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    if all.is_empty() {
        return NO_VALUE.to_string();
    }
    let mut text = all.iter().take(10).copied().collect::<Vec<_>>().join(", ");
    if all.len() > 10 {
        text.push_str(&format!(" and {} more", all.len() - 10));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_for_people_and_for_machines() {
        let mut day = Evidence::new();
        day.date("date", "day", NaiveDate::from_ymd_opt(2025, 4, 16).unwrap())
            .change("gain", "followers gained", 5028.0)
            .change("baseline_median", "a usual day", 31.0)
            .sigma("z", "", 962.9932857142858);
        let mut ev = Evidence::new();
        ev.rows("days", "the days of the jump", vec![day])
            .ratio(
                "relative_jump",
                "jump against the base",
                0.14983957539956222,
            )
            .share("window_coverage", "days with data", 0.95)
            .percent("share_pct", "share", 34.28256981)
            .points("rise_pp", "rise", 70.31)
            .words("segment", "segment", "new_followers")
            .count("missing", "missing", Json::Null);
        assert_eq!(
            ev.items().next().unwrap().words(""),
            "2025-04-16: followers gained +5,028, a usual day +31, about 960 times the usual variation"
        );
        let words: Vec<String> = ev.items().skip(1).map(|i| i.words("")).collect();
        assert_eq!(
            words,
            [
                "×0.15",
                "95.0 %",
                "34.3 %",
                "+70.3 pp",
                "new followers",
                "—"
            ]
        );
        // The JSON keeps every machine value under its name.
        let j = serde_json::to_value(&ev).unwrap();
        assert_eq!(j["days"][0]["z"], 962.9932857142858);
        assert_eq!(j["days"][0]["gain"], 5028.0);
        assert_eq!(j["relative_jump"], 0.14983957539956222);
        assert_eq!(j["segment"], "new_followers");
        assert!(j["missing"].is_null());
        assert_eq!(ev["window_coverage"], 0.95);
    }

    #[test]
    fn shares_name_the_top_five_and_the_rest() {
        let list: Vec<(String, f64)> = [
            ("IN", 30.0),
            ("SE", 22.0),
            ("BD", 15.0),
            ("BR", 12.0),
            ("ID", 10.0),
            ("EG", 6.0),
            ("other", 5.0),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), *v))
        .collect();
        assert_eq!(
            shares(&list),
            "IN 30.0 %, SE 22.0 %, BD 15.0 %, BR 12.0 %, ID 10.0 %, other 11.0 %"
        );
        assert_eq!(about(962.99), "960");
        assert_eq!(about(38.7), "39");
        assert_eq!(about(3.74), "3.7");
    }
}
