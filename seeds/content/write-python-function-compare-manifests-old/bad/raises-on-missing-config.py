# BAD: assumes every section is there.
def compare_manifests(old, new):
    o, n = old["config"], new["config"]
    skip = {"org.opencontainers.image.created", "org.opencontainers.image.revision"}
    ol = {k: v for k, v in o["Labels"].items() if k not in skip}
    nl = {k: v for k, v in n["Labels"].items() if k not in skip}
    return (o["Entrypoint"] != n["Entrypoint"] or o["Cmd"] != n["Cmd"]
            or sorted(o["Env"]) != sorted(n["Env"]) or o["ExposedPorts"] != n["ExposedPorts"] or ol != nl)
