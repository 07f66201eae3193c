"""Decide whether a new image needs a redeploy by comparing OCI image configs."""

BASE_DIGEST = "org.opencontainers.image.base.digest"
# Labels that change on every build without changing what runs.
VOLATILE_LABELS = {"org.opencontainers.image.created", "org.opencontainers.image.revision"}


def _config(manifest):
    if not isinstance(manifest, dict):
        return {}
    config = manifest.get("config")
    return config if isinstance(config, dict) else {}


def _env(config):
    env = {}
    for item in config.get("Env") or []:
        key, _, value = str(item).partition("=")
        env[key] = value
    return env


def _labels(config):
    labels = config.get("Labels") or {}
    return {k: v for k, v in labels.items() if k not in VOLATILE_LABELS}


def _summary(manifest):
    config = _config(manifest)
    return {
        "entrypoint": config.get("Entrypoint") or None,
        "cmd": config.get("Cmd") or None,
        "env": _env(config),
        "ports": sorted((config.get("ExposedPorts") or {}).keys()),
        "labels": _labels(config),
        "workdir": config.get("WorkingDir") or None,
        "user": config.get("User") or None,
    }


def compare_manifests(old, new):
    """Return True when the new image differs from the old one in a way that needs a redeploy."""
    return _summary(old) != _summary(new)
