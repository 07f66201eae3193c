# Prefix sums: any window's totals in O(1), so many rules over long histories stay cheap.
from itertools import accumulate

RANK = {"ticket": 1, "page": 2}


def burn_rate_alerts(samples, slo, rules):
    total_prefix = [0, *accumulate(total for _, total in samples)]
    bad_prefix = [0, *accumulate(total - good for good, total in samples)]
    n = len(samples)
    budget = 1 - slo

    def burn(minutes):
        start = max(0, n - minutes)
        total = total_prefix[n] - total_prefix[start]
        bad = bad_prefix[n] - bad_prefix[start]
        return bad / total / budget if total > 0 else 0.0

    firing = []
    for rule in rules:
        long_burn, short_burn = burn(rule["long_minutes"]), burn(rule["short_minutes"])
        if min(long_burn, short_burn) > rule["burn_rate"]:
            firing.append({
                "severity": rule["severity"],
                "long_minutes": rule["long_minutes"],
                "short_minutes": rule["short_minutes"],
                "long_burn": long_burn,
                "short_burn": short_burn,
            })
    worst = None
    for alert in firing:
        if worst is None or RANK[alert["severity"]] > RANK[worst]:
            worst = alert["severity"]
    return {"alert": worst, "firing": firing}
