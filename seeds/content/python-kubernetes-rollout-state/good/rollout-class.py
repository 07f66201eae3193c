# A small read-only view over the Deployment, one property per question kubectl asks.
import calendar
import time


def _epoch(stamp):
    return calendar.timegm(time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))


class Rollout:
    REVISION = "deployment.kubernetes.io/revision"

    def __init__(self, deployment, replica_sets):
        self.meta = deployment.get("metadata") or {}
        self.spec = deployment.get("spec") or {}
        self.status = deployment.get("status") or {}
        uid = self.meta.get("uid")
        self.owned = [
            rs for rs in (replica_sets or [])
            if uid is not None and uid in [ref.get("uid") for ref in (rs.get("metadata") or {}).get("ownerReferences") or []]
        ]

    def _n(self, key):
        return self.status.get(key) or 0

    @property
    def new_replicaset(self):
        revision = (self.meta.get("annotations") or {}).get(self.REVISION)
        if revision is None:
            return None
        for rs in self.owned:
            if ((rs.get("metadata") or {}).get("annotations") or {}).get(self.REVISION) == revision:
                return rs
        return None

    @property
    def old_pods(self):
        new = self.new_replicaset
        return sum((rs.get("status") or {}).get("replicas") or 0 for rs in self.owned if rs is not new)

    @property
    def observed(self):
        return self._n("observedGeneration") >= (self.meta.get("generation") or 0)

    @property
    def progressing(self):
        for condition in self.status.get("conditions") or []:
            if condition.get("type") == "Progressing":
                return condition
        return {}

    @property
    def done(self):
        desired = self.spec.get("replicas")
        desired = 1 if desired is None else desired
        updated = self._n("updatedReplicas")
        return updated >= desired and self._n("replicas") <= updated and self._n("availableReplicas") >= updated

    def overdue(self, now):
        last = self.progressing.get("lastUpdateTime")
        limit = self.spec.get("progressDeadlineSeconds")
        limit = 600 if limit is None else limit
        return bool(last) and _epoch(now) - _epoch(last) > limit

    def state(self, now):
        if self.spec.get("paused"):
            return "paused"
        if not self.observed:
            return "pending"
        if self.progressing.get("reason") == "ProgressDeadlineExceeded":
            return "stuck"
        if self.done:
            return "complete"
        return "stuck" if self.overdue(now) else "progressing"


def rollout_state(deployment, replica_sets, now):
    rollout = Rollout(deployment, replica_sets)
    new = rollout.new_replicaset
    return {"state": rollout.state(now), "new_replicaset": new["metadata"]["name"] if new else None, "old_pods": rollout.old_pods}
