"""Per-article extraction: entities with canonical names, quotes with speakers."""
