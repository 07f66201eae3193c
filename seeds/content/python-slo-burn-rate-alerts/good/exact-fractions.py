# Exact arithmetic: the SLO read as a decimal Fraction, so "more than burn_rate" is decided on
# the true values; prefix sums give each window's totals. Burn rates are returned as floats.
from fractions import Fraction
from itertools import accumulate


def burn_rate_alerts(samples: list, slo: float, rules: list) -> dict:
    # Exact arithmetic so that "more than" is decided on the true values, not on float noise.
    budget = 1 - Fraction(str(slo))
    bad_prefix = [0, *accumulate(total - good for good, total in samples)]
    total_prefix = [0, *accumulate(total for _, total in samples)]
    n = len(samples)

    def burn(minutes):
        start = max(0, n - minutes)
        requests = total_prefix[n] - total_prefix[start]
        errors = bad_prefix[n] - bad_prefix[start]
        if requests == 0 or budget == 0:
            return Fraction(0)
        return Fraction(errors, requests) / budget

    firing = []
    for rule in rules:
        threshold = Fraction(str(rule["burn_rate"]))
        lb, sb = burn(rule["long_minutes"]), burn(rule["short_minutes"])
        if lb > threshold and sb > threshold:
            firing.append({
                "severity": rule["severity"],
                "long_minutes": rule["long_minutes"],
                "short_minutes": rule["short_minutes"],
                "long_burn": float(lb),
                "short_burn": float(sb),
            })
    severities = {f["severity"] for f in firing}
    alert = "page" if "page" in severities else "ticket" if "ticket" in severities else None
    return {"alert": alert, "firing": firing}
