// A refused answer ("Write an answer before submitting.") is tied to the box it is about: the
// textarea or the code editor is aria-invalid and described by the message (as well as by what
// described it before) while the message shows, and no longer once an answer goes through.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an empty written answer marks the answer box invalid and describes it with the message', async ({ page }) => {
  await signIn(page, createAccount(), '/questions/explain-canary-releases-contrast-blue-green');
  const box = page.getByLabel(/Your answer/);
  await expect(box).not.toHaveAttribute('aria-invalid');
  await box.fill('   ');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.locator('#submit-error')).toHaveText('Write an answer before submitting.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  // The word count (against the minimum to be graded), as in the mock interview, then the size.
  await expect(box).toHaveAttribute('aria-describedby', 'answer-words answer-count submit-error');
  await expect(box).toHaveAccessibleDescription(/0 words \(at least 20 to be graded\).*characters.*Write an answer before submitting\./);
});

test('an empty code answer marks the editor invalid and keeps its keyboard help in the description', async ({ page }) => {
  await signIn(page, createAccount(), '/questions/write-bash-script-pulls-specified-docker');
  const content = page.getByTestId('code-editor').locator('.cm-content');
  await expect(content).toHaveAttribute('aria-describedby', 'code-editor-help');
  await expect(content).not.toHaveAttribute('aria-invalid');
  await content.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.locator('#submit-error')).toHaveText('Write an answer before submitting.');
  await expect(content).toHaveAttribute('aria-invalid', 'true');
  await expect(content).toHaveAttribute('aria-describedby', 'code-editor-help submit-error');
  await expect(content).toHaveAccessibleDescription(/Escape, then Tab.*Write an answer before submitting\./);
});
