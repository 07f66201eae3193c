# BAD (the review's answer): compares Env as a list, so a reordered Env, and a missing Env beside
# an empty one, both look like a change; "not set" and empty set the same environment.
# Significant fields: base digest label, Entrypoint, Cmd, Env, ExposedPorts, Labels.
def compare_manifests(old_manifest, new_manifest):
    old = old_manifest.get("config") or {}
    new = new_manifest.get("config") or {}
    for key in ("Entrypoint", "Cmd", "Env", "ExposedPorts"):
        if old.get(key) != new.get(key):
            return True
    old_labels = dict(old.get("Labels") or {})
    new_labels = dict(new.get("Labels") or {})
    for k in ("org.opencontainers.image.created", "org.opencontainers.image.revision"):
        old_labels.pop(k, None)
        new_labels.pop(k, None)
    return old_labels != new_labels
