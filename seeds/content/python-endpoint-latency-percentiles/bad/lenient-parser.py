# BAD: right percentiles and grouping, but a lenient parser: a line with no status, and rt=0., rt=1e3
# or rt=nan, are measured instead of counted as malformed (from a review, where it passed every test).
# fails: a line without a status
# fails: rt that is not digits with an optional fraction
import math
def latency_report(lines):
    data = {}
    malformed = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            request = line.split('"')[1]
            method, url, proto = request.split()
            rt = float(line.split('rt=')[1].split()[0])
        except (IndexError, ValueError):
            malformed += 1
            continue
        path = url.split('?')[0]
        data.setdefault(method + ' ' + path, []).append(rt * 1000)
    out = {}
    for ep, vals in data.items():
        vals.sort()
        n = len(vals)
        out[ep] = {"count": n,
                   "p50_ms": vals[math.ceil(0.5 * n) - 1],
                   "p99_ms": vals[math.ceil(0.99 * n) - 1]}
    return {"endpoints": out, "malformed": malformed}
