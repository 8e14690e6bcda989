//! The real binary in a pseudo-terminal: open the sample account, press t, 1, Esc, ], ?, q, read
//! the screen through a terminal emulator, and check that the terminal came back; also after
//! Ctrl-Z, and after a job-control stop (SIGTSTP) and SIGCONT.

use portable_pty::{native_pty_system, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Screen {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    bytes: Vec<u8>,
    master: Box<dyn MasterPty + Send>,
}

impl Screen {
    /// Feed output until the screen shows `text` (or the wait runs out).
    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text));
        self.parser.screen().contents()
    }

    /// Feed output until `done` holds for the screen (or the wait runs out).
    fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if done(self.parser.screen()) {
                return;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "never saw {what}; the screen was:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(chunk) = self.rx.recv_timeout(left.min(Duration::from_millis(200))) {
                self.parser.process(&chunk);
                self.bytes.extend_from_slice(&chunk);
            }
        }
    }

    #[cfg(unix)]
    /// Whether the terminal is in canonical (line) mode and echoes input, as a shell wants it;
    /// a full-screen program turns both off (raw mode).
    fn cooked(&self) -> (bool, bool) {
        let termios = self.master.get_termios().expect("the terminal's modes");
        let flags = format!("{:?}", termios.local_flags);
        let has = |name: &str| {
            flags
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|word| word == name)
        };
        (has("ICANON"), has("ECHO"))
    }

    /// Feed output until none has come for a while: the frame being drawn is complete.
    fn settle(&mut self) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Ok(chunk) = self.rx.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
            assert!(Instant::now() < deadline, "the output never paused");
        }
        self.parser.screen().contents()
    }

    fn drain(&mut self, for_ms: u64) {
        let deadline = Instant::now() + Duration::from_millis(for_ms);
        while let Ok(chunk) = self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            self.parser.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
        }
    }
}

/// The binary on the sample account in a 100x30 pseudo-terminal.
fn spawn(
    home: &Path,
) -> (
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn Write + Send>,
    Screen,
) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_smm-audit"));
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/nordic-bikes"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    cmd.env("XDG_CONFIG_HOME", home);
    cmd.cwd(home);
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let screen = Screen {
        parser: vt100::Parser::new(30, 100, 0),
        rx,
        bytes: Vec::new(),
        master: pair.master,
    };
    (child, writer, screen)
}

fn wait_exit(child: &mut Box<dyn portable_pty::Child + Send + Sync>) -> portable_pty::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        assert!(Instant::now() < deadline, "the program did not end");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Wait for the program to end, then check it exited 0 and gave the terminal back: the
/// alternate screen left and the cursor shown.
fn exits_cleanly(child: &mut Box<dyn portable_pty::Child + Send + Sync>, screen: &mut Screen) {
    let status = wait_exit(child);
    screen.drain(300);
    assert!(status.success(), "exit status {status:?}");
    let term = screen.parser.screen();
    assert!(!term.alternate_screen(), "the alternate screen was left on");
    assert!(!term.hide_cursor(), "the cursor was left hidden");
}

#[test]
fn drill_down_in_a_real_terminal_and_restore_it() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, mut writer, mut screen) = spawn(home.path());
    let mut press = |keys: &[u8]| {
        writer.write_all(keys).unwrap();
        writer.flush().unwrap();
    };

    let s = screen.wait_for("Findings (");
    assert!(
        s.contains("Nordic Bikes") && s.contains("October 2026"),
        "{s}"
    );
    assert!(s.contains("LIKELY INFLATED"), "{s}");
    assert!(screen.parser.screen().alternate_screen());

    press(b"t");
    let s = screen.wait_for("Top 5 posts of October 2026 by reach");
    assert!(s.contains("▶ 1"), "{s}");
    press(b"1");
    screen.wait_for("Post 1 of the top 5 by reach");
    press(b"\x1b");
    screen.wait_for("Top 5 posts of October 2026");
    press(b"\x1b");
    screen.wait_for("Findings (");
    press(b"[");
    screen.wait_for("September 2026");
    press(b"]");
    screen.wait_for("October 2026 (2026-10-01");
    press(b"?");
    screen.wait_for("Help (");
    press(b"\x1b");
    screen.wait_for("KPIs: plan, claims");
    // A lone Esc followed at once by a key reads as Alt+key: let the Esc be read alone.
    std::thread::sleep(Duration::from_millis(100));
    press(b"e");
    screen.wait_for("wrote ./smm-audit-nordic-bikes-2026-10.md");
    let written = home.path().join("smm-audit-nordic-bikes-2026-10.md");
    let report = std::fs::read_to_string(&written).unwrap();
    assert!(report.starts_with("# Nordic Bikes: SMM audit, October 2026"));
    press(b"e");
    screen.wait_for("wrote ./smm-audit-nordic-bikes-2026-10-2.md");
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        report,
        "never an overwrite"
    );
    press(b"q");

    exits_cleanly(&mut child, &mut screen);
    // Nothing but the program's own escape sequences: no raw text from the exports leaked.
    assert!(
        !screen.bytes.windows(2).any(|w| w == b"\x1b]"),
        "an OSC sequence reached the terminal"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, _writer, mut screen) = spawn(home.path());
    screen.wait_for("Findings (");
    assert!(screen.parser.screen().alternate_screen());
    let pid = child.process_id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut child);
    screen.drain(300);
    assert!(!status.success());
    let term = screen.parser.screen();
    assert!(
        !term.alternate_screen(),
        "SIGTERM left the alternate screen on"
    );
    assert!(!term.hide_cursor(), "SIGTERM left the cursor hidden");
}

#[test]
fn ctrl_z_is_a_key_the_audit_ignores() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, mut writer, mut screen) = spawn(home.path());
    let mut press = |keys: &[u8]| {
        writer.write_all(keys).unwrap();
        writer.flush().unwrap();
    };
    screen.wait_for("Findings (");
    let before = screen.settle();

    // In raw mode the terminal does not turn Ctrl-Z into SIGTSTP: it arrives as a key, which
    // changes nothing, and the program keeps answering keys.
    press(b"\x1a");
    press(b"?");
    screen.wait_for("Help (");
    assert!(
        child.try_wait().unwrap().is_none(),
        "Ctrl-Z ended the program"
    );
    press(b"\x1b");
    // Back to the screen as it was before Ctrl-Z.
    screen.wait_until("the screen from before Ctrl-Z", |s| s.contents() == before);
    assert!(screen.parser.screen().alternate_screen());
    #[cfg(unix)]
    assert_eq!(
        screen.cooked(),
        (false, false),
        "the terminal left raw mode"
    );
    std::thread::sleep(Duration::from_millis(100));
    press(b"q");

    exits_cleanly(&mut child, &mut screen);
}

/// `kill -<name> <pid>`.
#[cfg(unix)]
fn signal(pid: u32, name: &str) {
    let sent = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{name} {pid} failed");
}

/// Whether the process is stopped, as `ps` reports it (state `T`).
#[cfg(unix)]
fn stopped(pid: u32) -> bool {
    let out = std::process::Command::new("ps")
        .args(["-o", "stat=", "-p", &pid.to_string()])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .trim_start()
        .starts_with('T')
}

#[cfg(unix)]
#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, mut writer, mut screen) = spawn(home.path());
    let mut press = |keys: &[u8]| {
        writer.write_all(keys).unwrap();
        writer.flush().unwrap();
    };
    screen.wait_for("Findings (");
    let before = screen.settle();
    assert!(screen.parser.screen().alternate_screen());
    assert_eq!(screen.cooked(), (false, false), "not in raw mode");
    let pid = child.process_id().unwrap();

    // A job-control stop: the terminal is handed back as the shell wants it, then the program
    // stops.
    signal(pid, "TSTP");
    screen.wait_until("the main screen with the cursor shown", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while !stopped(pid) {
        assert!(
            Instant::now() < deadline,
            "SIGTSTP did not stop the program"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        screen.cooked(),
        (true, true),
        "the terminal stayed in raw mode while the program was stopped"
    );

    // Continued: raw mode, the alternate screen and the whole screen are back.
    let mark = screen.bytes.len();
    signal(pid, "CONT");
    // Entering the alternate screen clears it: only a whole redraw brings all of it back.
    screen.wait_until("the whole audit screen again", |s| {
        s.alternate_screen() && s.contents() == before
    });
    assert!(
        String::from_utf8_lossy(&screen.bytes[mark..]).contains("Nordic Bikes"),
        "the screen was not drawn anew"
    );
    assert!(screen.parser.screen().hide_cursor());
    assert_eq!(
        screen.cooked(),
        (false, false),
        "raw mode was not set again"
    );
    assert!(child.try_wait().unwrap().is_none());

    press(b"?");
    screen.wait_for("Help (");
    press(b"\x1b");
    screen.wait_for("KPIs: plan, claims");
    std::thread::sleep(Duration::from_millis(100));
    press(b"q");
    exits_cleanly(&mut child, &mut screen);
}

#[test]
fn no_terminal_no_tui() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_smm-audit"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/acme-coffee"))
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env("HOME", "/nonexistent")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn s08_a_resize_storm_and_tiny_sizes_leave_a_working_audit() {
    let home = tempfile::tempdir().unwrap();
    let (mut child, mut writer, mut screen) = spawn(home.path());
    screen.wait_for("Findings (");
    // 100 resizes as fast as they can be made, down to 1x1 and 0x0 and up to 300x100.
    for i in 0..100u16 {
        let (rows, cols) = match i % 5 {
            0 => (1, 1),
            1 => (0, 0),
            2 => (5, 19),
            3 => (100, 300),
            _ => (3 + i % 40, 10 + i * 3),
        };
        screen
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }
    screen
        .master
        .resize(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    screen.drain(500);
    assert!(
        child.try_wait().unwrap().is_none(),
        "the storm ended the program"
    );
    // Still answering, and drawn for 100x30 again (a resize clears and draws the whole screen).
    writer.write_all(b"?").unwrap();
    writer.flush().unwrap();
    screen.wait_for("Help (");
    writer.write_all(b"\x1bq").unwrap();
    writer.flush().unwrap();
    exits_cleanly(&mut child, &mut screen);
}

/// A terminal that goes away under the running audit (the window closed, ssh dropped): the
/// program ends as SIGHUP asks, with 128 + 1, never with an abort (SIGABRT, a core). Ten times,
/// because the signal thread and the event loop race for the dead terminal.
#[test]
fn a_vanished_terminal_is_a_clean_exit() {
    for round in 0..10 {
        let home = tempfile::tempdir().unwrap();
        let (mut child, mut writer, mut screen) = spawn(home.path());
        screen.wait_for("Findings (");
        // Closing every handle of the master hangs the terminal up. The reader thread holds
        // one until its next read: a key makes the audit draw, and the thread then ends.
        drop(screen);
        writer.write_all(b"[").unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        drop(writer);
        let status = wait_exit(&mut child);
        assert_eq!(status.signal(), None, "round {round}: killed by {status:?}");
        assert_eq!(status.exit_code(), 129, "round {round}: {status:?}");
    }
}
