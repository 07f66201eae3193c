"""Promote, hold or roll back a canary by comparing it with the baseline it runs beside.

Errors are compared as rates (the two fleets see different traffic), latency as a ratio of
p99s. A comparison is only trusted once both sides have served policy["min_requests"]; until
then the answer is "hold" — except that a canary which has already failed policy["abort_errors"]
requests is rolled back at once, however little traffic it has seen.
"""

ROLLBACK, HOLD = "rollback", "hold"


def canary_verdict(baseline: dict, canary: dict, policy: dict) -> dict:
    rollback, hold = [], []
    if canary["errors"] >= policy["abort_errors"]:
        rollback.append("too-many-errors")
    if canary["requests"] < policy["min_requests"]:
        hold.append("canary-sample-too-small")
    if baseline["requests"] < policy["min_requests"]:
        hold.append("baseline-sample-too-small")
    if not hold:
        canary_rate = canary["errors"] / canary["requests"]
        baseline_rate = baseline["errors"] / baseline["requests"]
        if canary_rate - baseline_rate > policy["max_error_rate_increase"]:
            rollback.append("error-rate")
        if canary.get("p99_ms") is None or baseline.get("p99_ms") is None:
            hold.append("latency-unknown")
        elif canary["p99_ms"] > baseline["p99_ms"] * policy["max_p99_ratio"]:
            rollback.append("latency")
    if rollback:
        return {"verdict": ROLLBACK, "reasons": rollback}
    if hold:
        return {"verdict": HOLD, "reasons": hold}
    return {"verdict": "promote", "reasons": []}
