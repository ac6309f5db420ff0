"""The benchmark's terminal: a private tmux server read and driven through one
control-mode client (`tmux -C`)."""

from __future__ import annotations

import os
import shutil

import pytest

from searchboard.bench import HarnessError
from searchboard.bench.terminal import HEIGHT, Terminal

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


def test_it_reads_the_screen_and_sends_keys_through_one_control_client() -> None:
    script = 'echo ready; read answer; echo "got $answer"; sleep 30'
    with Terminal(dict(os.environ)) as terminal:
        pane = terminal.start("a shell", ["sh", "-c", script])
        _, screen = pane.wait_for(lambda text: "ready" in text, "the prompt", timeout=10)
        assert screen.count("\n") == HEIGHT  # every line of the pane, as capture-pane gives it
        pane.send("hello")
        pane.send("Enter")
        _, screen = pane.wait_for(lambda text: "got hello" in text, "the answer", timeout=10)
        assert screen.splitlines()[:3] == ["ready", "hello", "got hello"]
        # A command tmux refuses is a clear error, and the client goes on answering.
        with pytest.raises(HarnessError, match="can't find pane: no-such-session"):
            terminal.control("capture-pane", "-p", "-t", "no-such-session")
        assert "got hello" in pane.screen()
        pane.close()
        assert not pane.alive()
