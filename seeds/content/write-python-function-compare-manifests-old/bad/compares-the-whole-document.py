# BAD: compares the whole image config, leaving out only the created and revision labels. A full
# config also records the build time (top-level created) and a timestamp per history entry, so a
# rebuild of the same code looks like a change and every build redeploys.
# Significant fields: everything except the created and revision labels.
import json

BUILD_METADATA = {"org.opencontainers.image.created", "org.opencontainers.image.revision"}


def _normalised(manifest):
    document = json.loads(json.dumps(manifest or {}))
    config = document.get("config") or {}
    document["config"] = config
    for key in ("Entrypoint", "Cmd", "Env"):
        config[key] = list(config.get(key) or [])
    for key in ("ExposedPorts", "Labels"):
        config[key] = dict(config.get(key) or {})
    config["Env"] = sorted(config["Env"])
    config["Labels"] = {k: v for k, v in config["Labels"].items() if k not in BUILD_METADATA}
    return document


def compare_manifests(old_manifest, new_manifest):
    return _normalised(old_manifest) != _normalised(new_manifest)
