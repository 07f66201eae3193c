# Keeps each endpoint's latencies sorted as they arrive (bisect), and reads percentiles with
# math.ceil. A regular expression checks the whole line.
import bisect
import math
import re
from collections import defaultdict

PATTERN = re.compile(
    r'^(\S+) (\S+) (\S+) \[([^\]]*)\] "([A-Z]+) (/\S*) HTTP/([0-9.]+)" ([0-9]{3}) ([0-9]+|-)((?: \S+)*)$'
)


class Endpoint:
    def __init__(self):
        self.latencies = []

    def add(self, ms):
        bisect.insort(self.latencies, ms)

    def percentile(self, p):
        n = len(self.latencies)
        return self.latencies[max(1, math.ceil(n * p / 100)) - 1]

    def summary(self):
        return {"count": len(self.latencies), "p50_ms": self.percentile(50), "p99_ms": self.percentile(99)}


def latency_report(lines):
    endpoints = defaultdict(Endpoint)
    malformed = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if line.strip() == "":
            continue
        m = PATTERN.match(line)
        fields = dict(f.split("=", 1) for f in m.group(10).split() if "=" in f) if m else {}
        seconds = fields.get("rt", "")
        if not m or not re.fullmatch(r"[0-9]+(\.[0-9]+)?", seconds):
            malformed += 1
            continue
        endpoints[m.group(5) + " " + m.group(6).partition("?")[0]].add(float(seconds) * 1000)
    return {"endpoints": {name: e.summary() for name, e in endpoints.items()}, "malformed": malformed}
