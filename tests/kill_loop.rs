//! W09: a report write killed at any moment (SIGKILL, so no clean-up runs) leaves the final path
//! holding a whole report or nothing, never a partial one. The real binary writes reports of the
//! sample account over and over onto one path and is killed after delays spread over a normal
//! run; after each kill the path is checked against reports written by normal runs.
#![cfg(unix)]

use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const FORMATS: [&str; 3] = ["md", "json", "html"];
/// Kills onto one path with `--force` (a rename replaces the old report).
const FORCED: usize = 45;
/// Kills onto an absent path without `--force` (a hard link publishes the report).
const FRESH: usize = 15;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nordic-bikes")
}

fn start(home: &Path, format: &str, out: &Path, force: bool) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smm-audit"));
    cmd.arg("report")
        .arg(sample())
        .args(["--format", format, "-o"])
        .arg(out);
    if force {
        cmd.arg("--force");
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .current_dir(home)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Wait for a run that is not killed, with a generous limit for a loaded machine.
fn finish(mut child: Child) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("a report run did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Start a run, SIGKILL it after `delay`, and return its pid and how it ended.
fn run_and_kill(
    home: &Path,
    format: &str,
    out: &Path,
    force: bool,
    delay: Duration,
) -> (u32, ExitStatus) {
    let mut child = start(home, format, out, force);
    let pid = child.id();
    std::thread::sleep(delay);
    // `Child::kill` sends SIGKILL; it fails harmlessly if the run already ended.
    let _ = child.kill();
    (pid, child.wait().unwrap())
}

fn read(path: &Path) -> Option<Vec<u8>> {
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Everything in `dir` but `target` must be a temporary file of a run that was killed, named
/// `.<target>.<pid>.tmp` (see `output::write_new`), holding the start of that run's report.
/// Returns how many there are, and how many of them hold the whole report.
fn check_leftovers(
    dir: &Path,
    target: &str,
    killed: &HashMap<u32, &str>,
    references: &HashMap<&str, Vec<u8>>,
) -> (usize, usize) {
    let (mut leftovers, mut whole) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == target {
            continue;
        }
        let pid = name
            .strip_prefix(&format!(".{target}."))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
            .unwrap_or_else(|| panic!("unexpected file {name:?} next to {target}"));
        let format = killed
            .get(&pid)
            .unwrap_or_else(|| panic!("{name:?} belongs to no killed run"));
        let bytes = std::fs::read(dir.join(&name)).unwrap();
        assert!(
            references[format].starts_with(&bytes),
            "{name:?} is not the start of a {format} report"
        );
        leftovers += 1;
        if bytes == references[format] {
            whole += 1;
        }
    }
    (leftovers, whole)
}

#[test]
fn killed_report_writes_leave_a_whole_report_or_none() {
    let tmp = tempfile::tempdir().unwrap();
    let home = tmp.path().join("home");
    let refs = tmp.path().join("refs");
    let forced = tmp.path().join("forced");
    let fresh = tmp.path().join("fresh");
    for d in [&home, &refs, &forced, &fresh] {
        std::fs::create_dir(d).unwrap();
    }

    // Reference reports from normal runs; two runs per format show the output is deterministic
    // (nothing time-dependent is embedded), so a complete report must match byte for byte.
    let mut references = HashMap::new();
    let mut times = Vec::new();
    for format in FORMATS {
        let mut outputs = Vec::new();
        for run in 0..2 {
            let out = refs.join(format!("{run}.{format}"));
            let began = Instant::now();
            let status = finish(start(&home, format, &out, false));
            times.push(began.elapsed());
            assert!(status.success(), "a normal {format} run failed: {status:?}");
            outputs.push(std::fs::read(&out).unwrap());
        }
        assert!(!outputs[0].is_empty());
        assert_eq!(outputs[0], outputs[1], "two {format} reports differ");
        references.insert(format, outputs.swap_remove(0));
    }
    // The kills are spread from the start of a run to its typical end (the median of the normal
    // runs, bounded so that a slow machine does not make the loop slow).
    times.sort();
    let typical = times[times.len() / 2].min(Duration::from_secs(1));
    let delay = |i: usize, n: usize| typical.mul_f64(i as f64 / (n - 1) as f64);

    // With --force onto one path. The formats take turns, so the report a run would write always
    // differs from the one already there: after a kill the path holds the previous report (or
    // nothing, before the first run got through) or the new one, whole.
    let target = "report.out";
    let out = forced.join(target);
    let mut current: Option<Vec<u8>> = None;
    let mut killed = HashMap::new();
    let (mut replaced, mut kept) = (0, 0);
    for i in 0..FORCED {
        let format = FORMATS[i % FORMATS.len()];
        let (pid, status) = run_and_kill(&home, format, &out, true, delay(i, FORCED));
        if status.signal().is_some() {
            killed.insert(pid, format);
        } else {
            assert!(status.success(), "run {i} ({format}) failed: {status:?}");
        }
        let now = read(&out);
        match &now {
            None => assert!(
                current.is_none(),
                "run {i} ({format}): the report that was there disappeared"
            ),
            Some(bytes) if bytes == &references[format] => replaced += 1,
            Some(bytes) => {
                assert!(
                    current.as_ref() == Some(bytes),
                    "run {i} ({format}): {target} holds {} bytes that are neither the previous \
                     report nor the new one",
                    bytes.len()
                );
                kept += 1;
            }
        }
        if status.success() {
            assert_eq!(
                now.as_ref(),
                Some(&references[format]),
                "run {i} ended without its report"
            );
        }
        current = now;
    }
    let (forced_left, forced_whole) = check_leftovers(&forced, target, &killed, &references);

    // Without --force onto a path that does not exist: afterwards it is absent or whole.
    let target = "fresh.out";
    let out = fresh.join(target);
    let mut published = 0;
    for i in 0..FRESH {
        let format = FORMATS[i % FORMATS.len()];
        if out.exists() {
            std::fs::remove_file(&out).unwrap();
        }
        let (pid, status) = run_and_kill(&home, format, &out, false, delay(i, FRESH));
        if status.signal().is_some() {
            killed.insert(pid, format);
        } else {
            assert!(
                status.success(),
                "fresh run {i} ({format}) failed: {status:?}"
            );
        }
        if let Some(bytes) = read(&out) {
            assert!(
                bytes == references[format],
                "fresh run {i} ({format}): {target} holds a partial report of {} bytes",
                bytes.len()
            );
            published += 1;
        } else {
            assert!(
                !status.success(),
                "fresh run {i} ({format}) succeeded without its report"
            );
        }
    }
    let (fresh_left, fresh_whole) = check_leftovers(&fresh, target, &killed, &references);

    // Leftover temporary files are expected: SIGKILL leaves no chance to remove them.
    eprintln!(
        "typical run {typical:?}, {} of {} runs killed; --force: {replaced} replaced, {kept} \
         kept, {} nothing there yet, {forced_left} temporary files left ({forced_whole} whole); \
         fresh: {published} published, {fresh_left} temporary files left ({fresh_whole} whole)",
        killed.len(),
        FORCED + FRESH,
        FORCED - replaced - kept,
    );
}
