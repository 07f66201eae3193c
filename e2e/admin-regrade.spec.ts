// Re-grading journey in Chromium (docs/decisions/016): a candidate's answer fails under version 1
// of a rubric; the admin publishes version 2 (which recognises the candidate's wording), re-grades
// past attempts as a background job and watches its progress; the candidate then sees both grades
// on the attempt page and in their history, and their practice count is unchanged.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

// A topic no other journey counts the questions of: the question made here stays in the bank.
const TOPIC = 'infrastructure-as-code';
const TOPIC_NAME = 'Infrastructure as Code';

const STRONG = [
  'I would change the schema with expand and contract, so every step stays backward compatible with the running code.',
  'Then I would backfill in batches with a throttle, watching replication lag, and only drop the old column at the very end.',
].join(' ');
const WEAK = 'I would run the migration at night when nobody is using the system and hope for the best outcome.';
// Says "small chunks" where version 1 looks for "backfill in batches": half the concepts under v1.
const CANDIDATE = [
  'I would change the schema with expand and contract, so every step stays backward compatible with the running code.',
  'Then I would copy the rows over in small chunks with a throttle, watching replication lag, and drop the old column only at the very end.',
].join(' ');

async function validateAndPublish(page: Page, version: number) {
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation passed');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Published version ${version}` })).toBeVisible();
  await expect(page.getByTestId('question-status')).toContainText(`Candidates practise version ${version}.`);
}

test('an admin publishes v2 of a rubric and re-grades past attempts; the candidate sees both results', async ({ page, browser }) => {
  // Two validations, two gradings and a re-grade on a shared, busy machine.
  test.setTimeout(300_000);
  const token = randomUUID().slice(0, 6);
  const prompt = `Explain how you would migrate a large table (${token}) without downtime, and how you would move its data.`;

  // Version 1: two concepts, calibrated and published.
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Topic').selectOption({ label: TOPIC_NAME });
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(prompt);
  await page.getByLabel('Difficulty').selectOption('MEDIUM');
  await page.getByLabel('Answer kind').selectOption('WRITTEN');
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  const questionUrl = page.url();
  for (const [n, c] of [
    [1, { name: 'Expand and contract', phrasings: 'expand and contract\nbackward compatible' }],
    [2, { name: 'Batched backfill', phrasings: 'backfill in batches' }],
  ] as const) {
    await page.getByRole('button', { name: 'Add concept' }).click();
    await page.getByLabel(`Concept ${n} Name`, { exact: true }).fill(c.name);
    await page.getByLabel(`Concept ${n} Description (why it matters)`).fill(`Why ${c.name} matters.`);
    await page.getByLabel(`Concept ${n} Claim 1: phrasings (one per line)`).fill(c.phrasings);
    await page.getByLabel(`Concept ${n} Follow-up question`).fill(`What about ${c.name}?`);
  }
  for (const [n, s] of [
    [1, { label: 'strong', min: 70, max: 100, answer: STRONG }],
    [2, { label: 'weak', min: 0, max: 40, answer: WEAK }],
  ] as const) {
    await page.getByRole('button', { name: 'Add calibration sample' }).click();
    await page.getByLabel(`Sample ${n} Label`).fill(s.label);
    await page.getByLabel(`Sample ${n} Lowest expected score`).fill(String(s.min));
    await page.getByLabel(`Sample ${n} Highest expected score`).fill(String(s.max));
    await page.getByLabel(`Sample ${n} Answer`, { exact: true }).fill(s.answer);
  }
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();
  await validateAndPublish(page, 1);
  await expect(page.getByTestId('judge-disagreements')).toContainText('The language-model judge is not configured');

  // The candidate practises it under version 1: half the concepts, not yet passed.
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await signIn(candidate, createAccount('candidate'), `/topics/${TOPIC}`);
  await candidate.getByRole('link', { name: prompt }).click();
  await expect(candidate.getByTestId('question-prompt')).toHaveText(prompt);
  const questionPath = new URL(candidate.url()).pathname;
  await candidate.getByLabel(/Your answer/).fill(CANDIDATE);
  await candidate.getByRole('button', { name: 'Submit answer' }).click();
  await expect(candidate.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
  await expect(candidate.getByTestId('attempt-status')).toHaveText('Not yet');
  const before = Number(await candidate.getByTestId('attempt-score').textContent());
  expect(before).toBeLessThan(60);
  await candidate.goto(questionPath);
  const attemptHref = await candidate.getByTestId('attempt-history').getByRole('link').first().getAttribute('href');
  expect(attemptHref).toMatch(/^\/attempts\/[0-9a-f-]{36}$/);
  const practised = await candidate.getByTestId('practice-count').first().textContent();

  // Version 2 recognises "small chunks"; nothing is re-graded until the admin asks.
  await page.goto(questionUrl);
  await expect(page.getByRole('region', { name: 'Re-grade past attempts' })).toContainText('Every graded attempt is graded under version 1 by the current grader.');
  await page.getByLabel('Concept 2 Claim 1: phrasings (one per line)').fill('backfill in batches\nsmall chunks');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved as draft version 2' })).toBeVisible();
  await validateAndPublish(page, 2);
  const panel = page.getByRole('region', { name: 'Re-grade past attempts' });
  await expect(panel).toContainText('1 graded attempt is graded under an older version than the live version 2.');

  // Re-grade in the background, with progress, until it finishes.
  await panel.getByRole('button', { name: 'Re-grade under version 2' }).click();
  await expect(panel.getByRole('status')).toContainText('Queued 1 attempt for re-grading under version 2.');
  const progress = page.getByTestId('regrade-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Re-grade under version 2 finished', { timeout: 60_000 });
  await expect(progress).toContainText('1 of 1 done (100%): 1 changed grade, 0 unchanged.');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('value', '1');
  await expect(panel).toContainText('Every graded attempt is graded under version 2 by the current grader.');
  await expect(panel.getByRole('button', { name: 'Re-grade under version 2' })).toBeDisabled();
  // The versions table counts the attempt under the version it is graded under now, and says so
  // (it said "Each attempt keeps the version it was graded against", which a re-grade contradicts).
  const versions = page.getByRole('region', { name: 'Versions' });
  await expect(versions).not.toContainText('Each attempt keeps the version it was graded against');
  await expect(versions).toContainText('A re-grade moves an attempt to the version it was re-graded under');
  await expect(page.getByTestId('versions-table').locator('tbody tr').nth(0)).toContainText(/v2\s*Practised now\s*Passed\s*1/);
  await expect(page.getByTestId('versions-table').locator('tbody tr').nth(1)).toContainText(/v1\s*Earlier\s*Passed\s*0/);

  // The audit log says who re-graded what.
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-entry').first()).toContainText(new RegExp(`queued 1 past attempt of “Explain how you would migrate a large table \\(${token}\\)[^”]*” for re-grading under version 2`));

  // The candidate sees both results, on the attempt page and in the history.
  await candidate.goto(attemptHref!);
  const note = candidate.getByTestId('regrade-note');
  await expect(note).toContainText('Re-graded under version 2');
  await expect(note).toContainText('Your grade now: 100 / 100, passed.');
  await expect(note).toContainText(`Originally: ${before} / 100, not yet under version 1.`);
  await expect(candidate.getByTestId('attempt-status')).toHaveText('Passed');
  await candidate.goto(questionPath);
  await expect(candidate.getByTestId('attempt-history').getByTestId('regrade-note')).toHaveText(`Re-graded under version 2 (was ${before} / 100)`);
  await expect(candidate.getByTestId('practice-count').first()).toHaveText(practised!);
  await context.close();
});
