def compare_manifests(old, new):
    """Return True when `new` differs from `old` in a way that needs a redeploy.

    old and new are OCI image configs: {"config": {"Entrypoint", "Cmd", "Env", "ExposedPorts",
    "Labels", "WorkingDir", "User"}}. Sections may be missing or null.
    """
    raise NotImplementedError
