"""A real terminal for the apps under test: a private tmux server, read back by polling.

Each app runs in a tmux session of its own (160×48), started with `exec` so the pane's
process is the app itself; the benchmark reads the screen with `capture-pane` about
every 5 ms. Captures and keys go through one tmux client in control mode (`tmux -C`),
a command a line on its stdin: a capture costs some 30 µs there, where starting a
`tmux` process for each one cost ~2.5 ms of CPU, every 5 ms, on the cores the app
under test needed (and more often, the longer the app took).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shlex
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from searchboard.bench import HarnessError

POLL_SECONDS = 0.005
WIDTH, HEIGHT = 160, 48


class Terminal:
    """A tmux server of the benchmark's own, gone when the `with` block ends."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.socket = f"searchboard-bench-{os.getpid()}"
        self._names = (f"run{n}" for n in itertools.count(1))
        self._socket_path: Path | None = None
        self._control: subprocess.Popen[str] | None = None

    def __enter__(self) -> Terminal:
        # A session that does nothing keeps the server up between runs, so no run pays
        # for starting it; remain-on-exit keeps a crashed app's last words readable.
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "idle", "sleep 86400")
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        self._socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").strip())
        self._control = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "idle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=self.env,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        self._read_reply()  # (the reply to attaching)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._control is not None:
            self._control.kill()
            self._control.wait()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self._socket_path is not None:
            self._socket_path.unlink(missing_ok=True)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], env=self.env, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise HarnessError(f"tmux {' '.join(args[:2])} failed: {done.stderr.strip()}")
        return done.stdout

    def control(self, *args: str) -> list[str]:
        """Runs a tmux command through the control-mode client; its output's lines."""
        assert self._control is not None and self._control.stdin is not None
        self._control.stdin.write(shlex.join(args) + "\n")
        self._control.stdin.flush()
        return self._read_reply(f"tmux {' '.join(args[:2])}")

    def _read_reply(self, what: str = "tmux -C") -> list[str]:
        """The lines between `%begin` and its `%end` (or `%error`); notifications, which
        come outside those blocks, are skipped."""
        assert self._control is not None and self._control.stdout is not None
        block: str | None = None
        lines: list[str] = []
        for raw in self._control.stdout:
            line = raw.rstrip("\n")
            if block is None:
                if line.startswith("%begin "):
                    block = line.split()[2]
                continue
            words = line.split()
            if len(words) > 2 and words[0] in ("%end", "%error") and words[2] == block:
                if words[0] == "%error":
                    raise HarnessError(f"{what} failed: {' '.join(lines)}")
                return lines
            lines.append(line)
        raise HarnessError(f"{what}: the tmux control client has gone")

    def start(self, label: str, command: list[str]) -> Pane:
        """Starts `command` in a new session; returns at once, while it starts up."""
        name = next(self._names)
        size = ["-x", str(WIDTH), "-y", str(HEIGHT)]
        pid = self.tmux(
            "new-session", "-d", "-P", "-F", "#{pane_pid}", "-s", name, *size,
            "exec " + shlex.join(command),
        )  # fmt: skip
        return Pane(self, name, int(pid), label)


@dataclass
class Pane:
    terminal: Terminal
    name: str
    pid: int
    label: str

    def screen(self) -> str:
        return "\n".join(self.terminal.control("capture-pane", "-p", "-t", self.name)) + "\n"

    def send(self, key: str) -> None:
        self.terminal.control("send-keys", "-t", self.name, key)

    def alive(self) -> bool:
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return False
        return stat.rpartition(")")[2].split()[0] != "Z"

    def peak_memory_mb(self) -> float:
        """The process's peak resident memory so far (VmHWM, what `time -v` reports)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        raise HarnessError(f"no VmHWM for process {self.pid}")

    def cpu_seconds(self) -> float:
        """CPU time the app has used so far, all its threads together."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_until_idle(self, window: float = 0.25, busy: float = 0.1, timeout: float = 60) -> None:
        """Until the app uses less than `busy` of a CPU over `window` seconds: its work done."""
        deadline = time.perf_counter() + timeout
        before = self.cpu_seconds()
        while True:
            time.sleep(window)
            now = self.cpu_seconds()
            if now - before <= busy * window:
                return
            if time.perf_counter() > deadline:
                raise HarnessError(f"{self.label} was still busy after {timeout:g}s")
            before = now

    def wait_for(
        self, shown: Callable[[str], bool], waiting_for: str, timeout: float = 30.0
    ) -> tuple[float, str]:
        """Polls until `shown(screen)`; returns the time it was seen, and the screen."""
        deadline = time.perf_counter() + timeout
        while True:
            polled = time.perf_counter()
            screen = self.screen()
            seen = time.perf_counter()
            if shown(screen):
                return seen, screen
            if not self.alive():
                raise HarnessError(f"{self.label} exited before {waiting_for}:\n{screen.strip()}")
            if seen > deadline:
                raise HarnessError(f"{self.label}: no {waiting_for} after {timeout:g}s:\n{screen}")
            time.sleep(max(0.0, POLL_SECONDS - (seen - polled)))

    def wait_until_still(self, quiet: float = 0.3, timeout: float = 30.0) -> str:
        """The screen, once it has not changed for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        screen, since = self.screen(), time.perf_counter()
        while time.perf_counter() - since < quiet:
            if time.perf_counter() > deadline:
                raise HarnessError(f"{self.label}: the screen kept changing for {timeout:g}s")
            time.sleep(POLL_SECONDS * 4)
            latest = self.screen()
            if latest != screen:
                screen, since = latest, time.perf_counter()
        return screen

    def close(self) -> None:
        """Ends the session and waits for the app to be gone, so it costs the next run nothing."""
        self.terminal.tmux("kill-session", "-t", self.name)
        deadline = time.perf_counter() + 5
        while self.alive():
            if time.perf_counter() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                deadline += 5
            time.sleep(POLL_SECONDS)
