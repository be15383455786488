"""Entry script of the frozen program: the same ``sseref`` command as the installed one.

PyInstaller freezes this file (see ``build/sseref.spec``); without arguments it opens the main
window, with a subcommand it runs that (``sseref self-test``, ``sseref search ...``). The bundle
leaves out multiprocessing (build/pyi_common.py); the children it starts are itself, as the
window's search process (``sseref.search.remote``) and as the sandboxed document reader
(``sseref.library.sandbox``), each asked by a hidden first argument.
"""

from __future__ import annotations


def main() -> int:
    """Runs the ``sseref`` command line and returns its exit code."""
    import sys

    if sys.argv[1:2] == ["--sseref-search-worker"]:  # sseref.search.spawn.WORKER_FLAG
        from sseref.search.worker import main as search_main

        return search_main(sys.argv[2:])
    from sseref.library.sandbox import WORKER_FLAG

    if sys.argv[1:2] == [WORKER_FLAG]:  # the frozen program as a document-reading child
        from sseref.library.worker import main as worker_main

        return worker_main(sys.argv[2:])
    from sseref.app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
