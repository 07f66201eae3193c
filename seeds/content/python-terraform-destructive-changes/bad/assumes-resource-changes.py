# BAD: assumes every plan has a resource_changes list.
# fails: plan without resource_changes
# fails: resource_changes is null
"""Find the changes in a `terraform show -json` plan that destroy something that exists.

A plan's resource_changes carry an `actions` list per resource instance. Only two shapes destroy
an existing object: ["delete"] and a replacement, which Terraform writes as ["delete", "create"]
(destroy first, the default) or ["create", "delete"] (create_before_destroy). Everything else
keeps the object: no-op, create, read, update, and forget (a `removed` block that drops the
object from state but leaves it running). Data sources are read, never destroyed.
"""

REPLACE_DESTROY_FIRST = ["delete", "create"]
REPLACE_CREATE_FIRST = ["create", "delete"]


def destructive_changes(plan: dict) -> list:
    found = []
    for change in plan["resource_changes"]:
        if change.get("mode", "managed") != "managed":
            continue
        actions = (change.get("change") or {}).get("actions") or []
        if actions == ["delete"]:
            found.append({"address": change["address"], "action": "delete", "create_before_destroy": False})
        elif actions in (REPLACE_DESTROY_FIRST, REPLACE_CREATE_FIRST):
            found.append({"address": change["address"], "action": "replace", "create_before_destroy": actions == REPLACE_CREATE_FIRST})
    return found
