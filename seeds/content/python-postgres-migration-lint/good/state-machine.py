# A character state machine splits the script (normal, string, identifier, line comment, block
# comment, dollar body); each statement's words then go through a small table of rules.
NORMAL, STRING, IDENT, LINE, BLOCK, DOLLAR = range(6)


def split(sql):
    out, buf, state, tag, i = [], [], NORMAL, "", 0
    while i < len(sql):
        ch, two = sql[i], sql[i:i + 2]
        if state == NORMAL:
            if two == "--":
                state, i = LINE, i + 2
                continue
            if two == "/*":
                state, i = BLOCK, i + 2
                buf.append(" ")
                continue
            if ch == "'":
                state = STRING
                buf.append(" '' ")
            elif ch == '"':
                state = IDENT
                buf.append('"')
            elif ch == "$":
                end = sql.find("$", i + 1)
                candidate = sql[i:end + 1] if end > 0 else ""
                if candidate and (candidate == "$$" or candidate[1:-1].replace("_", "a").isalnum() and not candidate[1].isdigit()):
                    state, tag, i = DOLLAR, candidate, end + 1
                    buf.append(" $$ ")
                    continue
                buf.append(ch)
            elif ch == ";":
                out.append("".join(buf))
                buf = []
            else:
                buf.append(ch)
        elif state == STRING:
            if two == "''":
                i += 2
                continue
            if ch == "'":
                state = NORMAL
        elif state == IDENT:
            buf.append(ch)
            if two == '""':
                buf.append('"')
                i += 2
                continue
            if ch == '"':
                state = NORMAL
        elif state == LINE:
            if ch == "\n":
                state = NORMAL
                buf.append("\n")
        elif state == BLOCK:
            if two == "*/":
                state, i = NORMAL, i + 2
                continue
        elif state == DOLLAR:
            if sql.startswith(tag, i):
                state, i = NORMAL, i + len(tag)
                continue
        i += 1
    out.append("".join(buf))
    return [s.upper().split() for s in out if s.strip()]


def has(words, *phrase):
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


def after_alter_column(words, *tail):
    # ALTER [COLUMN] <name> <tail...>
    for i, word in enumerate(words):
        if word != "ALTER" or i == 0:
            continue
        j = i + 2 if words[i + 1:i + 2] == ["COLUMN"] else i + 1
        if tuple(words[j + 1:j + 1 + len(tail)]) == tail:
            return True
    return False


def unsafe_migration_statements(sql):
    findings = []
    transaction = timeout = warned = False
    for n, words in enumerate(split(sql)):
        head = words[:3]
        if words[0] == "BEGIN" or words[:2] == ["START", "TRANSACTION"]:
            transaction = True
        if words[0] in ("COMMIT", "ROLLBACK", "END"):
            transaction = False
        if words[0] == "SET" and "LOCK_TIMEOUT" in words[1:3]:
            timeout = True
        is_index = head[:2] in (["CREATE", "INDEX"], ["DROP", "INDEX"]) or head == ["CREATE", "UNIQUE", "INDEX"]
        if is_index:
            keyword_at = 3 if head[1] == "UNIQUE" else 2
            if words[keyword_at:keyword_at + 1] != ["CONCURRENTLY"]:
                findings.append((n, "index-without-concurrently"))
            elif transaction:
                findings.append((n, "concurrently-in-transaction"))
        if words[:2] == ["ALTER", "TABLE"]:
            if not timeout and not warned:
                warned = True
                findings.append((n, "no-lock-timeout"))
            adds_check = any(words[i] == "ADD" and ("CHECK" in words[i + 1:i + 4] or has(words[i + 1:i + 5], "FOREIGN", "KEY")) for i in range(len(words)))
            if adds_check and not has(words, "NOT", "VALID"):
                findings.append((n, "constraint-validated-under-lock"))
            if after_alter_column(words, "SET", "NOT", "NULL"):
                findings.append((n, "set-not-null"))
            if after_alter_column(words, "TYPE") or after_alter_column(words, "SET", "DATA", "TYPE"):
                findings.append((n, "column-type-change"))
    return [{"statement": n, "rule": rule} for n, rule in findings]
