# No regular expressions: split the line on its quotes, check each piece, and keep per-endpoint
# lists. Nearest rank is computed with integer arithmetic.
def _digits(text):
    return text.isascii() and text.isdigit()


def _parse(line):
    _, opening, rest = line.partition(' "')
    request, closing, tail = rest.partition('" ')
    if not opening or not closing:
        return None
    parts = request.split(" ")
    if len(parts) != 3:
        return None
    method, target, protocol = parts
    if not (method.isascii() and method.isalpha() and method.isupper()) or not target.startswith("/") or not protocol.startswith("HTTP/"):
        return None
    fields = tail.split()
    if len(fields) < 2 or len(fields[0]) != 3 or not _digits(fields[0]) or not (_digits(fields[1]) or fields[1] == "-"):
        return None
    for field in fields[2:]:
        if field.startswith("rt="):
            whole, dot, fraction = field[3:].partition(".")
            if not _digits(whole) or (dot and not _digits(fraction)):
                return None
            return f"{method} {target.split('?')[0]}", float(field[3:]) * 1000
    return None


def _rank(values, percent):
    # ceil(percent/100 * n) without floats, at least 1.
    return values[max(1, -(-percent * len(values) // 100)) - 1]


def latency_report(lines):
    by_endpoint, malformed = {}, 0
    for line in lines:
        if not line.strip():
            continue
        parsed = _parse(line.rstrip("\n"))
        if parsed is None:
            malformed += 1
        else:
            by_endpoint.setdefault(parsed[0], []).append(parsed[1])
    report = {}
    for endpoint, values in by_endpoint.items():
        values.sort()
        report[endpoint] = {"count": len(values), "p50_ms": _rank(values, 50), "p99_ms": _rank(values, 99)}
    return {"endpoints": report, "malformed": malformed}
