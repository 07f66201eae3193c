# A generator that walks the plan once and says why it skips what it skips.
def _destructive(plan):
    for rc in (plan or {}).get("resource_changes") or []:
        if rc.get("mode") == "data":
            continue  # data sources are read, nothing real is destroyed
        actions = list((rc.get("change") or {}).get("actions") or [])
        if "delete" not in actions:
            continue  # no-op, create, read, update, forget
        if len(actions) == 1:
            yield rc["address"], "delete", False
        elif sorted(actions) == ["create", "delete"]:
            # Terraform lists the first step first: create first means create_before_destroy.
            yield rc["address"], "replace", actions[0] == "create"


def destructive_changes(plan):
    return [
        {"address": address, "action": action, "create_before_destroy": create_first}
        for address, action, create_first in _destructive(plan)
    ]
