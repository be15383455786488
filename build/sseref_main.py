"""Entry script of the frozen program: the same ``sseref`` command as the installed one.

PyInstaller freezes this file (see ``build/sseref.spec``); without arguments it opens the main
window, with a subcommand it runs that (``sseref self-test``, ``sseref search ...``).
"""

from __future__ import annotations

import multiprocessing


def main() -> int:
    """Runs the ``sseref`` command line and returns its exit code."""
    from sseref.app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen child process must not start the program again
    raise SystemExit(main())
