"""``newsweave serve``: REST API and dashboard over a report store (``newsweave[server]``)."""
