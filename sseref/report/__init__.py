"""Report layer: fact sheets as HTML from records (no Qt)."""
