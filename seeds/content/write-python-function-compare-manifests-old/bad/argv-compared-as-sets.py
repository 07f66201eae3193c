# BAD: compares every list as an unordered set, Entrypoint and Cmd included. Env is a set of
# variables, but an argument list is not: ["8080", "--port"] is another command line than
# ["--port", "8080"], and reordering the Entrypoint runs another program.
# Significant fields: Entrypoint, Cmd, Env, ExposedPorts, labels other than created and revision.
BUILD_METADATA = {"org.opencontainers.image.created", "org.opencontainers.image.revision"}


def _view(manifest):
    config = (manifest or {}).get("config") or {}
    labels = {k: v for k, v in (config.get("Labels") or {}).items() if k not in BUILD_METADATA}
    return (
        frozenset(config.get("Entrypoint") or []),
        frozenset(config.get("Cmd") or []),
        frozenset(config.get("Env") or []),
        frozenset(config.get("ExposedPorts") or {}),
        frozenset(labels.items()),
    )


def compare_manifests(old_manifest, new_manifest):
    return _view(old_manifest) != _view(new_manifest)
