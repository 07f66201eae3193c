def rollout_state(deployment: dict, replica_sets: list, now: str) -> dict:
    """Return {"state": ..., "new_replicaset": ..., "old_pods": ...} for this Deployment's rollout.

    deployment: a Deployment as `kubectl get deployment -o json` prints it.
    replica_sets: ReplicaSets from `kubectl get replicasets -o json` (its "items"); some may belong
        to other Deployments.
    now: the current time, e.g. "2025-03-01T10:20:00Z".
    state is one of "paused", "pending", "stuck", "complete", "progressing".
    """
    raise NotImplementedError
