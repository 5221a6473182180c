"""Benchmarks: `make bench` runs every module here and writes bench/RESULTS.md."""
