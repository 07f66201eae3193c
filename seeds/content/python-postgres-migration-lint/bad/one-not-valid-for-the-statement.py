# BAD: one NOT VALID anywhere in an ALTER TABLE excuses every constraint it adds, so a CHECK added
# beside a NOT VALID foreign key is validated under lock unflagged.
# fails: NOT VALID on one constraint, not the other
"""Flag PostgreSQL migration statements that lock a busy table for too long, or fail.

The script is split into statements on semicolons outside string literals, quoted identifiers,
dollar-quoted bodies and comments; comments are dropped and literals blanked before the rules
read a statement, so text inside them never matches a rule. Statements are numbered from 0,
counting only those with something left in them.
"""
import re


def _statements(sql):
    statements, current, i, n = [], [], 0, len(sql)
    while i < n:
        c = sql[i]
        if sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end
            continue
        if sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
            current.append(" ")
            continue
        if c in "'\"":
            j = i + 1
            while j < n:
                if sql[j] == c and sql.startswith(c * 2, j):
                    j += 2
                    continue
                if sql[j] == c:
                    break
                j += 1
            # Identifiers keep their name; literals are blanked.
            current.append(sql[i:j + 1] if c == '"' else "''")
            i = j + 1
            continue
        dollar = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", sql[i:])
        if dollar:
            tag = dollar.group(0)
            end = sql.find(tag, i + len(tag))
            current.append("$$")
            i = n if end < 0 else end + len(tag)
            continue
        if c == ";":
            statements.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    statements.append("".join(current))
    return [" ".join(s.split()).upper() for s in statements if s.strip()]


def unsafe_migration_statements(sql: str) -> list:
    found = []
    in_transaction = False
    lock_timeout_set = False
    warned_lock_timeout = False
    for index, statement in enumerate(_statements(sql)):
        flag = lambda rule: found.append({"statement": index, "rule": rule})
        if re.match(r"^(BEGIN|START TRANSACTION)\b", statement):
            in_transaction = True
        elif re.match(r"^(COMMIT|ROLLBACK|END)\b", statement):
            in_transaction = False
        elif re.match(r"^SET (SESSION |LOCAL )?LOCK_TIMEOUT\b", statement):
            lock_timeout_set = True
        index_statement = re.match(r"^(CREATE (UNIQUE )?INDEX|DROP INDEX)\b", statement)
        if index_statement:
            concurrently = re.match(r"^(CREATE (UNIQUE )?INDEX|DROP INDEX) CONCURRENTLY\b", statement)
            if not concurrently:
                flag("index-without-concurrently")
            elif in_transaction:
                flag("concurrently-in-transaction")
        if statement.startswith("ALTER TABLE "):
            if not lock_timeout_set and not warned_lock_timeout:
                warned_lock_timeout = True
                flag("no-lock-timeout")
            if re.search(r"\bADD (CONSTRAINT \S+ )?(FOREIGN KEY|CHECK)\b", statement) and not re.search(r"\bNOT VALID\b", statement):
                flag("constraint-validated-under-lock")
            if re.search(r"\bALTER (COLUMN )?\S+ SET NOT NULL\b", statement):
                flag("set-not-null")
            if re.search(r"\bALTER (COLUMN )?\S+ (SET DATA )?TYPE\b", statement):
                flag("column-type-change")
    return found
