"""Story-level comparison: coverage, figures, quotes, claims, timeline and brief."""
