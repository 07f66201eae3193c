# BAD: returns the list of differing fields instead of a bool.
def compare_manifests(old_manifest, new_manifest):
    old = (old_manifest or {}).get("config") or {}
    new = (new_manifest or {}).get("config") or {}
    return [key for key in ("Entrypoint", "Cmd", "ExposedPorts") if old.get(key) != new.get(key)]
