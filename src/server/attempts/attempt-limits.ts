// Fair grading under a flood: how many attempts one user may have waiting or running, how many
// one user may submit per minute, and how many jobs the whole queue may hold. createAttempt
// enforces them; README "Practice and grading" documents the environment variables.
import { env } from '@/server/env';
import { AppError } from '@/server/errors';

export type AttemptLimits = {
  maxPendingPerUser: number;
  maxPerUserPerMinute: number;
  maxQueueDepth: number;
};

export function attemptLimitsFromEnv(): AttemptLimits {
  return {
    maxPendingPerUser: env.MAX_PENDING_ATTEMPTS_PER_USER,
    maxPerUserPerMinute: env.MAX_ATTEMPTS_PER_USER_PER_MINUTE,
    maxQueueDepth: env.MAX_QUEUE_DEPTH,
  };
}

// The whole queue is full: nobody's answer is taken until it drains (503 with Retry-After).
export class QueueFullError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 503, { retryAfterSeconds });
  }
}
