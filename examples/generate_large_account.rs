//! Writes a large synthetic account (ten years of days, 100,000 posts) in the canonical CSV
//! format, with its audit.toml, for benchmarks and for trying the program on a big folder.
//!
//! `cargo run --release --example generate_large_account -- DIR`
//!
//! The files are those `cargo bench --bench audit` measures (`benches/support/mod.rs`).
//! DIR is created when missing; a folder that already holds something is refused.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::process::ExitCode;
use std::{fs, io};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: generate_large_account DIR");
        return ExitCode::from(2);
    };
    match write(PathBuf::from(dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate_large_account: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: PathBuf) -> io::Result<()> {
    match fs::read_dir(&dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::other(format!(
                    "{} is not empty; give a new or an empty folder",
                    dir.display()
                )));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(&dir)?,
        Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", dir.display()))),
    }
    let files = support::generate(support::DAYS, support::POSTS);
    let mut total = 0;
    println!("{}:", dir.display());
    for file in &files {
        fs::write(dir.join(file.name), &file.bytes)?;
        println!(
            "  {:<13} {:>7} rows {:>11} bytes",
            file.name,
            file.rows,
            file.bytes.len()
        );
        total += file.bytes.len();
    }
    fs::write(dir.join("audit.toml"), support::AUDIT_TOML)?;
    total += support::AUDIT_TOML.len();
    println!("  total                      {total:>11} bytes");
    Ok(())
}
