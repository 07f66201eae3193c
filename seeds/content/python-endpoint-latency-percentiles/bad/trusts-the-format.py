# BAD: splits on spaces and trusts every line to be well formed, so the first truncated line
# raises and nothing is reported.
# fails: malformed lines are counted, blank lines skipped
# fails: only malformed lines
import math


def latency_report(lines):
    samples = {}
    for line in lines:
        if not line.strip():
            continue
        parts = line.split()
        method, target = parts[5].lstrip('"'), parts[6]
        rt = float(parts[-1].split("=", 1)[1])
        samples.setdefault(f"{method} {target.split('?')[0]}", []).append(rt * 1000)
    report = {}
    for endpoint, values in samples.items():
        values.sort()
        rank = lambda p: values[max(1, math.ceil(p / 100 * len(values))) - 1]
        report[endpoint] = {"count": len(values), "p50_ms": rank(50), "p99_ms": rank(99)}
    return {"endpoints": report, "malformed": 0}
