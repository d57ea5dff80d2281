"""Benchmarks for metalert (`make bench`): each prints rows of one table."""
