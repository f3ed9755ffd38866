"""Benchmarks for discourse (not part of the installed package)."""
