"""Application layer: composition root and command-line interface."""
