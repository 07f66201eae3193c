# Rates as exact fractions, so a canary sitting exactly on a limit is judged by the policy and
# not by floating-point rounding; the steps read top to bottom like the runbook.
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Side:
    requests: int
    errors: int
    p99_ms: float | None

    @classmethod
    def of(cls, metrics):
        return cls(metrics["requests"], metrics["errors"], metrics.get("p99_ms"))

    @property
    def error_rate(self):
        return Fraction(self.errors, self.requests)


def canary_verdict(baseline, canary, policy):
    base, can = Side.of(baseline), Side.of(canary)
    limit = Fraction(str(policy["max_error_rate_increase"]))
    ratio = Fraction(str(policy["max_p99_ratio"]))

    # Step 1: a canary that already hurt enough users goes, whatever the sample.
    abort = ["too-many-errors"] if can.errors >= policy["abort_errors"] else []

    # Step 2: small samples prove nothing either way.
    small = []
    if can.requests < policy["min_requests"]:
        small.append("canary-sample-too-small")
    if base.requests < policy["min_requests"]:
        small.append("baseline-sample-too-small")
    if small:
        return {"verdict": "rollback", "reasons": abort} if abort else {"verdict": "hold", "reasons": small}

    # Step 3: compare.
    regressions = list(abort)
    if can.error_rate - base.error_rate > limit:
        regressions.append("error-rate")
    unknown = can.p99_ms is None or base.p99_ms is None
    if not unknown and Fraction(str(can.p99_ms)) > Fraction(str(base.p99_ms)) * ratio:
        regressions.append("latency")
    if regressions:
        return {"verdict": "rollback", "reasons": regressions}
    if unknown:
        return {"verdict": "hold", "reasons": ["latency-unknown"]}
    return {"verdict": "promote", "reasons": []}
