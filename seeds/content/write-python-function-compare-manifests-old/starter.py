def compare_manifests(old_manifest: dict, new_manifest: dict) -> bool:
    """Return True when new_manifest differs from old_manifest in a way that affects runtime.

    Both are OCI image configs: {"config": {"Entrypoint", "Cmd", "Env", "ExposedPorts", "Labels",
    "WorkingDir", "User"}}. Any section may be missing or null.
    """
    raise NotImplementedError
