"""Benchmarks: a synthetic dataset of any size, and whole-process builds timed next to a plain MkDocs baseline."""
