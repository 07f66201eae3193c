// An admin's saves in Chromium when something gets in the way: a second tab on the same topic, an
// impatient second click on "Create draft question", grading material over the server's 1 MB
// request limit, and a save the server never answers. Each ends in one clear outcome and a
// sentence the admin can act on; nothing is silently overwritten, duplicated or left "Saving…".
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const TOPIC_CONFLICT = 'Someone else saved this topic after you opened it. Reload to see their changes; your edits are still in the form.';
const NO_ANSWER = 'The server did not answer this request, so nothing was saved. Your edits are still here: try again in a moment.';

async function newTopic(page: Page, token: string): Promise<string> {
  await page.goto('/admin/topics');
  await page.getByLabel('Name').fill(`Review topic ${token}`);
  await page.getByLabel('Description').fill('Opened in two tabs.');
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page).toHaveURL(/\/admin\/topics\/[0-9a-f-]{36}$/);
  return page.url();
}

async function newQuestion(page: Page, prompt: string, answerKind = 'WRITTEN'): Promise<string> {
  await page.goto('/admin/questions/new');
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(prompt);
  await page.getByLabel('Answer kind').selectOption(answerKind);
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  return page.url();
}

test('a second tab on the same topic cannot silently put back what the first one saved', async ({ page, context }) => {
  const token = randomUUID().slice(0, 8);
  await signIn(page, createAccount('admin'), '/admin/topics');
  const url = await newTopic(page, token);
  const other = await context.newPage();
  await other.goto(url);

  await page.getByLabel('Description').fill('Tab one wrote this description.');
  await page.getByRole('button', { name: 'Save topic' }).click();
  await expect(page.getByText('Topic saved.')).toBeVisible();

  await other.getByLabel('Name').fill(`Tab two ${token}`);
  await other.getByRole('button', { name: 'Save topic' }).click();
  await expect(other.getByText(TOPIC_CONFLICT)).toBeVisible();
  // The refused tab keeps its edit; the first tab's save stands.
  await expect(other.getByLabel('Name')).toHaveValue(`Tab two ${token}`);
  await page.reload();
  await expect(page.getByLabel('Description')).toHaveValue('Tab one wrote this description.');
  await expect(page.getByLabel('Name')).toHaveValue(`Review topic ${token}`);

  // The first tab saves again from its own last save: no conflict with itself.
  await page.getByLabel('Name').fill(`Renamed ${token}`);
  await page.getByRole('button', { name: 'Save topic' }).click();
  await expect(page.getByText('Topic saved.')).toBeVisible();
  await page.getByLabel('Description').fill('And once more.');
  await page.getByRole('button', { name: 'Save topic' }).click();
  await expect(page.getByText('Topic saved.')).toBeVisible();
  await expect(page.getByText(TOPIC_CONFLICT)).toHaveCount(0);
});

test('clicking "Create draft question" again while the new page opens creates one question', async ({ page }) => {
  const token = randomUUID().slice(0, 8);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Impatient admin ${token}: explain blue-green deployments.`);
  // Click whenever the button lets us, as someone who thinks the first click did not take, until
  // the new question's page has replaced the form.
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && page.url().endsWith('/admin/questions/new')) {
    await page
      .evaluate(() => {
        const button = document.querySelector<HTMLButtonElement>('form[aria-label="New question"] button[type=submit]');
        if (button && !button.disabled) button.click();
      })
      .catch(() => undefined);
    await page.waitForTimeout(20);
  }
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  await page.goto(`/admin/questions?q=${token}`);
  await expect(page.getByText('1 question, drafts included')).toBeVisible();
});

test('grading material over the 1 MB request limit is refused with a sentence, not left "Saving…"', async ({ page }) => {
  test.setTimeout(120_000);
  const token = randomUUID().slice(0, 8);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await newQuestion(page, `Large material ${token}: parse the manifests.`, 'PYTHON');
  await page.getByLabel('Harness name').fill('python-canary-verdict');
  await page.getByLabel('Reference solution (must pass every test)').fill('def canary_verdict(*args):\n    return "promote"\n');
  // Each variant is within its own 64 KiB limit; together they are over 1 MB.
  for (let i = 0; i < 18; i++) {
    await page.getByRole('button', { name: 'Add known-bad variant' }).click();
    await page.locator(`#variant-${i}-name`).fill(`variant ${i}`);
    await page.locator(`#variant-${i}-code`).fill('#'.repeat(60_000));
  }
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByText(/The grading material is 1\.\d MB in all; one save can carry at most 1\.0 MB\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save material' })).toBeEnabled();
  await expect(page.locator('#variant-17-code')).toHaveValue('#'.repeat(60_000));
});

test('a save the server never answers says so and keeps the edits', async ({ page }) => {
  const token = randomUUID().slice(0, 8);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await newQuestion(page, `Dropped save ${token}: explain canary releases.`);
  await page.route('**/admin/questions/*', (route) => (route.request().method() === 'POST' && route.request().headers()['next-action'] ? route.abort() : route.fallback()));
  const prompt = page.getByLabel('Prompt (Markdown)', { exact: true });
  await prompt.fill(`Dropped save ${token}: explain canary releases and rollbacks.`);
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByText(NO_ANSWER)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save question' })).toBeEnabled();
  await expect(prompt).toHaveValue(`Dropped save ${token}: explain canary releases and rollbacks.`);
});

test('leaving a topic with unsaved edits asks first, and staying keeps them', async ({ page }) => {
  const token = randomUUID().slice(0, 8);
  await signIn(page, createAccount('admin'), '/admin/topics');
  await newTopic(page, token);
  const description = page.getByLabel('Description');
  await description.fill('Typed, not saved yet.');
  await expect(page.getByTestId('unsaved-topic-parts')).toHaveText('Unsaved changes: description.');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Questions' }).click();
  await expect.poll(() => asked).toBe('You have unsaved changes to the topic (description). Leave this page and lose them?');
  await expect(page).toHaveURL(/\/admin\/topics\/[0-9a-f-]{36}$/);
  await expect(description).toHaveValue('Typed, not saved yet.');
  // Saved, nothing is unsaved: the same link leaves without asking.
  await page.getByRole('button', { name: 'Save topic' }).click();
  await expect(page.getByText('Topic saved.')).toBeVisible();
  await expect(page.getByTestId('unsaved-topic-parts')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Questions' }).click();
  await expect(page).toHaveURL(/\/admin\/questions$/);
});
