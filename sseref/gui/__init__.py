"""GUI layer: the only place that imports PySide6."""
