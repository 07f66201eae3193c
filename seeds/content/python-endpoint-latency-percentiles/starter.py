def latency_report(lines: list) -> dict:
    """Per-endpoint request count, p50 and p99 latency (ms) from access-log lines.

    Return {"endpoints": {"GET /api/orders": {"count": int, "p50_ms": float, "p99_ms": float}, ...},
            "malformed": int}
    """
    raise NotImplementedError
