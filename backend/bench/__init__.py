"""Speed benchmarks: our API against a bare FastAPI baseline, on loopback, bounded in time."""
