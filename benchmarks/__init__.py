"""Benchmarks: run from a source checkout (scripts, and `sseref bench`), never shipped."""
