# BAD: takes every ReplicaSet whose name starts with the Deployment's name and a dash as its own
# (checkout-worker-… is another Deployment's) and reads rs["status"] as if it were always there
# (from a review, where it passed every test).
# fails: a checkout-worker ReplicaSet in the list
# fails: ReplicaSets the controller has not reported on yet
from datetime import datetime


def rollout_state(deployment, replica_sets, now):
    # near-miss: owns ReplicaSets by name prefix (not ownerReferences uid); indexes rs["status"] directly
    spec = deployment.get("spec") or {}
    status = deployment.get("status") or {}
    meta = deployment.get("metadata") or {}
    rev = (meta.get("annotations") or {}).get("deployment.kubernetes.io/revision")
    new_rs, old = None, 0
    for rs in replica_sets or []:
        if not rs["metadata"]["name"].startswith(meta.get("name", "") + "-"):
            continue
        if (rs["metadata"].get("annotations") or {}).get("deployment.kubernetes.io/revision") == rev and rev:
            new_rs = rs["metadata"]["name"]
        else:
            old += rs["status"].get("replicas", 0)
    desired = spec.get("replicas", 1)
    upd = status.get("updatedReplicas", 0)
    if spec.get("paused"):
        return {"state": "paused", "new_replicaset": new_rs, "old_pods": old}
    if status.get("observedGeneration", 0) < meta.get("generation", 0):
        return {"state": "pending", "new_replicaset": new_rs, "old_pods": old}
    cond = next((c for c in status.get("conditions", []) if c.get("type") == "Progressing"), {})
    if cond.get("reason") == "ProgressDeadlineExceeded":
        state = "stuck"
    elif upd >= desired and status.get("replicas", 0) <= upd and status.get("availableReplicas", 0) >= upd:
        state = "complete"
    else:
        state = "progressing"
        if cond.get("lastUpdateTime"):
            fmt = "%Y-%m-%dT%H:%M:%SZ"
            age = (datetime.strptime(now, fmt) - datetime.strptime(cond["lastUpdateTime"], fmt)).total_seconds()
            if age > spec.get("progressDeadlineSeconds", 600):
                state = "stuck"
    return {"state": state, "new_replicaset": new_rs, "old_pods": old}
