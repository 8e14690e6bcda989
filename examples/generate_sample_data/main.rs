//! Writes the two sample accounts of smm-audit, in the canonical CSV format with their
//! audit.toml: a healthy coffee roaster and a bike shop with bought growth.
//!
//! `cargo run --example generate_sample_data -- sample-data`
//!
//! Deterministic: std only, a fixed-seed SplitMix64, so the files only change when this
//! code does.

mod acme;
mod audience;
mod config;
mod content;
mod date;
mod dist;
mod growth;
mod inbox;
mod money;
mod nordic;
mod output;
mod rng;

use std::path::PathBuf;
use std::{fs, io};

use config::Account;

/// Everything generated for one account.
pub struct Data {
    pub days: Vec<growth::Day>,
    pub posts: Vec<content::Post>,
    pub spend: Vec<money::Spend>,
    pub traffic: Vec<money::Traffic>,
    pub audience: Vec<audience::Snapshot>,
    pub messages: Vec<inbox::Message>,
}

fn generate(acc: &Account) -> Data {
    let mut days = growth::followers(acc);
    let spend = money::spend(acc);
    let posts = content::posts(acc, &days);
    growth::fill_reach(acc, &mut days, &posts, &spend);
    let traffic = money::traffic(acc, &days, &spend);
    let audience = audience::snapshots(acc, &days);
    let messages = inbox::messages(acc);
    Data {
        days,
        posts,
        spend,
        traffic,
        audience,
        messages,
    }
}

fn main() -> io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "sample-data".to_string()),
    );
    for acc in [acme::account(), nordic::account()] {
        let data = generate(&acc);
        let dir = out.join(acc.slug);
        fs::create_dir_all(&dir)?;
        let files = output::write_account(&dir, &acc, &data)?;
        let (first, last) = (&data.days[0], &data.days[data.days.len() - 1]);
        println!(
            "{}: followers {} -> {}",
            dir.display(),
            first.followers,
            last.followers
        );
        for (name, rows) in files {
            println!("  {name:<13} {rows:>5} rows");
        }
        for claim in &acc.audit.claims {
            let (truth, claimed) = output::claim_value(claim, &data);
            println!(
                "  claim {} {}: true {truth}, claimed {claimed}",
                claim.month, claim.kpi
            );
        }
    }
    Ok(())
}
