// The question buttons of a mock interview show which questions are answered, to the eye as well
// as to a screen reader: a tick. Only the screen-reader text said so, and a sighted candidate
// found out what was left only when Finish asked.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an answered question gets a tick on its button; an unanswered one does not', async ({ page }) => {
  await signIn(page, createAccount(), '/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  const buttons = page.getByRole('navigation', { name: 'Questions in this mock interview' }).getByRole('button');
  await expect(buttons).toHaveCount(3);
  await expect(buttons.nth(0)).toHaveText('1');
  await expect(buttons.nth(0)).toHaveAccessibleName('1, not answered yet');
  const written = page.getByLabel(/Your answer to question 1/);
  if (await written.count()) await written.fill('A container image is a read-only template of layers; a container is a process using it.');
  else {
    await page.getByTestId('code-editor').locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n# answered\n');
  }
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(buttons.nth(0)).toHaveText('1✓');
  // The tick is for the eye; the name a screen reader hears says it in one phrase (a visually
  // hidden span made it "1 , answered").
  await expect(buttons.nth(0)).toHaveAccessibleName('1, answered');
  await expect(buttons.nth(1)).toHaveAccessibleName('2, not answered yet');
});
