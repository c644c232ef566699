"""Benchmarks of Contact Desk at dealership-group scale, each figure a ratio to a raw limit."""
