# BAD: times the deadline from the Progressing condition's lastTransitionTime, which stays at the
# start of the rollout while progress moves lastUpdateTime on: a long rollout that keeps making
# progress reads as stuck.
# fails: a long rollout still making progress
"""Decide the state of a Deployment's rollout from the Deployment and its ReplicaSets (as JSON).

Order matters: a paused rollout is paused whatever else is true; a status the controller has not
caught up with (observedGeneration behind generation) says nothing yet; the controller's own
verdict (ProgressDeadlineExceeded) wins next; then the replica counts decide completeness, exactly
as `kubectl rollout status` reads them; only an unfinished rollout can be stuck by the clock.
"""
from datetime import datetime

REVISION = "deployment.kubernetes.io/revision"
DEFAULT_DEADLINE_SECONDS = 600


def _time(text):
    # RFC 3339 as the API server writes it ("2025-03-01T10:00:00Z").
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _progressing(status):
    for condition in status.get("conditions") or []:
        if condition.get("type") == "Progressing":
            return condition
    return None


def _owned(deployment, replica_sets):
    uid = (deployment.get("metadata") or {}).get("uid")
    return [
        rs for rs in replica_sets or []
        if any(ref.get("uid") == uid for ref in (rs.get("metadata") or {}).get("ownerReferences") or [])
    ]


def _revision(obj):
    return ((obj.get("metadata") or {}).get("annotations") or {}).get(REVISION)


def rollout_state(deployment: dict, replica_sets: list, now: str) -> dict:
    metadata = deployment.get("metadata") or {}
    spec = deployment.get("spec") or {}
    status = deployment.get("status") or {}

    owned = _owned(deployment, replica_sets)
    revision = _revision(deployment)
    new = next((rs for rs in owned if revision is not None and _revision(rs) == revision), None)
    old_pods = sum((rs.get("status") or {}).get("replicas") or 0 for rs in owned if rs is not new)
    result = {"new_replicaset": (new.get("metadata") or {}).get("name") if new else None, "old_pods": old_pods}

    desired = spec.get("replicas", 1)
    updated = status.get("updatedReplicas") or 0
    current = status.get("replicas") or 0
    available = status.get("availableReplicas") or 0
    progressing = _progressing(status)

    if spec.get("paused"):
        state = "paused"
    elif (status.get("observedGeneration") or 0) < (metadata.get("generation") or 0):
        state = "pending"
    elif progressing and progressing.get("reason") == "ProgressDeadlineExceeded":
        state = "stuck"
    elif updated >= desired and current <= updated and available >= updated:
        state = "complete"
    elif progressing and progressing.get("lastTransitionTime") and (
        (_time(now) - _time(progressing["lastTransitionTime"])).total_seconds()
        > spec.get("progressDeadlineSeconds", DEFAULT_DEADLINE_SECONDS)
    ):
        state = "stuck"
    else:
        state = "progressing"
    return {"state": state, **result}
