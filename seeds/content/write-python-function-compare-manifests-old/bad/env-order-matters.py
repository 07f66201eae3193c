# BAD: compares Env as a list, so a reordered Env looks like a change.
def compare_manifests(old, new):
    o = (old or {}).get("config") or {}
    n = (new or {}).get("config") or {}
    skip = {"org.opencontainers.image.created", "org.opencontainers.image.revision"}
    ol = {k: v for k, v in (o.get("Labels") or {}).items() if k not in skip}
    nl = {k: v for k, v in (n.get("Labels") or {}).items() if k not in skip}
    keys = ["Entrypoint", "Cmd", "Env", "ExposedPorts", "WorkingDir", "User"]
    return any(o.get(k) != n.get(k) for k in keys) or ol != nl
