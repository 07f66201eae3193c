# BAD: groups, parses and counts malformed lines correctly; only the percentile rank is wrong
# (int(p * (n - 1)), a rank too low): from a review, where the grouping and parsing tests it fails
# blamed grouping and parsing.
# fails: one endpoint
# fails: query strings do not split an endpoint
# fails: malformed lines are counted, blank lines skipped
# fails: the same path with two methods
# fails: zero-millisecond requests and extra fields
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
                   "p50_ms": vals[int(0.5 * (n - 1))],
                   "p99_ms": vals[int(0.99 * (n - 1))]}
    return {"endpoints": out, "malformed": malformed}
