//! Writing the canonical CSV files and audit.toml of one account folder.

use std::fmt::{self, Write as _};
use std::fs;
use std::io;
use std::path::Path;

use crate::config::{Account, Claim, Weights};
use crate::Data;

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A plain number with at most two decimals: `12.5`, `40`, `35.25`.
fn dec(x: f64) -> String {
    let s = format!("{:.2}", x + 0.0); // + 0.0 turns -0.0 into 0.0
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn write_csv(
    dir: &Path,
    name: &str,
    header: &str,
    rows: Vec<Vec<String>>,
) -> io::Result<(String, usize)> {
    let mut text = format!("{header}\n");
    for row in &rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        text.push_str(&cells.join(","));
        text.push('\n');
    }
    fs::write(dir.join(name), text)?;
    Ok((name.to_string(), rows.len()))
}

/// Writes the six CSV files and audit.toml; returns each file's name and data rows.
pub fn write_account(dir: &Path, acc: &Account, data: &Data) -> io::Result<Vec<(String, usize)>> {
    let ints = |xs: &[i64]| -> Vec<String> { xs.iter().map(i64::to_string).collect() };
    let daily = data.days.iter().map(|d| {
        let mut row = vec![d.date.to_string()];
        row.extend(ints(&[
            d.followers,
            d.follows,
            d.unfollows,
            d.reach,
            d.reach_paid,
            d.reach_organic,
        ]));
        row.extend(ints(&[d.impressions, d.profile_visits, d.website_clicks]));
        row
    });
    let posts = data.posts.iter().map(|p| {
        let link = format!("https://www.instagram.com/p/{}/", p.code);
        let mut row = vec![
            p.id.clone(),
            p.at.to_string(),
            p.kind.to_string(),
            p.caption.clone(),
            link,
        ];
        row.extend(ints(&[
            p.reach,
            p.impressions,
            p.likes,
            p.comments,
            p.shares,
            p.saves,
            p.clicks,
        ]));
        row.push(p.paid.to_string());
        row
    });
    let audience = data.audience.iter().map(|a| {
        let share = format!("{}.{}", a.tenths / 10, a.tenths % 10);
        let share = share.strip_suffix(".0").unwrap_or(&share).to_string();
        let head = [
            a.date.to_string(),
            a.segment.into(),
            a.dimension.into(),
            a.value.into(),
            share,
        ];
        [head.to_vec(), ints(&[a.count])].concat()
    });
    let traffic = data.traffic.iter().map(|t| {
        let mut row = vec![t.date.to_string(), t.source.to_string()];
        row.extend(ints(&[t.sessions, t.users, t.new_users]));
        row.extend([
            dec(t.bounce_rate_pct),
            t.avg_session_seconds.to_string(),
            dec(t.pages_per_session),
        ]);
        row.extend(ints(&[t.conversions, t.leads]));
        row.push(dec(t.revenue));
        row
    });
    let spend = data.spend.iter().map(|s| {
        let mut row = vec![
            s.date.to_string(),
            s.campaign.into(),
            s.objective.into(),
            dec(s.amount),
        ];
        row.extend(ints(&[
            s.impressions,
            s.reach,
            s.clicks,
            s.leads,
            s.follows,
        ]));
        row
    });
    let messages = data.messages.iter().map(|m| {
        vec![
            m.received.to_string(),
            m.answered.map(|a| a.to_string()).unwrap_or_default(),
            m.channel.into(),
        ]
    });
    let files = vec![
        write_csv(dir, "daily.csv", "date,followers,follows,unfollows,reach,reach_paid,reach_organic,impressions,profile_visits,website_clicks", daily.collect())?,
        write_csv(dir, "posts.csv", "post_id,published_at,type,caption,permalink,reach,impressions,likes,comments,shares,saves,clicks,paid", posts.collect())?,
        write_csv(dir, "audience.csv", "date,segment,dimension,value,share_pct,count", audience.collect())?,
        write_csv(dir, "traffic.csv", "date,source,sessions,users,new_users,bounce_rate_pct,avg_session_seconds,pages_per_session,conversions,leads,revenue", traffic.collect())?,
        write_csv(dir, "spend.csv", "date,campaign,objective,amount,impressions,reach,clicks,leads,follows", spend.collect())?,
        write_csv(dir, "messages.csv", "received_at,answered_at,channel", messages.collect())?,
    ];
    let toml = audit_toml(acc, data).map_err(io::Error::other)?;
    fs::write(dir.join("audit.toml"), toml)?;
    Ok(files)
}

/// The claimed value: the true monthly sum times the claim's factor, rounded.
pub fn claim_value(claim: &Claim, data: &Data) -> (i64, i64) {
    let month = data.days.iter().filter(|d| d.date.month() == claim.month);
    let truth: i64 = match claim.kpi {
        "follows" => month.map(|d| d.follows).sum(),
        // The agency's tool counts saves in the engagements.
        "engagements" => data
            .posts
            .iter()
            .filter(|p| p.at.date.month() == claim.month)
            .map(|p| p.likes + p.comments + p.shares + p.saves)
            .sum(),
        _ => month.map(|d| d.reach).sum(),
    };
    let claimed = (truth as f64 * claim.factor / claim.round_to).round() * claim.round_to;
    (truth, claimed as i64)
}

/// An inline TOML table; keys that are not plain words are quoted (`"18-24"`).
fn table(weights: Weights) -> String {
    let pairs: Vec<String> = weights
        .iter()
        .map(|(k, v)| match k.chars().all(|c| c.is_ascii_alphabetic()) {
            true => format!("{k} = {v}"),
            false => format!("\"{k}\" = {v}"),
        })
        .collect();
    format!("{{ {} }}", pairs.join(", "))
}

fn audit_toml(acc: &Account, data: &Data) -> Result<String, fmt::Error> {
    let a = &acc.audit;
    let mut s = String::new();
    writeln!(
        s,
        "# Sample account written by examples/generate_sample_data.rs.\n"
    )?;
    writeln!(
        s,
        "[account]\nname = {:?}\nplatform = \"instagram\"",
        acc.name
    )?;
    writeln!(
        s,
        "currency = {:?}\ntimezone = {:?}\n",
        acc.currency, acc.timezone
    )?;
    writeln!(s, "[portrait]\ncountry = {}", table(a.country))?;
    writeln!(s, "age = {}\ngender = {}\n", table(a.age), table(a.gender))?;
    writeln!(s, "[contract]\nfee = {}", a.fee)?;
    if let Some(start) = a.contract_start {
        writeln!(s, "start = {start}")?;
    }
    for p in &a.plans {
        writeln!(s, "\n[[plan]]")?;
        if let Some(m) = p.month {
            writeln!(s, "month = {m:?}")?;
        }
        writeln!(
            s,
            "kpi = {:?}\ntarget = {}\ndirection = {:?}",
            p.kpi, p.target, p.direction
        )?;
    }
    for c in &a.claims {
        let (_, value) = claim_value(c, data);
        writeln!(
            s,
            "\n[[claims]]\nmonth = {:?}\nkpi = {:?}\nvalue = {value}",
            c.month, c.kpi
        )?;
    }
    for e in &a.events {
        writeln!(
            s,
            "\n[[events]]\nstart = \"{}\"\nend = \"{}\"",
            e.start, e.end
        )?;
        writeln!(s, "kind = {:?}\nnote = {:?}", e.kind, e.note)?;
    }
    writeln!(s, "\n[rules]\nspike_z = 3.5")?;
    Ok(s)
}
