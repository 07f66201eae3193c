import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const QUESTION = '/questions/explain-canary-releases-contrast-blue-green';

const PARTIAL_ANSWER = `A canary release sends a small share of production traffic, say 5%, to the new version while the
rest stays on the old one. We compare error rates and latency between the canary and the baseline, and if the
canary looks worse we roll back by sending all traffic to the old version again.

Blue-green deployment instead keeps two full environments and switches all traffic from blue to green at once.`;

test('a candidate answers the canary question and gets rubric feedback, the model answer and a history entry', async ({ page }) => {
  await signIn(page, createAccount(), QUESTION);
  const count = page.getByTestId('practice-count');
  const before = Number((await count.textContent())!.replace(/\D/g, ''));

  await page.getByLabel(/Your answer/).fill(PARTIAL_ANSWER);
  await expect(page.getByTestId('answer-count')).toHaveText(`${PARTIAL_ANSWER.length.toLocaleString('en-US')} / 20,000 characters`);
  await page.getByRole('button', { name: 'Submit answer' }).click();

  const result = page.getByTestId('attempt-result');
  await expect(result).toBeVisible({ timeout: 20_000 });
  const score = Number(await page.getByTestId('attempt-score').textContent());
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThan(100);
  // Rubric v2: what the answer states is covered or partly covered, each with its evidence.
  await expect(page.getByTestId('covered-concepts').or(page.getByTestId('partial-concepts')).getByTestId('check').first()).toBeVisible();
  const missed = page.getByTestId('missed-concepts').getByTestId('check');
  await expect(missed.first()).toContainText('An interviewer would ask:');
  // One line says what graded it and against which version of the checklist; no group is shown empty.
  await expect(result.getByTestId('grading')).toHaveText(/^Graded by the offline grader against the answer checklist, version \d+, in (under 0\.01|[\d.]+) s\.$/);
  await expect(result.getByRole('heading', { name: /\(0\)$/ })).toHaveCount(0);
  // The model answer waits until asked for.
  await expect(page.getByTestId('model-answer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(page.getByTestId('model-answer')).toContainText(/canary/i);

  await page.getByRole('button', { name: 'Good' }).click();
  await expect(page.getByRole('button', { name: 'Good' })).toHaveAttribute('aria-pressed', 'true');

  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('attempt-history')).toContainText(`${score} / 100`);
  // The rating shows in the history at once, without a reload.
  await expect(page.getByTestId('attempt-history')).toContainText('Recall: Good');
  await expect(count).toHaveText(`${before + 1} practiced`);

  // A second attempt by the same candidate does not count twice.
  await page.reload();
  await expect(page.getByTestId('model-answer')).toBeVisible();
  await page.getByLabel(/Your answer/).fill(`${PARTIAL_ANSWER}\n\nFeature flags can also gate the canary.`);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(2);
  await expect(count).toHaveText(`${before + 1} practiced`);
});

test('an empty or throwaway answer is refused with a clear message and nothing is stored', async ({ page }) => {
  await signIn(page, createAccount(), QUESTION);
  await page.getByLabel(/Your answer/).fill('   ');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('Write an answer before submitting.');
  await page.getByLabel(/Your answer/).fill('x');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.locator('form').getByRole('alert')).toContainText('Your answer has 1 word; write at least 20');
  await expect(page.getByText('No attempts yet.')).toBeVisible();
});

test('the API refuses a throwaway written answer with 400 and a message, so it never counts', async ({ page, baseURL }) => {
  await signIn(page, createAccount(), QUESTION);
  const questionId = await page.evaluate(async () => {
    const response = await fetch('/api/questions?topic=production-deployments-and-operations');
    const body = await response.json();
    return body.questions.find((q: { slug: string }) => q.slug === 'explain-canary-releases-contrast-blue-green').id as string;
  });
  const response = await page.request.post('/api/attempts', { data: { questionId, answer: 'x' }, headers: { origin: new URL(baseURL!).origin } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatch(/^Your answer has 1 word; write at least 20/);
});

test('practice APIs refuse anonymous callers with 401', async ({ request, baseURL }) => {
  const response = await request.post('/api/attempts', {
    data: { questionId: '00000000-0000-4000-8000-000000000000', answer: 'x' },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toBe('Sign in to continue.');
});
