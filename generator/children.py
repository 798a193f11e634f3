"""Child processes (mkdocs, Pagefind, the workers) that die with the build that started them.

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


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux; elsewhere
    nothing): the initializer of the build's worker processes, which write pages into the
    cache. Example: ``get_context("fork").Pool(2, initializer=die_with_parent)``.
    """
    import ctypes
    import signal

    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def tied(cmd: list[str]) -> list[str]:
    """``cmd`` run so that it is killed when this process dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return cmd
    # -S: no site-packages to import; the launcher needs only the standard library.
    return [sys.executable, "-S", "-c", _LAUNCH, str(os.getpid()), *cmd]
