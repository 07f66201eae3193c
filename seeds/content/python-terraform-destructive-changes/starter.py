def destructive_changes(plan: dict) -> list:
    """Return the changes in a `terraform show -json` plan that destroy an existing object.

    Each item: {"address": str, "action": "delete" | "replace", "create_before_destroy": bool}.
    """
    raise NotImplementedError
