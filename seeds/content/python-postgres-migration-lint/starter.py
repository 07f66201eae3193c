def unsafe_migration_statements(sql: str) -> list:
    """Return [{"statement": index, "rule": code}, ...] for every unsafe statement in a PostgreSQL migration.

    Rules: "index-without-concurrently", "concurrently-in-transaction", "no-lock-timeout",
    "constraint-validated-under-lock", "set-not-null", "column-type-change".
    """
    raise NotImplementedError
