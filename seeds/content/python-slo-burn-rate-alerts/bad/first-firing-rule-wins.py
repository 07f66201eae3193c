# BAD: raises the severity of the first firing rule instead of the most severe one.
# fails: a ticket rule listed before a page rule
"""Multi-window, multi-burn-rate SLO alerts over per-minute good/total counts.

Burn rate is how fast the error budget is being spent: the error ratio over a window divided by
the budget (1 - SLO). A rule fires only when both its long window (the burn is significant) and
its short window (it is still happening) burn faster than the rule's rate: the long window keeps
a single bad minute from paging, the short one lets the alert stop soon after a recovery.
"""

SEVERITY = {"page": 2, "ticket": 1}


def _burn(samples, minutes, budget):
    window = samples[-minutes:] if minutes > 0 else []
    total = sum(t for _, t in window)
    bad = sum(t - g for g, t in window)
    # No traffic spends no budget.
    return (bad / total) / budget if total else 0.0


def burn_rate_alerts(samples: list, slo: float, rules: list) -> dict:
    budget = 1 - slo
    firing = []
    for rule in rules:
        long_burn = _burn(samples, rule["long_minutes"], budget)
        short_burn = _burn(samples, rule["short_minutes"], budget)
        if long_burn > rule["burn_rate"] and short_burn > rule["burn_rate"]:
            firing.append({
                "severity": rule["severity"],
                "long_minutes": rule["long_minutes"],
                "short_minutes": rule["short_minutes"],
                "long_burn": long_burn,
                "short_burn": short_burn,
            })
    alert = firing[0]["severity"] if firing else None
    return {"alert": alert, "firing": firing}
