# One master regular expression tokenises the script; statements are lists of upper-case words
# joined with single spaces (parentheses and commas kept, so an ALTER TABLE splits into its actions),
# and each rule is a (pattern, applies-to) pair.
import re

TOKEN = re.compile(
    r"""(?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<dollar>(?P<tag>\$(?:[A-Za-z_]\w*)?\$).*?(?:(?P=tag)|\Z))
      | (?P<string>'(?:[^']|'')*(?:'|\Z))
      | (?P<ident>"(?:[^"]|"")*(?:"|\Z))
      | (?P<end>;)
      | (?P<punct>[(),])
      | (?P<word>[^\s;'"$-/]+|[$\-/])""",
    re.S | re.X,
)

STATEMENT_RULES = [
    ("index-without-concurrently", r"^(CREATE (UNIQUE )?|DROP )INDEX (?!CONCURRENTLY\b)"),
]
ALTER_RULES = [
    ("set-not-null", r"\bALTER (COLUMN )?\S+ SET NOT NULL\b"),
    ("column-type-change", r"\bALTER (COLUMN )?\S+ (SET DATA )?TYPE\b"),
]


def statements(sql):
    current, result = [], []
    for m in TOKEN.finditer(sql):
        kind = m.lastgroup if m.lastgroup != "tag" else "dollar"
        if m.group("dollar") is not None:
            kind = "dollar"
        if kind == "comment":
            continue
        if kind == "end":
            result.append(current)
            current = []
        elif kind in ("string", "dollar"):
            current.append("LITERAL")
        else:
            current.append(m.group(0))
    result.append(current)
    return [" ".join(words).upper() for words in result if words]


def actions(statement):
    # An ALTER TABLE's actions: split on commas outside parentheses and quoted identifiers.
    actions, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(statement):
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "()":
            depth += 1 if c == "(" else -1
        elif not quoted and depth == 0 and c == ",":
            actions.append(statement[start:i])
            start = i + 1
    return actions + [statement[start:]]


def unsafe_migration_statements(sql):
    out = []
    inside = timeout = reported = False
    for i, text in enumerate(statements(sql)):
        if re.match(r"(BEGIN|START TRANSACTION)\b", text):
            inside = True
        elif re.match(r"(COMMIT|ROLLBACK|END)\b", text):
            inside = False
        elif re.match(r"SET (LOCAL |SESSION )?LOCK_TIMEOUT\b", text):
            timeout = True
        for rule, pattern in STATEMENT_RULES:
            if re.search(pattern, text):
                out.append({"statement": i, "rule": rule})
        if inside and re.match(r"(CREATE (UNIQUE )?|DROP )INDEX CONCURRENTLY\b", text):
            out.append({"statement": i, "rule": "concurrently-in-transaction"})
        if text.startswith("ALTER TABLE "):
            if not timeout and not reported:
                reported = True
                out.append({"statement": i, "rule": "no-lock-timeout"})
            if any(re.search(r"\bADD (CONSTRAINT \S+ )?(FOREIGN KEY|CHECK)\b", a) and "NOT VALID" not in a for a in actions(text)):
                out.append({"statement": i, "rule": "constraint-validated-under-lock"})
            for rule, pattern in ALTER_RULES:
                if re.search(pattern, text):
                    out.append({"statement": i, "rule": rule})
    return out
