#!/usr/bin/env python3
"""Launch to first frame, as the owner sees it: the time from starting `smm-audit FOLDER` in a
pseudo-terminal to the first screen that shows the audit's verdict line, over several runs.

    python3 benches/first_frame.py BIN FOLDER [RUNS]

Prints each run and the median in milliseconds. Standard library only (pty, select); the
terminal is 160x45. Each run ends by sending `q`.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

# Words of the first frame's header that only a drawn dashboard has.
MARK = b"verdict"


def one(binary, folder):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, folder])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 45, 160, 0, 0))
    start = time.monotonic()
    seen = b""
    elapsed = None
    while time.monotonic() - start < 10:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if MARK in seen.lower():
            elapsed = time.monotonic() - start
            break
    os.write(fd, b"q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            if select.select([fd], [], [], 0.1)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
    one(binary, folder)  # warm the page cache
    times = []
    for i in range(runs):
        t = one(binary, folder)
        if t is None:
            sys.exit(f"run {i + 1}: no frame with {MARK.decode()!r} within 10 s")
        times.append(t * 1000)
        print(f"run {i + 1}: {t * 1000:.1f} ms")
    print(f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f})")


if __name__ == "__main__":
    main()
