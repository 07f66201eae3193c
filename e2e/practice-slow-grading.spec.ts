// A grading that takes longer than usual (a busy grading host queues answers for seconds; code that
// loops runs until its time limit): the spinner is joined by a line that says why and that the
// answer is saved, and the result replaces both when it comes. The wait is played by rewriting the
// long-poll's answer to "still queued" (or "still grading") until the test lets the real one through.
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const WRITTEN = '/questions/explain-canary-releases-contrast-blue-green';
const ANSWER = `A canary release sends a small share of production traffic, say 5%, to the new version while the
rest stays on the old one. We compare error rates and latency, and roll back if the canary looks worse.`;
const ATTEMPT_READS = '**/api/attempts/*';

async function holdAs(page: Page, status: 'QUEUED' | 'RUNNING') {
  const held = { on: true };
  await page.route(ATTEMPT_READS, async (route) => {
    const response = await route.fetch();
    if (!held.on || route.request().method() !== 'GET') return route.fulfill({ response });
    const body = (await response.json()) as { attempt: Record<string, unknown> };
    // As a long-poll that ran out with the attempt still waiting would answer.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return route.fulfill({ response, json: { attempt: { ...body.attempt, status, score: null, result: null, gradedAt: null } } });
  });
  return held;
}

for (const [status, said] of [
  ['QUEUED', 'Your answer is waiting for a free grader, which takes longer when many answers arrive at once.'],
  ['RUNNING', 'This grading is taking longer than usual (code that waits or loops runs until its time limit).'],
] as const) {
  test(`an answer ${status === 'QUEUED' ? 'queued' : 'being graded'} for longer than usual is explained, then its result shows`, async ({ page }) => {
    await signIn(page, createAccount(), WRITTEN);
    const held = await holdAs(page, status);
    await page.getByRole('textbox', { name: /Your answer/ }).fill(ANSWER);
    await page.getByRole('button', { name: 'Submit answer' }).click();

    const pending = page.getByTestId('attempt-pending');
    const slow = page.getByTestId('attempt-pending-slow');
    await expect(pending).toBeVisible();
    // Not at once: most gradings end long before the line would show.
    await expect(slow).toHaveText('');
    await expect(slow).toHaveText(`${said} Your answer is saved: the result appears here when it is ready, and in your history if you leave this page.`, { timeout: 15_000 });
    await expect(slow).toHaveAttribute('role', 'status');

    held.on = false;
    await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
    await expect(pending).toHaveCount(0);
  });
}
