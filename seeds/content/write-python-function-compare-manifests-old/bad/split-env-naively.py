# BAD: splits "K=V" on every "=", so a value containing "=" raises (or compares wrong).
def compare_manifests(old_manifest, new_manifest):
    def view(m):
        c = (m or {}).get("config") or {}
        env = dict(e.split("=") for e in c.get("Env") or [])
        labels = {k: v for k, v in (c.get("Labels") or {}).items() if "created" not in k and "revision" not in k}
        return (c.get("Entrypoint"), c.get("Cmd"), env, sorted(c.get("ExposedPorts") or {}), labels)
    return view(old_manifest) != view(new_manifest)
