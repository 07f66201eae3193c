# Compares error ratios with the rule's threshold ratio (burn_rate x budget), the way Prometheus
# alerting rules are usually written; burn rates are reported for the people reading the alert.
from dataclasses import dataclass


@dataclass
class Window:
    good: int = 0
    total: int = 0

    @property
    def error_ratio(self):
        return (self.total - self.good) / self.total if self.total else 0.0


def window(samples, minutes):
    w = Window()
    for good, total in samples[len(samples) - min(minutes, len(samples)):]:
        w.good += good
        w.total += total
    return w


def burn_rate_alerts(samples, slo, rules):
    budget = 1.0 - slo
    firing = [
        {
            "severity": rule["severity"],
            "long_minutes": rule["long_minutes"],
            "short_minutes": rule["short_minutes"],
            "long_burn": long.error_ratio / budget,
            "short_burn": short.error_ratio / budget,
        }
        for rule in rules
        for long, short in [(window(samples, rule["long_minutes"]), window(samples, rule["short_minutes"]))]
        if long.error_ratio / budget > rule["burn_rate"] and short.error_ratio / budget > rule["burn_rate"]
    ]
    severities = {f["severity"] for f in firing}
    alert = "page" if "page" in severities else "ticket" if "ticket" in severities else None
    return {"alert": alert, "firing": firing}
