"""`sseref serve`: the meeting-sharing site from a headless laptop (no window; Ctrl+C stops it).

Fact sheets are PDFs painted by Qt, which must run on the main thread: the command serves from a
background thread and runs a Qt event loop (offscreen when there is no display) on the main
thread, through the same `MainThreadPdf` as the window. `--no-pdf` serves without Qt at all.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from sseref.core import paths
from sseref.core.db import Database
from sseref.core.i18n import _

EXIT_OK, EXIT_FAIL = 0, 1


def register(sub: Any) -> None:
    """Adds the `serve` subcommand to the `sseref` parser."""
    from sseref.share.guard import DEFAULT_PORT

    parser = sub.add_parser(
        "serve", help=_("share the reference read-only with the browsers of the room")
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help=_("address to listen on: this computer only (default), a network's, or 0.0.0.0"),
    )
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=_("port (default 8765)"))
    parser.add_argument("--code", default="", help=_("access code the room types once"))
    parser.add_argument(
        "--no-pdf", action="store_true", help=_("no fact-sheet downloads (serves without Qt)")
    )
    parser.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from sseref.search.lifecycle import open_engine
    from sseref.share.netinfo import site_urls
    from sseref.share.qr import qr_terminal
    from sseref.share.server import ShareError
    from sseref.share.service import make_server

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    db = Database(Path(args.database) if args.database else paths.database_path())
    engine = open_engine(db)
    app: Any = None
    pdf: Any = None
    if not args.no_pdf:
        from sseref.gui.printing import ensure_gui_app
        from sseref.gui.share_pdf import MainThreadPdf

        app = ensure_gui_app()
        pdf = MainThreadPdf(db)
    server = make_server(db, engine, host=args.host, port=args.port, code=args.code, pdf_maker=pdf)
    try:
        server.start()
    except ShareError as exc:
        print(f"sseref serve: {exc}", file=sys.stderr)
        engine.close()
        db.close()
        return EXIT_FAIL
    urls = site_urls(args.host, server.port)
    print(_("Sharing the reference at:"))
    for url in urls:
        print(f"  {url}")
    if args.code:
        print(_("Access code: {code}").format(code=args.code))
    print(qr_terminal(urls[0]))
    print(_("Press Ctrl+C to stop."), flush=True)
    try:
        _wait(app)
    finally:
        server.stop()
        if pdf is not None:
            pdf.close()
        engine.close()
        db.close()
    print(_("Sharing stopped"))
    return EXIT_OK


def _wait(app: Any) -> None:
    """Until Ctrl+C or SIGTERM: a Qt event loop (for the PDFs) or a plain wait."""
    if app is None:
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_a: stop.set())
        while not stop.wait(0.5):
            pass
        return
    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_a: app.quit())
    # Python runs signal handlers between bytecodes; a timer gives it some while Qt waits.
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(200)
    app.exec()
    ticker.stop()
