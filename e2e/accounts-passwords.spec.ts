// Password journeys: a candidate changes their password (their other browser is signed out); an
// admin issues a one-time reset link that works once in a fresh browser; "Forgot password?" sends
// a link through a real SMTP server started by this test.
import { expect, test, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { createAccount, signIn } from './support/accounts';
import { E2E_SMTP_PORT } from './support/test-server';

const signInWith = async (page: Page, email: string, password: string) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

test('a candidate changes their password; their other session ends', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const account = createAccount('candidate');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account, '/');
  await signIn(page, account, '/');
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel(/New password/).fill('a-brand-new-password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('That is not your current password.')).toBeVisible();
  await expect(page.getByLabel('Current password')).toBeFocused();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription('That is not your current password.');

  await page.getByLabel('Current password').fill(account.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status')).toHaveText('Password changed. Every other session was signed out.');
  // The button was disabled while changing; focus goes to the confirmation, not back to <body>.
  await expect(page.getByRole('status')).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveText(account.email);

  await otherPage.reload();
  await expect(otherPage.getByTestId('signed-in-as')).toHaveCount(0);
  await signInWith(otherPage, account.email, 'a-brand-new-password');
  await expect(otherPage.getByTestId('signed-in-as')).toHaveText(account.email);
  await other.close();
});

test('an admin issues a one-time reset link that works once in a fresh browser', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = createAccount('admin');
  const candidate = createAccount('candidate');
  await signIn(page, admin, '/admin/users');
  await page.getByLabel('Search', { exact: true }).fill(candidate.email);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: `Reset link: ${candidate.email}` }).click();
  const link = await page.getByLabel(`Reset link for ${candidate.email}`).inputValue();
  expect(link).toMatch(/\/reset-password\?token=[A-Za-z0-9_-]{43}$/);

  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await freshPage.goto(link);
  await freshPage.getByLabel(/New password/).fill('reset-by-admin-link');
  await freshPage.getByRole('button', { name: 'Set new password' }).click();
  await expect(freshPage.getByRole('status')).toContainText(`as ${candidate.email} with the new password`);
  // The form (its button with it) gave way to the confirmation, which has the focus, not <body>.
  await expect(freshPage.getByRole('status')).toBeFocused();
  await signInWith(freshPage, candidate.email, 'reset-by-admin-link');
  await expect(freshPage.getByTestId('signed-in-as')).toHaveText(candidate.email);

  // Shown once, used once.
  await freshPage.goto(link);
  await freshPage.getByLabel(/New password/).fill('second-use-of-link');
  await freshPage.getByRole('button', { name: 'Set new password' }).click();
  // A spent link is a dead end no password can get past: the form goes, the message has the
  // focus, and it links to a new reset link.
  const dead = freshPage.getByRole('alert').filter({ hasText: 'This reset link' });
  await expect(dead).toContainText('This reset link is invalid, was already used or has expired. Ask for a new one.');
  await expect(dead).toBeFocused();
  await expect(freshPage.getByLabel(/New password/)).toHaveCount(0);
  await dead.getByRole('link', { name: 'Get a new reset link' }).click();
  await expect(freshPage.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Reset link for ${candidate.email}`)).toHaveCount(0);
  await fresh.close();
});

test('"Forgot password?" emails a reset link through SMTP', async ({ page }) => {
  test.setTimeout(180_000);
  const account = createAccount('candidate');
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(E2E_SMTP_PORT, '127.0.0.1', resolve));
  try {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    // The sign-in page has an Email field too: wait for the client navigation to land first.
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeVisible();
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account uses that email, a reset link is on its way.');
    await expect.poll(() => mails.length, { timeout: 15_000 }).toBe(1);
    expect(mails[0]).toContain(`To: ${account.email}`);
    const link = mails[0]!.match(/http:\/\/127\.0\.0\.1:\d+\/reset-password\?token=[A-Za-z0-9_-]{43}/)?.[0];
    expect(link).toBeDefined();

    // An unknown email gets the same answer and no mail.
    await page.getByLabel('Email').fill('nobody-here@example.test');
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account uses that email, a reset link is on its way.');

    await page.goto(link!);
    await page.getByLabel(/New password/).fill('reset-through-email');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('status')).toContainText('Your password was changed');
    await signInWith(page, account.email, 'reset-through-email');
    await expect(page.getByTestId('signed-in-as')).toHaveText(account.email);
    expect(mails).toHaveLength(1);
  } finally {
    await new Promise<void>((resolve) => smtp.close(resolve));
  }
});
