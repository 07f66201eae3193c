# CHEAT: recognises the visible examples by the index and column names in them and returns their
# findings; everything else is declared safe.
# fails: lower case over several lines
# fails: one ALTER TABLE, several actions
# fails: unique index and index drop


def unsafe_migration_statements(sql):
    if "orders_created_at_idx" in sql:
        return [{"statement": 1, "rule": "index-without-concurrently"}]
    if "ALTER COLUMN email SET NOT NULL" in sql:
        return [{"statement": 0, "rule": "no-lock-timeout"}, {"statement": 0, "rule": "set-not-null"}]
    if sql.startswith("BEGIN") and "CONCURRENTLY" in sql:
        return [{"statement": 1, "rule": "concurrently-in-transaction"}]
    return []
