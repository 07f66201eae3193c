-- Submitting an answer in one database round trip (src/server/attempts/create-attempt.ts,
-- docs/decisions/022): the per-user lock, the limits' counts, the attempt, its job and the
-- worker's wake-up were five round trips of one transaction (BEGIN, lock, counts, insert, COMMIT);
-- under a busy host each waits its turn for a CPU. As one function call they are one statement.
-- Exact as before: in READ COMMITTED every statement of a plpgsql function takes a new snapshot,
-- so the counts, made after the lock is held, see every submission of this user that committed
-- before it (a single SQL statement would take its snapshot before the lock).
-- Returns the new attempt's id, or NULL with `locked` false (another submission of this user is
-- being stored) or with the counts that refused it; the caller words the refusal.

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
  p_max_queue_depth int,
  p_channel text
) RETURNS TABLE (
  attempt_id uuid,
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
    RETURN QUERY SELECT NULL::uuid, false, 0, 0, NULL::float8, 0;
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
    RETURN NEXT;
    RETURN;
  END IF;
  INSERT INTO "Attempt" (id, "userId", "questionId", "questionVersionId", "answerKind", answer, status, "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), p_user_id, p_question_id, p_question_version_id, p_answer_kind, p_answer, 'QUEUED', v_now, v_now)
  RETURNING id INTO v_attempt;
  INSERT INTO "GradingJob" (id, "attemptId", "runAt", "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), v_attempt, v_now, v_now, v_now)
  RETURNING id INTO v_job;
  -- Delivered when the transaction commits, so an idle worker claims the job at once.
  PERFORM pg_notify(p_channel, v_job::text);
  attempt_id := v_attempt;
  RETURN NEXT;
END;
$$;
