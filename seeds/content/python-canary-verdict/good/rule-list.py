# Each check is a row: (applies?, reason, what it asks for). The verdict is the most severe ask.
SEVERITY = {"promote": 0, "hold": 1, "rollback": 2}


def rate(side):
    return side["errors"] / side["requests"]


def canary_verdict(baseline, canary, policy):
    enough = canary["requests"] >= policy["min_requests"] and baseline["requests"] >= policy["min_requests"]
    p99s_known = canary.get("p99_ms") is not None and baseline.get("p99_ms") is not None
    checks = [
        (canary["errors"] >= policy["abort_errors"], "too-many-errors", "rollback"),
        (canary["requests"] < policy["min_requests"], "canary-sample-too-small", "hold"),
        (baseline["requests"] < policy["min_requests"], "baseline-sample-too-small", "hold"),
        (enough and rate(canary) - rate(baseline) > policy["max_error_rate_increase"], "error-rate", "rollback"),
        (enough and not p99s_known, "latency-unknown", "hold"),
        (enough and p99s_known and canary["p99_ms"] > baseline["p99_ms"] * policy["max_p99_ratio"], "latency", "rollback"),
    ]
    raised = [(reason, ask) for applies, reason, ask in checks if applies]
    verdict = max((ask for _, ask in raised), key=SEVERITY.get, default="promote")
    return {"verdict": verdict, "reasons": [reason for reason, ask in raised if ask == verdict]}
