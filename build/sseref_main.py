"""Entry script of the frozen program: the same ``sseref`` command as the installed one.

PyInstaller freezes this file (see ``build/sseref.spec``); without arguments it opens the main
window, with a subcommand it runs that (``sseref self-test``, ``sseref search ...``). The bundle
leaves out multiprocessing (build/pyi_common.py), so no frozen child process can start this.
"""

from __future__ import annotations


def main() -> int:
    """Runs the ``sseref`` command line and returns its exit code."""
    from sseref.app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
