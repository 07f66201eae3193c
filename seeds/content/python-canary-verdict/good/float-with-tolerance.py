# Plain float rates; a value a hair over a limit from float rounding (math.isclose) counts as on
# it. Checks are (verdict, reason, applies) triples; the most severe verdict with any hit wins.
import math

EPS = 1e-9


def _exceeds(value, limit):
    """value > limit, but a hair over from float rounding counts as on the limit."""
    return value > limit and not math.isclose(value, limit, rel_tol=EPS, abs_tol=EPS)


def canary_verdict(baseline, canary, policy):
    min_req = policy["min_requests"]
    checks = []
    checks.append(("rollback", "too-many-errors", canary["errors"] >= policy["abort_errors"]))
    c_small = canary["requests"] < min_req
    b_small = baseline["requests"] < min_req
    checks.append(("hold", "canary-sample-too-small", c_small))
    checks.append(("hold", "baseline-sample-too-small", b_small))
    if not (c_small or b_small):
        increase = canary["errors"] / canary["requests"] - baseline["errors"] / baseline["requests"]
        checks.append(("rollback", "error-rate", _exceeds(increase, policy["max_error_rate_increase"])))
        cp, bp = canary["p99_ms"], baseline["p99_ms"]
        unknown = cp is None or bp is None
        checks.append(("hold", "latency-unknown", unknown))
        if not unknown:
            checks.append(("rollback", "latency", _exceeds(cp, bp * policy["max_p99_ratio"])))
    for verdict in ("rollback", "hold"):
        found = [reason for kind, reason, hit in checks if kind == verdict and hit]
        if found:
            return {"verdict": verdict, "reasons": found}
    return {"verdict": "promote", "reasons": []}
