def burn_rate_alerts(samples: list, slo: float, rules: list) -> dict:
    """Evaluate multi-window, multi-burn-rate alert rules over per-minute [good, total] counts.

    samples: [[good, total], ...] one per minute, oldest first; the last one is now.
    slo: e.g. 0.999.
    rules: [{"severity": "page" | "ticket", "long_minutes": 60, "short_minutes": 5, "burn_rate": 14.4}, ...]
    Return {"alert": "page" | "ticket" | None, "firing": [...]}.
    """
    raise NotImplementedError
