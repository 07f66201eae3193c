// A mock interview: pick a topic and a length, answer three questions under a visible, announced
// clock, finish, and read one report; and a second one left to time out, whose answers so far are
// submitted by the page (the browser's clock is fast-forwarded).
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

async function start(page: Page) {
  await page.goto('/mock');
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
  await expect(page.getByRole('status').filter({ hasText: 'Mock interview started' })).toHaveText('Mock interview started: 3 questions in 15 minutes.');
}

async function answerCurrent(page: Page) {
  const written = page.getByLabel(/Your answer to question/);
  if (await written.count()) {
    await written.fill(ANSWER);
    // The practice page's size counter, against the same submission limit.
    await expect(page.getByTestId('answer-count')).toHaveText(`${ANSWER.length} / 20,000 characters`);
    await expect(written).toHaveAccessibleDescription(new RegExp(`${ANSWER.length} / 20,000 characters`));
    return;
  }
  // A code question: something added to the starter code (untouched starter code is no answer).
  await page.getByTestId('code-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n# checked under the clock\n');
  await expect(page.getByTestId('answer-count')).toHaveText(/^[\d,]+ \/ 65,536 bytes$/);
}

test('a three-question mock interview to its report', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, createAccount(), '/');
  await start(page);
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole('heading', { name: new RegExp(`Question ${i} of 3`) })).toBeVisible();
    await answerCurrent(page);
    if (i < 3) await page.getByRole('button', { name: 'Next question' }).click();
  }
  // Each question's button says whether it is answered, in one phrase.
  const nav = page.getByRole('navigation', { name: 'Questions in this mock interview' });
  await expect(nav.getByRole('button', { name: '1, answered', exact: true })).toBeVisible();
  await expect(nav.getByRole('button', { name: '3, answered', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Finish and get my report' }).click();
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mock-row')).toHaveCount(3);
  await expect(page.getByTestId('mock-overall')).toHaveText(/Overall score: \d+ out of 100\./, { timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'What to review' })).toBeVisible();
  // Every answer is an ordinary attempt with its own page.
  const open = page.getByRole('link', { name: 'Open this answer and its feedback' });
  await expect(open).toHaveCount(3);
  await open.first().click();
  await expect(page).toHaveURL(/\/attempts\//);
  // The report can be found again from /mock once left.
  await page.goto('/mock');
  const past = page.getByRole('region', { name: 'Past interviews' });
  await expect(past.getByRole('link')).toHaveCount(1);
  await expect(past).toContainText('(report)');
  await past.getByRole('link').click();
  await expect(page.getByTestId('mock-report')).toBeVisible();
});

test('finishing with questions unanswered asks first, and "Keep answering" keeps the interview going', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), '/');
  await start(page);
  await answerCurrent(page);
  const finish = page.getByRole('button', { name: 'Finish and get my report' });
  await finish.click();
  const confirm = page.getByRole('group', { name: /unanswered/ });
  await expect(confirm).toHaveText(/^2 questions are unanswered and will score 0: questions 2 and 3\. Finish anyway\?/);
  await expect(page.getByText('2 questions are unanswered and will score 0: questions 2 and 3. Finish anyway?')).toBeFocused();
  await expect(finish).toHaveCount(0);
  // "Keep answering" (from the keyboard) goes to the first unanswered question; nothing was submitted.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Keep answering' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Question 2 of 3/ })).toBeFocused();
  await expect(page.getByTestId('mock-report')).toHaveCount(0);
  await expect(page.getByRole('timer')).toBeVisible();
  // Escape is "Keep answering" too; with one more answered, it names the one left.
  await answerCurrent(page);
  await finish.click();
  await expect(confirm).toHaveText(/^1 question is unanswered and will score 0: question 3\./);
  // The question takes focus a frame after it shows (the Finish button it replaced had it): a key
  // pressed before lands on <body>, as no person could press one that fast.
  await expect(confirm.getByText(/^1 question is unanswered/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Question 3 of 3/ })).toBeFocused();
  await finish.click();
  await confirm.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mock-row-score').filter({ hasText: 'Not answered' })).toHaveCount(1);
});

test('at time-out the answers so far are submitted and the report shows', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), '/');
  await page.clock.install();
  await start(page);
  await answerCurrent(page);
  await page.clock.fastForward('15:30');
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mock-row-score').filter({ hasText: 'Not answered' })).toHaveCount(2);
});

test('an interview left open is listed on /mock to continue, and a fourth at once is refused with why', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount(), '/');
  for (let i = 0; i < 3; i++) await start(page);
  await page.goto('/mock');
  const inProgress = page.getByRole('region', { name: 'In progress' });
  await expect(inProgress.getByRole('link')).toHaveCount(3);
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  await expect(page.getByText(/^You have 3 mock interviews in progress\. Finish one/)).toBeVisible();
  await inProgress.getByRole('link').first().click();
  await expect(page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);
});

test("with this browser's storage turned off, a failed finish says the answers are only on the page, and finishing brings the report (it stayed on 'finishing')", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await signIn(page, createAccount(), '/');
  await start(page);
  await answerCurrent(page);
  // The first finish meets a busy server: the page must not promise what this browser cannot keep.
  const FINISH = '**/api/mock-sessions/*/finish';
  await page.route(FINISH, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'Grading is busy right now.' }) }));
  await page.getByRole('button', { name: 'Finish and get my report' }).click();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByText('Grading is busy right now. Your answers are only on this page (this browser is not keeping them): press Finish to try again, and do not leave or reload the page meanwhile.')).toBeVisible();
  await page.unroute(FINISH);
  // The question about the unanswered ones stays open, so trying again is the same button.
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await expect(page.getByTestId('mock-report')).toBeVisible({ timeout: 30_000 });
});
