// The hints between a box's label and the box in the material editor (the phrasing syntax, what
// anchor terms do, where the tests come from) are read with the box, and a message after a failed
// save is read after the hint; they were shown but not tied to the box, so a screen reader on the
// box never heard them.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const PHRASING_HINT = 'Alternatives: "roll back|revert", "(small|tiny) share of traffic"; optional words: "(canary )?weight to zero".';

test('hints in the material editor are the description of their box', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/questions?kind=WRITTEN');
  await page.getByTestId('admin-question-list').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit question' })).toBeVisible();

  const phrasings = page.getByLabel('Concept 1 Claim 1: phrasings (one per line)');
  await expect(phrasings).toHaveAccessibleDescription(PHRASING_HINT);
  await expect(page.getByLabel('Concept 1 Anchor terms (optional, one per line)')).toHaveAccessibleDescription('When given, a claim counts only in a sentence that mentions one of these.');

  // With a message, the hint comes first, then the message.
  await phrasings.fill('');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(phrasings).toHaveAttribute('aria-invalid', 'true');
  await expect(phrasings).toHaveAccessibleDescription(`${PHRASING_HINT} List at least one phrasing that states this claim.`);

  // A code question's tests box says where its tests come from.
  await page.goto('/admin/questions?kind=PYTHON');
  await page.getByTestId('admin-question-list').getByRole('link').first().click();
  await expect(page.getByLabel('Tests (harness spec, JSON)')).toHaveAccessibleDescription(/tests of ".+"|This version has its own tests/);
});
