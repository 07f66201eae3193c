def canary_verdict(baseline: dict, canary: dict, policy: dict) -> dict:
    """Return {"verdict": "promote" | "hold" | "rollback", "reasons": [...]}.

    baseline, canary: {"requests": int, "errors": int, "p99_ms": float or None}
    policy: {"min_requests": int, "max_error_rate_increase": float, "max_p99_ratio": float,
             "abort_errors": int}
    """
    raise NotImplementedError
