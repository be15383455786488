"""SSE Ref: an offline reference on the Social and Solidarity Economy and South-South
cooperation."""

__version__ = "0.1.0"
