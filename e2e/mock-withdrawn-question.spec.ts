// A question withdrawn while a candidate is in a mock interview (docs/decisions/013): it stays in
// the interview they began, with a clear note that its answer will be kept but not graded or
// scored, and the report keeps that answer as withdrawn. The seeded question is published again at
// the end.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

test('a question unpublished mid-interview says its answer will not be graded', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, createAccount(), '/');
  await page.goto('/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await expect(page.getByTestId('mock-withdrawn')).toHaveCount(0);
  const promptStart = ((await page.getByTestId('mock-prompt').innerText()).split('\n')[0] ?? '').split(/\s+/).slice(0, 6).join(' ');

  // An admin unpublishes the first question.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, createAccount('admin'), '/admin/questions');
  await admin.goto(`/admin/questions?q=${encodeURIComponent(promptStart)}`);
  const href = await admin.locator('a[href^="/admin/questions/"]').filter({ hasText: promptStart.slice(0, 20) }).first().getAttribute('href');
  const id = href!.split('/').at(-1)!;
  await admin.goto(href!);
  try {
    await admin.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await expect(admin.getByText('Unpublished: candidates no longer see this question.')).toBeVisible();

    // The candidate's page, reloaded: the question is still there, and says what will happen.
    await page.reload();
    await expect(page.getByTestId('mock-prompt')).toContainText(promptStart);
    await expect(page.getByTestId('mock-withdrawn')).toHaveText(
      'This question was withdrawn after your interview started. Your answer to it is kept in your report but not graded, and it does not count toward your score.',
    );
    await expect(page.getByRole('button', { name: /^1\b.*, withdrawn$/ })).toBeVisible();
    const written = page.getByLabel(/Your answer to question 1/);
    if (await written.count()) await written.fill(ANSWER);
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect(page.getByTestId('mock-withdrawn')).toHaveCount(0);
    await page.getByRole('button', { name: 'Finish and get my report' }).click();
    // Questions 2 and 3 unanswered; the withdrawn one is not counted as scoring 0.
    await expect(page.getByTestId('mock-finish-confirm')).toContainText('2 questions are unanswered and will score 0: questions 2 and 3.');
    await page.getByRole('button', { name: 'Finish anyway' }).click();
    await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  } finally {
    const published = await admin.request.post(`/api/admin/questions/${id}/publish`, { headers: { origin: new URL(admin.url()).origin } });
    expect(published.status()).toBe(200);
    await adminContext.close();
  }
});
