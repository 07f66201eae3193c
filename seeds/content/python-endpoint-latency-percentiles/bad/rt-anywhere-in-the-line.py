# BAD: finds rt= anywhere in the line, so urt= (the upstream time nginx logs beside it) passes for rt.
# fails: upstream timings beside rt
"""Per-endpoint p50 and p99 latency from access-log lines, counting the lines that do not parse.

A line looks like
    10.0.4.17 - - [01/Mar/2025:10:00:00 +0000] "GET /api/orders?id=7 HTTP/1.1" 200 512 rt=0.123
The endpoint is the method and the path without its query string; the latency is rt (seconds)
in milliseconds. Percentiles use the nearest-rank method: the value at rank ceil(p/100 * n) of
the sorted latencies, so every reported figure is one that was observed.
"""
import math
import re

# The request in quotes, then status and bytes, then key=value fields, one of them rt=<seconds>.
LINE = re.compile(r'^\S+ \S+ \S+ \[[^\]]*\] "(?P<method>[A-Z]+) (?P<target>/\S*) HTTP/[0-9.]+" (?P<status>\d{3}) (?:\d+|-)(?P<fields>(?: \S+)*)$')
SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


def _latency_ms(fields):
    found = re.search(r"rt=(\S*)", fields)
    if not found:
        return None
    value = found.group(1)
    return float(value) * 1000 if SECONDS.match(value) else None


def _nearest_rank(sorted_values, p):
    return sorted_values[max(1, math.ceil(p / 100 * len(sorted_values))) - 1]


def latency_report(lines: list) -> dict:
    samples = {}
    malformed = 0
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            continue
        match = LINE.match(line)
        latency = _latency_ms(match.group("fields")) if match else None
        if latency is None:
            malformed += 1
            continue
        endpoint = f"{match.group('method')} {match.group('target').split('?', 1)[0]}"
        samples.setdefault(endpoint, []).append(latency)
    endpoints = {}
    for endpoint, values in samples.items():
        values.sort()
        endpoints[endpoint] = {"count": len(values), "p50_ms": _nearest_rank(values, 50), "p99_ms": _nearest_rank(values, 99)}
    return {"endpoints": endpoints, "malformed": malformed}
