# One finditer pass blanks comments, literals, quoted identifiers and dollar bodies and splits on
# the semicolons left; the rules are then regular expressions over each ALTER TABLE action's text.
import re

# One pass over the script: each alternative consumes a whole comment, literal, quoted
# identifier or dollar body, so a ';' inside any of them is never seen as a separator.
_LEXEME = re.compile(
    r"""
      (?P<line_comment>--[^\n]*)
    | (?P<block_comment>/\*.*?\*/)
    | (?P<string>'(?:[^']|'')*')
    | (?P<ident>"(?:[^"]|"")*")
    | (?P<dollar>\$(?P<tag>[A-Za-z_]\w*)?\$.*?\$(?P=tag)\$)
    | (?P<semi>;)
    """,
    re.S | re.X,
)


def _statements(sql):
    out, buf, pos = [], [], 0
    for m in _LEXEME.finditer(sql):
        buf.append(sql[pos:m.start()])
        kind = m.lastgroup if m.lastgroup != 'tag' else 'dollar'
        if m.group('semi'):
            out.append(' '.join(buf))
            buf = []
        elif m.group('line_comment') or m.group('block_comment'):
            buf.append(' ')
        elif m.group('ident'):
            buf.append(' quoted_ident ')
        else:
            buf.append(' literal ')
        pos = m.end()
    buf.append(sql[pos:])
    out.append(' '.join(buf))
    return [' '.join(s.split()) for s in out if s.strip()]


def _has(pattern, text):
    return re.search(pattern, text, re.I) is not None


def _actions(body):
    """Top-level comma-separated actions of an ALTER TABLE."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        elif ch == ',' and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    parts.append(body[start:])
    return parts


def unsafe_migration_statements(sql: str) -> list:
    findings = []
    in_transaction = False
    timeout_set = False
    first_alter_done = False
    for number, stmt in enumerate(_statements(sql)):
        def flag(rule):
            findings.append({"statement": number, "rule": rule})

        if re.match(r'(BEGIN|START\s+TRANSACTION)\b', stmt, re.I):
            in_transaction = True
        elif re.match(r'(COMMIT|END)\b', stmt, re.I) or re.match(r'ROLLBACK\b(?!\s+(WORK\s+|TRANSACTION\s+)?TO\b)', stmt, re.I):
            in_transaction = False
        elif re.match(r'SET\s+((SESSION|LOCAL)\s+)?lock_timeout\b', stmt, re.I):
            timeout_set = True
        elif m := re.match(r'(CREATE\s+(UNIQUE\s+)?INDEX|DROP\s+INDEX)\b\s*(CONCURRENTLY\b)?', stmt, re.I):
            if not m.group(3):
                flag('index-without-concurrently')
            elif in_transaction:
                flag('concurrently-in-transaction')
        elif re.match(r'ALTER\s+TABLE\b', stmt, re.I):
            if not first_alter_done:
                first_alter_done = True
                if not timeout_set:
                    flag('no-lock-timeout')
            rules = []
            for action in _actions(stmt):
                if (_has(r'\bADD\b', action) and _has(r'\b(FOREIGN\s+KEY|CHECK)\b', action)
                        and not _has(r'\bNOT\s+VALID\b', action)):
                    rules.append('constraint-validated-under-lock')
                if _has(r'\bALTER\s+(COLUMN\s+)?\S+\s+SET\s+NOT\s+NULL\b', action):
                    rules.append('set-not-null')
                if _has(r'\bALTER\s+(COLUMN\s+)?\S+\s+(SET\s+DATA\s+)?TYPE\b', action):
                    rules.append('column-type-change')
            for rule in dict.fromkeys(rules):
                flag(rule)
    return findings
