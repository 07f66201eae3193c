# Rules as data: the first rule whose test holds names the state.
from datetime import datetime, timezone


def parse_time(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def rollout_state(deployment, replica_sets, now):
    meta = deployment.get("metadata") or {}
    spec = deployment.get("spec") or {}
    status = deployment.get("status") or {}
    revision = (meta.get("annotations") or {}).get("deployment.kubernetes.io/revision")

    mine = []
    for rs in replica_sets or []:
        owners = (rs.get("metadata") or {}).get("ownerReferences") or []
        if any(o.get("uid") == meta.get("uid") for o in owners):
            mine.append(rs)
    new_rs = None
    for rs in mine:
        rs_rev = ((rs.get("metadata") or {}).get("annotations") or {}).get("deployment.kubernetes.io/revision")
        if revision is not None and rs_rev == revision:
            new_rs = rs
    old_pods = sum(((rs.get("status") or {}).get("replicas") or 0) for rs in mine if rs is not new_rs)

    count = lambda key: status.get(key) or 0
    want = spec["replicas"] if spec.get("replicas") is not None else 1
    cond = next((c for c in status.get("conditions") or [] if c.get("type") == "Progressing"), {})
    deadline = spec.get("progressDeadlineSeconds") or 600

    def timed_out():
        if not cond.get("lastUpdateTime"):
            return False
        waited = (parse_time(now) - parse_time(cond["lastUpdateTime"])).total_seconds()
        return waited > deadline

    rules = [
        (lambda: bool(spec.get("paused")), "paused"),
        (lambda: count("observedGeneration") < (meta.get("generation") or 0), "pending"),
        (lambda: cond.get("reason") == "ProgressDeadlineExceeded", "stuck"),
        (lambda: count("updatedReplicas") >= want and count("replicas") <= count("updatedReplicas") and count("availableReplicas") >= count("updatedReplicas"), "complete"),
        (timed_out, "stuck"),
        (lambda: True, "progressing"),
    ]
    state = next(name for test, name in rules if test())
    return {
        "state": state,
        "new_replicaset": (new_rs.get("metadata") or {}).get("name") if new_rs else None,
        "old_pods": old_pods,
    }
