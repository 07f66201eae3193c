SIGNIFICANT_LABELS = ("org.opencontainers.image.base.digest",)


def _get(manifest, key, default):
    config = (manifest or {}).get("config") or {}
    value = config.get(key)
    return default if value is None else value


def compare_manifests(old_manifest, new_manifest):
    for key in ("Entrypoint", "Cmd"):
        if list(_get(old_manifest, key, [])) != list(_get(new_manifest, key, [])):
            return True
    old_env = dict(e.split("=", 1) if "=" in e else (e, "") for e in _get(old_manifest, "Env", []))
    new_env = dict(e.split("=", 1) if "=" in e else (e, "") for e in _get(new_manifest, "Env", []))
    if old_env != new_env:
        return True
    if set(_get(old_manifest, "ExposedPorts", {})) != set(_get(new_manifest, "ExposedPorts", {})):
        return True
    old_labels, new_labels = _get(old_manifest, "Labels", {}), _get(new_manifest, "Labels", {})
    return any(old_labels.get(k) != new_labels.get(k) for k in SIGNIFICANT_LABELS)
