import { expect, test } from '@playwright/test';
import { createAccount, signIn, uniqueEmail } from './support/accounts';

const TOPIC = '/topics/production-deployments-and-operations';

test('sign up lifts the gate, sign out brings it back', async ({ page }) => {
  await page.goto(TOPIC);
  const questions = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(questions).toHaveCount(3);
  await page.getByTestId('sign-in-gate').getByRole('link', { name: 'Create an account' }).click();

  const email = uniqueEmail('signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  // Focus moves from the button to the field at fault, which is marked and names its message.
  const password = page.getByLabel(/^Password/);
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('Use at least 8 characters.');

  await page.getByLabel(/^Password/).fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`${TOPIC}$`));
  await expect(page.getByTestId('signed-in-as')).toHaveText(email);
  await expect(questions).toHaveCount(5);
  await expect(page.getByTestId('sign-in-gate')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(TOPIC);
  await expect(questions).toHaveCount(3);
  await expect(page.getByTestId('sign-in-gate')).toBeVisible();

  // Signing up again with the same email says so and links to signing in.
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill('another-long-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('An account with this email already exists. Sign in instead');
  await page.locator('form').getByRole('link', { name: 'Sign in instead' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test('a question beyond the preview sends a visitor to sign in, says why, and back', async ({ page }) => {
  const account = createAccount();
  await page.goto('/questions/describe-feature-flags-feature-toggles-decouple');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fquestions%2Fdescribe-feature-flags-feature-toggles-decouple&reason=locked-question$/);
  await expect(page.getByTestId('sign-in-reason')).toContainText('This question is for members.');
  await expect(page.getByTestId('sign-in-reason').getByRole('link', { name: 'create a free account' })).toHaveAttribute(
    'href',
    '/sign-up?callbackUrl=%2Fquestions%2Fdescribe-feature-flags-feature-toggles-decouple',
  );
  await page.getByLabel('Email').fill(account.email.toUpperCase());
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/questions\/describe-feature-flags-feature-toggles-decouple$/);
  await expect(page.getByTestId('question-prompt')).toContainText('feature flags');
});

test("a locked question's redirect does not quote its members-only prompt", async ({ request }) => {
  const response = await request.get('/questions/describe-feature-flags-feature-toggles-decouple', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const body = await response.text();
  expect(body).toContain('<title>Sign in to see this question · Rehearse</title>');
  expect(body.toLowerCase()).not.toContain('feature toggles');
});

test('a wrong password and an unknown email get the same generic message', async ({ page }) => {
  const account = createAccount();
  for (const attempt of [
    { email: account.email, password: 'not-the-password' },
    { email: uniqueEmail('nobody'), password: 'whatever-password' },
  ]) {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(attempt.email);
    await page.getByLabel('Password').fill(attempt.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
    // Not about one field: focus goes to the message.
    await expect(page.locator('form').getByRole('alert')).toBeFocused();
  }
});

test('an empty sign-in form says what is missing, not "Wrong email or password."', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email.');
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription('Enter your password.');
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByText('Wrong email or password.')).toHaveCount(0);
});

test('a dropped connection ends the wait with a message instead of a form stuck on its spinner', async ({ page }) => {
  await page.route('**/api/auth/register', (route) => route.abort('internetdisconnected'));
  await page.goto('/sign-up');
  await page.getByLabel('Email').fill(uniqueEmail('offline'));
  await page.getByLabel(/^Password/).fill('a-long-enough-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('Could not create the account. Please try again.');
  await expect(page.getByRole('button', { name: 'Create account' })).toBeEnabled();

  const account = createAccount();
  await page.route('**/api/auth/callback/credentials**', (route) => route.abort('internetdisconnected'));
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('Could not reach Rehearse. Check your connection and try again.');
});

test('a candidate opening an admin page is refused; an admin gets in', async ({ page }) => {
  await signIn(page, createAccount('candidate'));
  const refused = await page.goto('/admin');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signIn(page, createAccount('admin'));
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
});
