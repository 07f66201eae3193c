// A question withdrawn while a candidate is in a mock interview (docs/decisions/013): it stays in
// the interview they began, with a clear note that its answer will be kept but not graded or
// scored, and the report keeps that answer as withdrawn. The interview is on a topic of the test's
// own (copies of three written seed questions): withdrawing a shared question raced the specs
// running beside it, whose own questions and mocks it could withdraw, and whose drafts could stop
// it being published again. The topic is deleted at the end.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { deleteTopic, importTopicCopy, topicBundleCopy } from './support/topics';

const SEED_TOPIC = 'production-deployments-and-operations';
const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

test('a question unpublished mid-interview says its answer will not be graded', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, createAccount('admin'), '/admin');
  const slug = `withdrawn-${randomUUID().slice(0, 6)}`;
  // Last in the topic lists, so specs that take the first topic never get this one.
  const name = `Zz withdrawn ${slug}`;
  const bundle = await topicBundleCopy(admin, SEED_TOPIC, { slug, name, pick: (questions) => questions.filter((q) => q.answerKind === 'WRITTEN' && q.published).slice(0, 3) });
  expect(bundle.questions).toHaveLength(3);
  await importTopicCopy(admin, bundle);
  try {
    await signIn(page, createAccount(), '/');
    await page.goto('/mock');
    await page.getByLabel('Topic').selectOption({ label: `${name} (3 questions)` });
    await page.getByLabel('Short: 3 questions in 15 minutes').check();
    await page.getByRole('button', { name: 'Start the mock interview' }).click();
    await expect(page.getByRole('timer')).toBeVisible();
    await expect(page.getByTestId('mock-withdrawn')).toHaveCount(0);
    const promptStart = ((await page.getByTestId('mock-prompt').innerText()).split('\n')[0] ?? '').split(/\s+/).slice(0, 6).join(' ');

    // An admin unpublishes the first question.
    await admin.goto(`/admin/questions?topic=${slug}&q=${encodeURIComponent(promptStart)}`);
    await admin.locator('a[href^="/admin/questions/"]').filter({ hasText: promptStart.slice(0, 20) }).first().click();
    await admin.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await expect(admin.getByText('Unpublished: candidates no longer see this question.')).toBeVisible();

    // The candidate's page, reloaded: the question is still there, and says what will happen.
    await page.reload();
    await expect(page.getByTestId('mock-prompt')).toContainText(promptStart);
    await expect(page.getByTestId('mock-withdrawn')).toHaveText(
      'This question was withdrawn after your interview started. Your answer to it is kept in your report but not graded, and it does not count toward your score.',
    );
    await expect(page.getByRole('button', { name: /^1\b.*, withdrawn$/ })).toBeVisible();
    await page.getByLabel(/Your answer to question 1/).fill(ANSWER);
    await page.getByRole('button', { name: 'Next question' }).click();
    await expect(page.getByTestId('mock-withdrawn')).toHaveCount(0);
    await page.getByRole('button', { name: 'Finish and get my report' }).click();
    // Questions 2 and 3 unanswered; the withdrawn one is not counted as scoring 0.
    await expect(page.getByTestId('mock-finish-confirm')).toContainText('2 questions are unanswered and will score 0: questions 2 and 3.');
    await page.getByRole('button', { name: 'Finish anyway' }).click();
    await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  } finally {
    await deleteTopic(admin, name);
    await adminContext.close();
  }
});
