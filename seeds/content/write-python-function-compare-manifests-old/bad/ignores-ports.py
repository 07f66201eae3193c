# BAD: forgets exposed ports.
def compare_manifests(old_manifest, new_manifest):
    def view(m):
        c = (m or {}).get("config") or {}
        env = dict(e.partition("=")[::2] for e in c.get("Env") or [])
        digest = (c.get("Labels") or {}).get("org.opencontainers.image.base.digest")
        return (c.get("Entrypoint") or [], c.get("Cmd") or [], env, digest)
    return view(old_manifest) != view(new_manifest)
