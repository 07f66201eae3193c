# One helper walks a key path with a default (any missing or null step gives the default); the
# state is an if/elif chain in the order of the rules, and times are parsed with strptime.
from datetime import datetime, timezone


def _get(obj, *path, default=None):
    for key in path:
        if not isinstance(obj, dict):
            return default
        obj = obj.get(key)
    return default if obj is None else obj


def _parse_time(text):
    if not isinstance(text, str):
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def rollout_state(deployment, replica_sets, now):
    uid = _get(deployment, "metadata", "uid")
    revision = _get(deployment, "metadata", "annotations", "deployment.kubernetes.io/revision")
    owned = []
    for rs in replica_sets or []:
        refs = _get(rs, "metadata", "ownerReferences", default=[])
        if uid is not None and any(isinstance(r, dict) and r.get("uid") == uid for r in refs):
            owned.append(rs)
    new_rs = None
    old_pods = 0
    for rs in owned:
        rs_rev = _get(rs, "metadata", "annotations", "deployment.kubernetes.io/revision")
        if new_rs is None and revision is not None and rs_rev == revision:
            new_rs = rs
        else:
            old_pods += _get(rs, "status", "replicas", default=0)

    spec = _get(deployment, "spec", default={})
    status = _get(deployment, "status", default={})
    desired = _get(spec, "replicas", default=1)
    deadline = _get(spec, "progressDeadlineSeconds", default=600)
    updated = _get(status, "updatedReplicas", default=0)
    total = _get(status, "replicas", default=0)
    available = _get(status, "availableReplicas", default=0)
    progressing = None
    for cond in _get(status, "conditions", default=[]):
        if isinstance(cond, dict) and cond.get("type") == "Progressing":
            progressing = cond

    if _get(spec, "paused", default=False) is True:
        state = "paused"
    elif _get(status, "observedGeneration", default=0) < _get(deployment, "metadata", "generation", default=0):
        state = "pending"
    elif progressing is not None and progressing.get("reason") == "ProgressDeadlineExceeded":
        state = "stuck"
    elif updated >= desired and total <= updated and available >= updated:
        state = "complete"
    else:
        state = "progressing"
        last = _parse_time(progressing.get("lastUpdateTime")) if progressing else None
        current = _parse_time(now)
        if last is not None and current is not None and (current - last).total_seconds() > deadline:
            state = "stuck"
    return {"state": state, "new_replicaset": _get(new_rs, "metadata", "name") if new_rs else None, "old_pods": old_pods}
