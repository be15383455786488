"""Allows ``python -m sseref``."""

from sseref.app.cli import main

raise SystemExit(main())
