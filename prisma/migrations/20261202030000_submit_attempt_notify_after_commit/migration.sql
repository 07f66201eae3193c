-- The submit function without its NOTIFY (src/server/grading-jobs/send-notification.ts,
-- docs/decisions/022): a transaction that NOTIFYs holds a database-wide lock from before its
-- commit until its WAL flush is done, so every submit and every recorded grade committed one after
-- another instead of sharing a flush. The caller now sends the wake-up in its own statement after
-- this one has committed, and the function returns the job's id for it. Otherwise unchanged.
-- Added beside the old one (an overload: it has no channel argument) rather than replacing it, so
-- web processes of the previous release keep submitting during a rolling update; a later
-- migration drops the old one once no release calls it.

-- CreateFunction
CREATE FUNCTION "rehearse_submit_attempt"(
  p_lock_class int,
  p_user_id uuid,
  p_question_id uuid,
  p_question_version_id uuid,
  p_answer_kind "AnswerKind",
  p_answer text,
  p_max_pending int,
  p_max_per_minute int,
  p_max_queue_depth int
) RETURNS TABLE (
  attempt_id uuid,
  job_id uuid,
  locked boolean,
  pending int,
  recent int,
  oldest_recent_age_ms float8,
  depth int
) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_now timestamp := now() AT TIME ZONE 'UTC';
  v_attempt uuid;
  v_job uuid;
BEGIN
  -- Try, never wait: a burst of one user's posts must not hold connections queued on the lock.
  IF NOT pg_try_advisory_xact_lock(p_lock_class, hashtext(p_user_id::text)) THEN
    RETURN QUERY SELECT NULL::uuid, NULL::uuid, false, 0, 0, NULL::float8, 0;
    RETURN;
  END IF;
  SELECT
    (SELECT count(*) FROM "GradingJob" j JOIN "Attempt" a ON a.id = j."attemptId"
      WHERE j.state IN ('QUEUED', 'RUNNING') AND a."userId" = p_user_id)::int,
    (SELECT count(*) FROM "Attempt"
      WHERE "userId" = p_user_id AND "createdAt" > v_now - interval '1 minute')::int,
    (SELECT (extract(epoch FROM v_now - min("createdAt")) * 1000)::float8 FROM "Attempt"
      WHERE "userId" = p_user_id AND "createdAt" > v_now - interval '1 minute'),
    (SELECT count(*) FROM "GradingJob" WHERE state IN ('QUEUED', 'RUNNING'))::int
  INTO pending, recent, oldest_recent_age_ms, depth;
  locked := true;
  IF pending >= p_max_pending OR recent >= p_max_per_minute OR depth >= p_max_queue_depth THEN
    attempt_id := NULL;
    job_id := NULL;
    RETURN NEXT;
    RETURN;
  END IF;
  INSERT INTO "Attempt" (id, "userId", "questionId", "questionVersionId", "answerKind", answer, status, "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), p_user_id, p_question_id, p_question_version_id, p_answer_kind, p_answer, 'QUEUED', v_now, v_now)
  RETURNING id INTO v_attempt;
  INSERT INTO "GradingJob" (id, "attemptId", "runAt", "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), v_attempt, v_now, v_now, v_now)
  RETURNING id INTO v_job;
  attempt_id := v_attempt;
  job_id := v_job;
  RETURN NEXT;
END;
$$;
