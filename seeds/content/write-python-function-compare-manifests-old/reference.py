"""Decide whether a new image needs a redeploy by comparing OCI image configs.

Significant: base image digest, Entrypoint, Cmd, Env (as a set of variables), exposed ports,
WorkingDir, User, and every label except build metadata. Missing and null mean "not set".
"""

BASE_DIGEST = "org.opencontainers.image.base.digest"
# Labels that change on every build without changing what runs.
BUILD_METADATA_LABELS = {
    "org.opencontainers.image.created",
    "org.opencontainers.image.revision",
    "org.opencontainers.image.version",
    "org.opencontainers.image.source",
    "org.opencontainers.image.url",
    "org.opencontainers.image.documentation",
}


def _config(manifest):
    config = manifest.get("config") if isinstance(manifest, dict) else None
    return config if isinstance(config, dict) else {}


def _env(config):
    env = {}
    for entry in config.get("Env") or []:
        key, _, value = str(entry).partition("=")  # values may contain "="
        env[key] = value
    return env


def _ports(config):
    # "8080" and "8080/tcp" mean the same port.
    return {p if "/" in p else f"{p}/tcp" for p in (config.get("ExposedPorts") or {})}


def _runtime_view(manifest):
    config = _config(manifest)
    labels = config.get("Labels") or {}
    return {
        "entrypoint": list(config.get("Entrypoint") or []),
        "cmd": list(config.get("Cmd") or []),
        "env": _env(config),
        "ports": _ports(config),
        "labels": {k: v for k, v in labels.items() if k not in BUILD_METADATA_LABELS},
        "workdir": config.get("WorkingDir") or "",
        "user": config.get("User") or "",
    }


def compare_manifests(old_manifest: dict, new_manifest: dict) -> bool:
    """Return True when the new image differs from the old one in a way that affects runtime."""
    return _runtime_view(old_manifest) != _runtime_view(new_manifest)
