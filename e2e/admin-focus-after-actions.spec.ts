// Keyboard-only admin work: a button that disables itself while it works (Save, Validate, Publish,
// Make admin, Reset link) used to drop focus to <body>, sending a keyboard or screen-reader user
// back to the top of a long page after every action. Focus now comes back to the button, or, when
// the button is gone (Publish on the live version), to the message saying what happened; a new
// reset link takes focus, selected, and Copy says whether it copied.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const STRONG = 'A rolling update replaces pods gradually, a few at a time, so the service keeps serving while the new version comes up.';
const WEAK = 'I would restart every server at once and hope for the best.';

// Presses Enter on the control, as a keyboard user does.
async function press(page: Page, name: string | RegExp) {
  const control = page.getByRole('button', { name, exact: typeof name === 'string' });
  await control.focus();
  await page.keyboard.press('Enter');
}

test('focus stays with the admin after saving, validating, publishing and changing an account', async ({ page, context }) => {
  test.setTimeout(150_000);
  const token = randomUUID().slice(0, 6);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Explain what a rolling update is (${token}) and when you would pick a canary release instead.`);
  await page.getByLabel('Answer kind').selectOption('WRITTEN');
  await press(page, 'Create draft question');
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);

  // Save question: the button is back in focus once saved.
  await page.getByLabel('Tags (comma-separated)').fill('rollouts');
  await press(page, 'Save question');
  await expect(page.getByRole('status').filter({ hasText: 'Question saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save question' })).toBeFocused();

  // Save material.
  await page.getByRole('button', { name: 'Add concept' }).click();
  await page.getByLabel('Concept 1 Name', { exact: true }).fill('Rolling update');
  await page.getByLabel('Concept 1 Description (why it matters)').fill('Instances are replaced gradually.');
  await page.getByLabel('Concept 1 Follow-up question').fill('What does maxSurge control?');
  await page.getByLabel('Concept 1 Claim 1: statement').fill('A rolling update replaces instances a few at a time.');
  await page.getByLabel('Concept 1 Claim 1: phrasings (one per line)').fill('replaces (pods|instances) (gradually|a few at a time)');
  for (const [n, s] of [[1, { label: 'strong', min: 60, max: 100, answer: STRONG }], [2, { label: 'weak', min: 0, max: 30, answer: WEAK }]] as const) {
    await page.getByRole('button', { name: 'Add calibration sample' }).click();
    await page.getByLabel(`Sample ${n} Label`).fill(s.label);
    await page.getByLabel(`Sample ${n} Lowest expected score`).fill(String(s.min));
    await page.getByLabel(`Sample ${n} Highest expected score`).fill(String(s.max));
    await page.getByLabel(`Sample ${n} Answer`, { exact: true }).fill(s.answer);
  }
  await press(page, 'Save material');
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save material' })).toBeFocused();

  // Validate: back on Validate, with the outcome above it.
  await press(page, 'Validate');
  await expect(page.getByTestId('validation-state')).toContainText('Validation passed');
  await expect(page.getByRole('button', { name: 'Validate', exact: true })).toBeFocused();

  // Publish: the button goes (the version is live); the confirmation takes focus.
  await press(page, 'Publish');
  const published = page.locator('#validation-message');
  await expect(published).toContainText('Published version 1');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  await expect(published).toBeFocused();

  // Editing the published version makes version 2: the editor starts again, and its Save button
  // has the focus.
  await page.getByLabel('Concept 1 Follow-up question').fill('What do maxSurge and maxUnavailable control?');
  await press(page, 'Save material');
  await expect(page.getByRole('status').filter({ hasText: 'Saved as draft version 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Grading material — version 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save material' })).toBeFocused();

  // Users: the pressed button keeps focus though its label changes.
  const candidate = createAccount('candidate');
  await page.goto(`/admin/users?q=${encodeURIComponent(candidate.email)}`);
  page.once('dialog', (dialog) => dialog.accept());
  await press(page, `Make admin: ${candidate.email}`);
  await expect(page.getByRole('button', { name: `Make candidate: ${candidate.email}` })).toBeFocused();

  // A reset link takes focus, selected to copy; Copy says that it copied.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await press(page, `Reset link: ${candidate.email}`);
  const link = page.getByRole('textbox', { name: `Reset link for ${candidate.email}` });
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  expect(await link.evaluate((box: HTMLInputElement) => box.value.slice(box.selectionStart ?? 0, box.selectionEnd ?? 0))).toBe(url);
  await press(page, `Copy link: ${candidate.email}`);
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});
