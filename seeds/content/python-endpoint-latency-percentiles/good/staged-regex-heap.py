# The line is matched in three anchored pieces (prefix, request, the rest), so each piece's rule
# stays readable; latencies go on a heap per endpoint and come off it in order for the ranks.
import math
import re
import heapq

REQUEST = re.compile(r'"([A-Z]+) (/[^ "]*) HTTP/\d(?:\.\d)?"')
PREFIX = re.compile(r'^[^\s"]+ - - \[[^\]]*\] ')
AFTER = re.compile(r'^ (\d{3}) (\d+|-)((?: [\w.-]+=[^\s]*)+)$')


def latency_report(lines):
    groups = {}
    bad = 0
    for line in lines:
        try:
            text = line.strip()
            if not text:
                continue
            p = PREFIX.match(text)
            if not p:
                bad += 1
                continue
            r = REQUEST.match(text, p.end())
            if not r:
                bad += 1
                continue
            a = AFTER.match(text[r.end():])
            if not a:
                bad += 1
                continue
            rt = [kv[3:] for kv in a.group(3).split() if kv.startswith('rt=')]
            if len(rt) != 1 or not re.fullmatch(r'\d+(\.\d+)?', rt[0]):
                bad += 1
                continue
            endpoint = r.group(1) + ' ' + r.group(2).split('?')[0]
            heapq.heappush(groups.setdefault(endpoint, []), float(rt[0]) * 1000.0)
        except Exception:
            bad += 1
    out = {}
    for endpoint, heap in groups.items():
        values = [heapq.heappop(heap) for _ in range(len(heap))]
        n = len(values)
        out[endpoint] = {
            "count": n,
            "p50_ms": values[math.ceil(n * 0.5) - 1],
            "p99_ms": values[math.ceil(n * 0.99) - 1],
        }
    return {"endpoints": out, "malformed": bad}
