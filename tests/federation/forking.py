"""Node processes forked from one that has already imported the node.

A test that kills and restarts nodes (twenty crashes, link recovery) paid Python's imports of the
whole node, 3-4 s of CPU and 6-15 s on a loaded machine, at every start. One process per test
worker (the *template*) imports the node once; each node process is a fork of it that runs the
real command line (``mekongx serve --port N``) with the node's own environment, working folder
and log. It is a real, separate process: it is killed with SIGKILL, loses what it held in
memory, and reopens its database and keys from scratch; only the imported modules are shared
(no setting, connection or key is read at import). Nothing here runs when fork or pidfd is
missing, or when ``MEKONGX_TEST_FORK=0``: nodes then start as fresh interpreters.

Run as a script, this file is the template: one JSON request per line on stdin
(``{"argv", "env", "cwd", "log"}``), one JSON answer per line on stdout (``{"pid"}``).
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import threading
import traceback
from pathlib import Path
from typing import IO, Any


class Forked:
    """A node process forked by the template: what ``NodeProcess`` uses of a ``Popen``. Its
    exit status is not known here (the template reaps it), so ``returncode`` is -1 once it ended."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._fd: int | None = os.pidfd_open(pid)
        except ProcessLookupError:  # it already ended
            self._fd = None
            self.returncode = -1

    def poll(self) -> int | None:
        if self.returncode is None and self._fd is not None and self._ended_now():
            self._ended()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.poll() is None and self._fd is not None:
            if not select.select([self._fd], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"node process {self.pid}", timeout or 0)
            self._ended()
        return -1 if self.returncode is None else self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None and self._fd is not None:
            try:
                signal.pidfd_send_signal(self._fd, sig)
            except ProcessLookupError:
                self._ended()

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def _ended_now(self) -> bool:
        assert self._fd is not None
        return bool(select.select([self._fd], [], [], 0)[0])

    def _ended(self) -> None:
        self.returncode = -1
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class _Template:
    """The template process of this test worker, started on first use."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[str] | None = None
        self.usable = (
            os.environ.get("MEKONGX_TEST_FORK", "1") != "0"
            and hasattr(os, "fork")
            and hasattr(os, "pidfd_open")
            and hasattr(signal, "pidfd_send_signal")
        )

    def spawn(self, argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> Forked | None:
        """A forked node process, or None when this platform or worker cannot fork one."""
        with self.lock:
            if not self.usable:
                return None
            if self.process is None:
                self.process = subprocess.Popen(
                    [sys.executable, __file__],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                )
                atexit.register(self.close)
                ready = self._answer()
                if not ready.get("ready"):  # e.g. a thread started at import: fork unsafe
                    self.usable = False
                    self.close()
                    return None
            assert self.process.stdin is not None
            request = {"argv": argv, "env": env, "cwd": str(cwd), "log": str(log)}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            return Forked(int(self._answer()["pid"]))

    def _answer(self) -> dict[str, Any]:
        assert self.process is not None and self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the node template process ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()  # it ends at the end of its input
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


TEMPLATE = _Template()


def _child(request: dict[str, Any]) -> int:
    """In the forked process: become the node process the request describes."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    from mekongx.cli.main import app

    try:
        app(args=request["argv"], prog_name="mekongx")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else int(done.code is not None)
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def _serve(requests: IO[str], answers: IO[str]) -> None:
    import mekongx.app
    import mekongx.cli.main
    import mekongx.cli.serving  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # ended children are reaped at once
    answers.write(json.dumps({"ready": threading.active_count() == 1}) + "\n")
    answers.flush()
    for line in requests:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(json.loads(line))
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        answers.write(json.dumps({"pid": pid}) + "\n")
        answers.flush()


if __name__ == "__main__":
    _serve(sys.stdin, sys.stdout)
