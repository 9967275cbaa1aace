"""Issue 10, item 9: ``mekongx demo`` says a node is ready only once it answers.

Before, the demo printed "ready" for every node as soon as it had started their processes,
whether or not they listened. Here ONCB's port is taken by a socket that accepts connections and
never answers, so ONCB's node cannot start: the demo must say so, never call it ready, stop the
other nodes and exit non-zero.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path


def test_a_node_that_cannot_listen_is_not_called_ready(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(8)
        port = taken.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEKONGX_")}
        answer = subprocess.run(
            [sys.executable, "-m", "mekongx.cli.main", "demo", "--data-dir", str(tmp_path),
             "--port", str(port), "--reports", "2"],
            env={**env, "MEKONGX_LANG": "en"},
            capture_output=True,
            text=True,
            timeout=900,
        )  # fmt: skip
    said = answer.stdout + answer.stderr
    assert "Demo node ONCB did not start" in said, said[-3000:]
    assert "Demo node ONCB is ready" not in said
    assert "nodes are running" not in said
    assert answer.returncode == 1
