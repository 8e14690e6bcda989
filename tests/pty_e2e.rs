//! The real binary in a pseudo-terminal: open the sample account, press t, 1, Esc, ], ?, q, read
//! the screen through a terminal emulator, and check that the terminal came back.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

struct Screen {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
    bytes: Vec<u8>,
}

impl Screen {
    /// Feed output until the screen shows `text` (or the wait runs out).
    fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let contents = self.parser.screen().contents();
            if contents.contains(text) {
                return contents;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "never saw {text:?}; the screen was:\n{contents}"
            );
            if let Ok(chunk) = self.rx.recv_timeout(left.min(Duration::from_millis(200))) {
                self.parser.process(&chunk);
                self.bytes.extend_from_slice(&chunk);
            }
        }
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
        let _master = pair.master;
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

    let status = wait_exit(&mut child);
    screen.drain(300);
    assert!(status.success(), "exit status {status:?}");
    let term = screen.parser.screen();
    assert!(!term.alternate_screen(), "the alternate screen was left on");
    assert!(!term.hide_cursor(), "the cursor was left hidden");
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
