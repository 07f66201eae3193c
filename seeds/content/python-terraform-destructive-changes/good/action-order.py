# Reads the order of create and delete in the action list instead of matching whole lists:
# delete without create is a delete, both is a replacement, create first means create_before_destroy.
def destructive_changes(plan):
    results = []
    changes = plan.get("resource_changes") if isinstance(plan, dict) else None
    for rc in changes if isinstance(changes, list) else []:
        if not isinstance(rc, dict) or rc.get("mode") == "data":
            continue
        change = rc.get("change") if isinstance(rc.get("change"), dict) else {}
        actions = change.get("actions") if isinstance(change.get("actions"), list) else []
        if "delete" not in actions:
            continue
        if "create" in actions:
            results.append({"address": rc.get("address"), "action": "replace",
                            "create_before_destroy": actions.index("create") < actions.index("delete")})
        else:
            results.append({"address": rc.get("address"), "action": "delete", "create_before_destroy": False})
    return results
