"""Human-readable renderings of report data: Markdown and a self-contained HTML page."""
