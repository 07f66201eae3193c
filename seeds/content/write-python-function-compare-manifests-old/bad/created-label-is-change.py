# BAD: compares every label, so a rebuild (new created timestamp) looks like a change.
def compare_manifests(old, new):
    o = (old or {}).get("config") or {}
    n = (new or {}).get("config") or {}
    env = lambda c: dict(e.split("=", 1) for e in (c.get("Env") or []))
    keys = ["Entrypoint", "Cmd", "ExposedPorts", "WorkingDir", "User", "Labels"]
    return any(o.get(k) != n.get(k) for k in keys) or env(o) != env(n)
