//! Merging every file's rows into one account.
//!
//! Canonical files merge by row (formats.md): within a file the later row with the same key
//! wins; across files the file whose name sorts last wins. Platform exports merge differently,
//! because each gives a few metrics of a day (Meta's `Follows.csv` and `Reach.csv`): a day's
//! value of a metric comes from the newest export that has it (modification time, then name).
//! Where a canonical row and a platform export give the same metric of a day, the canonical
//! row's value is used. Posts, audience, traffic and spend are keyed as in the canonical format,
//! platform files first and canonical files after, so a later source replaces an earlier one.
//! Nothing is counted twice.

use super::canonical::Parsed;
use super::merge::Merger;
use super::recognise::ReadFile;
use super::report::LoadReport;
use crate::model::{Account, AudienceRow, AuditConfig, DailyRow, Message, Post, Presence, Segment};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Date an undated audience snapshot at the last day of the daily rows; the load report's
/// line for the file says which day it was given and why. Without daily rows it keeps the
/// file's modification date, and the line says that too.
fn date_snapshot(
    file: &str,
    rows: &mut [(u64, AudienceRow)],
    last_daily: Option<NaiveDate>,
    report: &mut LoadReport,
) {
    let Some(first) = rows.first().map(|(_, r)| r.date) else {
        return;
    };
    let note = match last_daily {
        Some(day) => {
            for (_, r) in rows.iter_mut() {
                r.date = day;
            }
            format!(" (the export has no date: dated {day}, the last day of the daily rows)")
        }
        None => {
            format!(" (the export has no date: dated {first}, the day the file was last changed)")
        }
    };
    if let Some(source) = report.sources.iter_mut().find(|s| s.file == file) {
        source.supplies.push_str(&note);
    }
}

/// Merge the files read into one account; `label` names it in warnings that concern no one
/// file.
pub fn assemble(
    files: Vec<ReadFile>,
    config: AuditConfig,
    label: &str,
    report: &mut LoadReport,
) -> Account {
    let mut account = Account {
        config,
        ..Account::default()
    };
    let mut presence = Presence::default();
    let (mut platform, canonical): (Vec<ReadFile>, Vec<ReadFile>) =
        files.into_iter().partition(|f| f.platform);
    platform.sort_by(|a, b| (a.modified, a.name.as_bytes()).cmp(&(b.modified, b.name.as_bytes())));
    // An audience export without a date of its own is a snapshot of the day it was exported;
    // the folder's daily rows say which day that was better than a copied file's date.
    let last_daily = platform
        .iter()
        .chain(&canonical)
        .flat_map(|f| &f.parts)
        .filter_map(|p| match p {
            Parsed::Daily(rows) => rows.iter().map(|(_, r)| r.date).max(),
            _ => None,
        })
        .max();

    // Daily: platform exports field by field, newest last.
    let mut from_platforms: BTreeMap<NaiveDate, DailyRow> = BTreeMap::new();
    let mut owner: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let mut overlaps: BTreeMap<(String, String), usize> = BTreeMap::new();
    for f in &platform {
        for part in &f.parts {
            if let Parsed::Daily(rows) = part {
                presence.daily = true;
                for (_, row) in rows {
                    let entry = from_platforms.entry(row.date).or_insert_with(|| DailyRow {
                        date: row.date,
                        ..DailyRow::default()
                    });
                    if entry.overlay(row) {
                        if let Some(prev) = owner.get(&row.date).filter(|p| **p != f.name) {
                            *overlaps.entry((prev.clone(), f.name.clone())).or_default() += 1;
                        }
                    }
                    owner.insert(row.date, f.name.clone());
                }
            }
        }
    }
    for ((old, new), n) in overlaps {
        report.warn(
            &new,
            None,
            format!("{n} days also in {old} with other values; the newer export {new} is used"),
        );
    }

    // Canonical daily rows: whole rows, the file whose name sorts last wins.
    let mut daily = Merger::default();
    let mut posts: Merger<Post> = Merger::default();
    let mut audience: Merger<AudienceRow> = Merger::default();
    let mut traffic = Merger::default();
    let mut spend = Merger::default();
    let mut messages: Vec<Message> = Vec::new();
    let mut followers: Vec<crate::model::Follower> = Vec::new();
    for f in platform.into_iter().chain(canonical) {
        for part in f.parts {
            match part {
                Parsed::Daily(rows) => {
                    if !f.platform {
                        presence.daily = true;
                        daily.add_file(&f.name, rows);
                    }
                }
                Parsed::Posts(rows) => {
                    presence.posts = true;
                    if f.platform {
                        posts.add_export(&f.name, rows);
                    } else {
                        posts.add_file(&f.name, rows);
                    }
                }
                Parsed::Audience(mut rows) => {
                    presence.audience = true;
                    if f.undated_audience {
                        date_snapshot(&f.name, &mut rows, last_daily, report);
                    }
                    if f.platform {
                        audience.add_export(&f.name, rows);
                    } else {
                        audience.add_file(&f.name, rows);
                    }
                }
                Parsed::Traffic(rows) => {
                    presence.traffic = true;
                    if f.platform {
                        traffic.add_export(&f.name, rows);
                    } else {
                        traffic.add_file(&f.name, rows);
                    }
                }
                Parsed::Spend(rows) => {
                    presence.spend = true;
                    if f.platform {
                        spend.add_export(&f.name, rows);
                    } else {
                        spend.add_file(&f.name, rows);
                    }
                }
                Parsed::Followers(rows) => {
                    presence.follower_list = true;
                    followers.extend(rows.into_iter().map(|(_, f)| f));
                }
                Parsed::Messages(rows) => {
                    presence.messages = true;
                    messages.extend(rows.into_iter().map(|(_, m)| m));
                }
            }
        }
    }
    account.daily = from_platforms;
    for row in daily.finish(report) {
        match account.daily.get_mut(&row.date) {
            Some(existing) => {
                existing.overlay(&row);
            }
            None => {
                account.daily.insert(row.date, row);
            }
        }
    }
    // Posts are sorted by publication below.
    account.posts = posts.finish_unordered(report);
    account.audience = audience.finish(report);
    account.traffic = traffic.finish(report);
    account.spend = spend.finish(report);
    account.messages = messages;
    // One entry a username: a later list (newer export) replaces an earlier one's entry.
    let mut by_name: BTreeMap<String, crate::model::Follower> = BTreeMap::new();
    for f in followers {
        by_name.insert(f.username.clone(), f);
    }
    account.follower_list = by_name.into_values().collect();
    account
        .follower_list
        .sort_by(|a, b| (a.followed_at, &a.username).cmp(&(b.followed_at, &b.username)));
    account.presence = presence;
    account.messages.sort_by_key(|m| m.received_at);
    account.sort_posts();
    fill_shares(&mut account.audience);
    sanitize_text(&mut account, label, report);
    if let Some(why) = super::handles::mixed(&super::handles::count(&account.posts)) {
        report.warn(label, None, why);
    }
    account
}

/// The longest caption kept: Facebook, the most generous platform, allows 63,206 characters.
/// A longer one is cut (a 10 MB caption would cost memory and every frame that draws it).
pub const MAX_CAPTION_BYTES: usize = 64 * 1024;

/// The one step where text from exports enters the model made safe (`text::sanitize`:
/// controls shown as symbols, bidirectional and invisible characters removed), so nothing
/// downstream (screen, reports, messages) can be fooled by them.
fn sanitize_text(account: &mut Account, label: &str, report: &mut LoadReport) {
    use crate::text::sanitize_in_place as clean;
    use rayon::prelude::*;
    // Posts are many and independent: cleaned on every core, their notes kept in order.
    let notes: Vec<(Option<String>, Option<String>)> = account
        .posts
        .par_iter_mut()
        .map(|p| {
            let bidi = crate::text::bidi_controls(&p.caption);
            clean(&mut p.id);
            clean(&mut p.caption);
            clean(&mut p.permalink);
            let disguised = (bidi > 0).then(|| format!("{} ({bidi})", p.id));
            let cut = (p.caption.len() > MAX_CAPTION_BYTES).then(|| {
                let mut end = MAX_CAPTION_BYTES;
                while !p.caption.is_char_boundary(end) {
                    end -= 1;
                }
                let note = format!("{} ({} bytes)", p.id, p.caption.len());
                p.caption.truncate(end);
                p.caption.push('…');
                note
            });
            (disguised, cut)
        })
        .collect();
    let (disguised, cut): (Vec<_>, Vec<_>) = notes.into_iter().unzip();
    let disguised: Vec<String> = disguised.into_iter().flatten().collect();
    let cut: Vec<String> = cut.into_iter().flatten().collect();
    if !disguised.is_empty() {
        report.warn(
            label,
            None,
            format!(
                "{}, which can make text read other than it is written (removed before showing): {}",
                if disguised.len() == 1 {
                    "a post has text-direction controls in its caption".to_string()
                } else {
                    format!(
                        "{} posts have text-direction controls in their captions",
                        disguised.len()
                    )
                },
                disguised.join(", ")
            ),
        );
    }
    if !cut.is_empty() {
        report.warn(
            label,
            None,
            format!(
                "{} longer than {} KiB cut there: {}",
                if cut.len() == 1 {
                    "a caption".to_string()
                } else {
                    format!("{} captions", cut.len())
                },
                MAX_CAPTION_BYTES / 1024,
                cut.join(", ")
            ),
        );
    }
    for r in &mut account.audience {
        clean(&mut r.value);
    }
    for r in &mut account.traffic {
        clean(&mut r.source);
    }
    for r in &mut account.spend {
        clean(&mut r.campaign);
        clean(&mut r.objective);
    }
    for m in &mut account.messages {
        clean(&mut m.channel);
    }
    for f in &mut account.follower_list {
        clean(&mut f.username);
    }
}

/// Where a snapshot (date, segment, dimension) gives counts but no shares, the shares are the
/// counts over their sum (formats.md, `audience.csv`).
fn fill_shares(rows: &mut [AudienceRow]) {
    let mut totals: BTreeMap<(NaiveDate, Segment, String), (f64, bool)> = BTreeMap::new();
    for r in rows.iter() {
        let e = totals
            .entry((r.date, r.segment, r.dimension.clone()))
            .or_insert((0.0, false));
        e.0 += r.count.unwrap_or(0.0);
        e.1 |= r.share_pct.is_some();
    }
    for r in rows.iter_mut() {
        let (sum, has_shares) = totals[&(r.date, r.segment, r.dimension.clone())];
        if !has_shares && sum > 0.0 {
            r.share_pct = r.count.map(|c| c / sum * 100.0);
        }
    }
}
