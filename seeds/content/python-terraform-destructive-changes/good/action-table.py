# A lookup table from the exact action list to what it means; anything not in it is harmless.
DESTRUCTIVE = {
    ("delete",): ("delete", False),
    ("delete", "create"): ("replace", False),
    ("create", "delete"): ("replace", True),
}


def destructive_changes(plan):
    changes = plan.get("resource_changes") if isinstance(plan, dict) else None
    return [
        {"address": rc["address"], "action": DESTRUCTIVE[key][0], "create_before_destroy": DESTRUCTIVE[key][1]}
        for rc in changes or []
        if rc.get("mode") != "data"
        for key in [tuple((rc.get("change") or {}).get("actions") or ())]
        if key in DESTRUCTIVE
    ]
