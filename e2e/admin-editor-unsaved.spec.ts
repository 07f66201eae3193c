// The question editor and unsaved edits, in Chromium: leaving the page with unsaved edits asks
// first and names the parts (a link in the app, Back, closing the tab), and nothing asks when
// nothing differs from what is saved; "unsaved" means "differs from the last save", so a change
// typed and undone is none. Then unpublishing: the header's badge, the line beside it, the versions
// table and the validation panel agree at once and after a reload.
import { randomUUID } from 'node:crypto';
import { expect, test, type Dialog, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const TOPIC_NAME = 'Production Deployments and Operations';

// Answers every confirmation with `answer.accept` and keeps what each said.
function watchDialogs(page: Page) {
  const seen: { type: string; message: string }[] = [];
  const answer = { accept: false };
  page.on('dialog', (dialog: Dialog) => {
    seen.push({ type: dialog.type(), message: dialog.message() });
    void (answer.accept ? dialog.accept() : dialog.dismiss());
  });
  return { seen, answer };
}

async function createWrittenQuestion(page: Page, token: string): Promise<string> {
  await page.getByLabel('Topic').selectOption({ label: TOPIC_NAME });
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Explain how you would roll back release ${token} safely.`);
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  return page.url();
}

async function deleteQuestion(page: Page) {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions$/);
}

test('leaving with unsaved edits asks first and names them; saved or untouched, nothing asks', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  const questionUrl = await createWrittenQuestion(page, randomUUID().slice(0, 6));
  page.removeAllListeners('dialog');
  const { seen, answer } = watchDialogs(page);

  // Edits in both forms: each names its unsaved parts.
  const prompt = page.getByLabel('Prompt (Markdown)', { exact: true });
  await prompt.fill(`${await prompt.inputValue()} Say what you watch.`);
  await page.getByLabel('Tags (comma-separated)').fill('rollback');
  await page.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true }).fill('Roll back first, then find out why.');
  await expect(page.getByTestId('unsaved-question-parts')).toHaveText('Unsaved changes: prompt and tags.');
  await expect(page.getByTestId('unsaved-material-parts')).toHaveText('Unsaved changes: model answer.');

  // A link in the app asks, naming the parts; staying keeps the page and the edits.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Questions' }).click();
  await expect.poll(() => seen.length).toBe(1);
  expect(seen[0]!.type).toBe('confirm');
  expect(seen[0]!.message).toBe('You have unsaved changes to the question (prompt and tags) and the grading material (model answer). Leave this page and lose them?');
  await expect(page).toHaveURL(questionUrl);
  await expect(page.getByLabel('Tags (comma-separated)')).toHaveValue('rollback');

  // So does Back (to the new-question page, in this same document); staying keeps the address and
  // the edits.
  // The browser's own Back (the step is cancelled, so goBack never sees a navigation).
  const back = page.goBack({ timeout: 5_000 }).catch(() => null);
  await expect.poll(() => seen.length).toBe(2);
  await back;
  expect(seen[1]!.message).toContain('the question (prompt and tags)');
  await expect(page).toHaveURL(questionUrl);
  await expect(page.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true })).toHaveValue('Roll back first, then find out why.');

  // Closing the tab or reloading gets the browser's own prompt.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => seen.length).toBe(3);
  expect(seen[2]!.type).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);

  // Saved (or put back as saved), nothing is unsaved and nothing asks.
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Question saved.' })).toBeVisible();
  await expect(page.getByTestId('unsaved-question-parts')).toHaveCount(0);
  await expect(page.getByTestId('unsaved-material-parts')).toHaveText('Unsaved changes: model answer.');
  // (A written question's material saves once it has a concept; emptied again, it is as saved.)
  await page.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true }).fill('');
  await expect(page.getByTestId('unsaved-material-parts')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page).toHaveURL(/\/admin\/topics$/);
  expect(seen).toHaveLength(3);

  // Nothing changed: a link leaves without a question.
  await page.goto(questionUrl);
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page).toHaveURL(/\/admin\/topics$/);
  expect(seen).toHaveLength(3);

  // Choosing to leave leaves.
  await page.goto(questionUrl);
  await page.getByLabel('Tags (comma-separated)').fill('rollback, canary');
  answer.accept = true;
  await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page).toHaveURL(/\/admin\/topics$/);
  expect(seen).toHaveLength(4);

  await page.goto(questionUrl);
  await expect(page.getByLabel('Tags (comma-separated)')).toHaveValue('rollback');
  page.removeAllListeners('dialog');
  await deleteQuestion(page);
});

test('a change undone, or one the save would not keep, is not unsaved', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await createWrittenQuestion(page, randomUUID().slice(0, 6));
  const questionNote = page.getByTestId('unsaved-question-parts');
  const materialNote = page.getByTestId('unsaved-material-parts');
  const validate = page.getByRole('button', { name: 'Validate', exact: true });

  // Typed and undone.
  const prompt = page.getByLabel('Prompt (Markdown)', { exact: true });
  await prompt.press('End');
  await prompt.pressSequentially('!');
  await expect(questionNote).toHaveText('Unsaved changes: prompt.');
  await prompt.press('Backspace');
  await expect(questionNote).toHaveCount(0);

  // Tags the save would store the same way: trimmed, lower-case, once each.
  const tags = page.getByLabel('Tags (comma-separated)');
  await tags.fill('Rollback, canary');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Question saved.' })).toBeVisible();
  await tags.fill('rollback,canary, canary ');
  await expect(questionNote).toHaveCount(0);
  // Back to what was there before the save is a change from what is saved now.
  await tags.fill('');
  await expect(questionNote).toHaveText('Unsaved changes: tags.');
  await tags.fill('rollback, canary');
  await expect(questionNote).toHaveCount(0);

  // A calibration sample saved, removed and written again the same is no change.
  await page.getByRole('button', { name: 'Add concept' }).click();
  await page.getByLabel('Concept 1 Name', { exact: true }).fill('Roll back first');
  await page.getByLabel('Concept 1 Description (why it matters)').fill('Restore service before finding the cause.');
  await page.getByLabel('Concept 1 Claim 1: phrasings (one per line)').fill('roll back first');
  await page.getByLabel('Concept 1 Follow-up question').fill('When would you roll forward instead?');
  await page.getByRole('button', { name: 'Add calibration sample' }).click();
  await page.getByLabel('Sample 1 Label', { exact: true }).fill('weak');
  await page.getByLabel('Sample 1 Answer', { exact: true }).fill('Restart the servers and hope.');
  await expect(materialNote).toHaveText('Unsaved changes: rubric and calibration samples.');
  await expect(validate).toBeDisabled();
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();
  await expect(materialNote).toHaveCount(0);
  // A sample with an answer in it asks before it goes (e2e/admin-editor-remove.spec.ts).
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove sample 1' }).click();
  await expect(materialNote).toHaveText('Unsaved changes: calibration samples.');
  await page.getByRole('button', { name: 'Add calibration sample' }).click();
  await page.getByLabel('Sample 1 Label', { exact: true }).fill('weak');
  await page.getByLabel('Sample 1 Answer', { exact: true }).fill('Restart the servers and hope.');
  await expect(materialNote).toHaveCount(0);
  // A blank model answer is saved as none, like the empty one.
  await page.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true }).fill('   ');
  await expect(materialNote).toHaveCount(0);
  await expect(validate).toBeEnabled();
  await expect(page.getByText('Save your changes first')).toHaveCount(0);

  await deleteQuestion(page);
});

test('after unpublishing, the badge, the status line, the versions table and the panel agree', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount('admin'), '/admin/questions');
  // A seeded, published question; it is published again at the end.
  const row = page.getByRole('listitem').filter({ has: page.getByText('Published', { exact: true }) }).last();
  const href = await row.getByRole('link').last().getAttribute('href');
  expect(href).toMatch(/^\/admin\/questions\/[0-9a-f-]{36}$/);
  const id = href!.split('/').at(-1)!;
  await page.goto(href!);
  const status = page.getByTestId('question-status');
  await expect(status).toContainText('Published');
  const version = Number((await status.textContent())?.match(/Candidates practise version (\d+)\./)?.[1]);
  expect(version).toBeGreaterThan(0);

  const expectHidden = async () => {
    await expect(status).toContainText('Unpublished');
    await expect(status).toContainText(`Hidden from candidates; version ${version} was the last one they practised.`);
    await expect(status).not.toContainText('Candidates practise');
    await expect(page.getByTestId('versions-table')).not.toContainText('Practised now');
    await expect(page.getByTestId('versions-table')).toContainText('Last published, hidden');
    await expect(page.getByTestId('validation-state').getByText('Published version', { exact: true })).toHaveCount(0);
  };
  try {
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await expect(page.getByText('Unpublished: candidates no longer see this question.')).toBeVisible();
    await expectHidden();
    await page.reload();
    await expectHidden();
  } finally {
    const published = await page.request.post(`/api/admin/questions/${id}/publish`, { headers: { origin: new URL(page.url()).origin } });
    expect(published.status()).toBe(200);
  }
  await page.reload();
  await expect(status).toContainText(`Candidates practise version ${version}.`);
  await expect(page.getByTestId('versions-table')).toContainText('Practised now');
});
