"""Child processes (mkdocs, Pagefind) that die with the build that started them.

A build killed while mkdocs or Pagefind runs must not leave them writing into the cache
while the next build rebuilds it: on Linux each child asks the kernel for SIGKILL when
its parent dies (prctl PR_SET_PDEATHSIG, kept across exec), through a small launcher.
Elsewhere the command runs as is.

>>> tied(["pagefind", "--help"])[-2:]
['pagefind', '--help']
"""

from __future__ import annotations

import os
import sys

_LAUNCH = (
    "import ctypes, os, signal, sys\n"
    "try:\n"
    "    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)\n"  # 1: PR_SET_PDEATHSIG
    "except (OSError, AttributeError):\n"
    "    pass\n"
    "if os.getppid() != int(sys.argv[1]):\n"
    "    sys.exit(70)\n"  # the build already died before the request took effect
    "os.execvp(sys.argv[2], sys.argv[2:])\n"
)


def tied(cmd: list[str]) -> list[str]:
    """``cmd`` run so that it is killed when this process dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return cmd
    return [sys.executable, "-c", _LAUNCH, str(os.getpid()), *cmd]
