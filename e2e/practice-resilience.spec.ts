// The practice page when things go wrong around a submit: the network or the web server dropping
// while a grading is pending, a session that ends, an answer pasted far over the limit, a second
// tab, a double press. The aim: nothing the candidate wrote or submitted is lost, and every
// trouble ends in a clear message, never in a spinner that turns for ever.
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const WRITTEN = '/questions/explain-canary-releases-contrast-blue-green';
const ANSWER = `A canary release sends a small share of production traffic, say 5%, to the new version while the
rest stays on the old one. We compare error rates and latency, and roll back if the canary looks worse.`;

const answerBox = (page: Page) => page.getByRole('textbox', { name: /Your answer/ });
// Every GET /api/attempts/<id>, the long-poll for the result among them.
const ATTEMPT_READS = '**/api/attempts/*';

test('the connection drops while grading (the web server restarting): the page says so, keeps trying and shows the result once back', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  let down = true;
  let failed = 0;
  // What the browser sees while the web server restarts: refused connections, resets, a proxy's 502.
  const failures = [() => 'connectionrefused', () => 'connectionreset', () => 502] as const;
  await page.route(ATTEMPT_READS, (route) => {
    if (!down) return route.continue();
    const next = failures[failed++ % failures.length]!();
    return typeof next === 'number' ? route.fulfill({ status: next, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' }) : route.abort(next);
  });
  await answerBox(page).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();

  const dropped = page.getByRole('alert').filter({ hasText: 'The connection dropped while your answer was being graded. Your answer is saved' });
  await expect(dropped).toBeVisible();
  await expect(page.getByTestId('attempt-pending')).toBeVisible();
  // Longer than a restart of the app takes, and longer than the page used to keep trying.
  await page.waitForTimeout(12_000);
  await expect(page.getByTestId('attempt-result')).toHaveCount(0);
  expect(failed).toBeGreaterThan(3);

  down = false;
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  await expect(dropped).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit answer' })).toBeEnabled();
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
});

test('an attempt the server no longer knows ends in a message and a usable form, not a spinner', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await page.route(ATTEMPT_READS, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: 'Attempt not found.' }) }));
  await answerBox(page).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Lost track of your attempt. Reload the page to see your attempts.' })).toBeVisible();
  await expect(page.getByTestId('attempt-pending')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit answer' })).toBeEnabled();
  await expect(answerBox(page)).toBeEditable();
});

test('the session ends while grading: no spinner for ever, a way to sign in, and the result after it', async ({ page, context }) => {
  const account = createAccount();
  await signIn(page, account, WRITTEN);
  // The session ends (signed out elsewhere, expired) just as the page asks for the result.
  await page.route(ATTEMPT_READS, async (route) => {
    await context.clearCookies();
    return route.continue();
  });
  await answerBox(page).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const ended = page.getByTestId('session-ended');
  await expect(ended).toHaveText('Your session has ended. Your answer is saved and is being graded. Sign in again to see the result.');
  await expect(page.getByTestId('attempt-pending')).toHaveCount(0);
  const attemptUrl = page.url();
  expect(attemptUrl).toMatch(/\?attempt=[0-9a-f-]{36}$/);

  await page.unroute(ATTEMPT_READS);
  await ended.getByRole('link', { name: 'Sign in again' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(attemptUrl);
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
});

test('the session ends while typing: the answer is not lost, the message says so and signing in comes back to it', async ({ page, context }) => {
  const account = createAccount();
  await signIn(page, account, WRITTEN);
  await answerBox(page).fill(ANSWER);
  await context.clearCookies();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const ended = page.getByTestId('session-ended');
  await expect(ended).toHaveText('Your session has ended. Your answer was not sent; it is kept in this browser. Sign in again and submit it.');
  await expect(ended).toBeFocused();

  await ended.getByRole('link', { name: 'Sign in again' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(WRITTEN);
  await expect(answerBox(page)).toHaveValue(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
});

test('an answer pasted far over the limit is refused in words about its length, before anything is sent', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/attempts')) posts++;
  });
  // A pasted log: larger than any request body the API reads (256 KB).
  const huge = 'canary rollout latency error budget '.repeat(10_000);
  await answerBox(page).fill(huge);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const alert = page.locator('#submit-error');
  await expect(alert).toHaveText(`Your answer is ${huge.length.toLocaleString('en-US')} characters; the limit is 20,000. Shorten it and submit again.`);
  await expect(answerBox(page)).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toBe(0);
  await expect(answerBox(page)).toHaveValue(huge);
});

test('a second tab on the same question keeps its own unsent draft when the first tab submits', async ({ page, context }) => {
  await signIn(page, createAccount(), WRITTEN);
  const other = await context.newPage();
  await other.goto(WRITTEN);
  await answerBox(page).fill(ANSWER);
  // Typed in the second tab after the first tab's answer: the newest unsent text on this question.
  await answerBox(other).fill('An unsent draft in the second tab: canaries shift a slice of traffic first.');
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  // The second tab is closed (or crashes) and the question is opened again: its draft is there.
  await other.close();
  const again = await context.newPage();
  await again.goto(WRITTEN);
  await expect(answerBox(again)).toHaveValue('An unsent draft in the second tab: canaries shift a slice of traffic first.');
});

test('pressing submit again while the answer is still being accepted sends it once', async ({ page }) => {
  // The server's answer arrives in two parts, headers then body, with a pause between (a slow
  // network): the form must stay "Submitting…" until the attempt is known.
  await page.addInitScript(() => {
    const real = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await real(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method !== 'POST' || !url.endsWith('/api/attempts')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const body = new ReadableStream({
        async start(controller) {
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          controller.enqueue(bytes);
          controller.close();
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
  });
  await signIn(page, createAccount(), WRITTEN);
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/attempts')) posts++;
  });
  await answerBox(page).fill(ANSWER);
  const accepted = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/api/attempts'));
  await page.getByRole('button', { name: 'Submit answer' }).click();
  // The headers are in (the attempt is stored); its body, with the attempt's id, is still coming.
  await accepted;
  await expect(page.getByRole('button', { name: 'Submitting…' })).toBeDisabled();
  await answerBox(page).press('Control+Enter');
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  expect(posts).toBe(1);
});

test('a submit that fails on the way (network, server error) keeps the answer, says so and can be sent again', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  const outcomes = [(route: Parameters<Parameters<Page['route']>[1]>[0]) => route.abort('internetdisconnected'), (route: Parameters<Parameters<Page['route']>[1]>[0]) => route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' })];
  let post = 0;
  await page.route('**/api/attempts', (route) => (route.request().method() === 'POST' && post < outcomes.length ? outcomes[post++]!(route) : route.continue()));
  await answerBox(page).fill(ANSWER);
  for (let i = 0; i < outcomes.length; i++) {
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect(page.locator('#submit-error')).toHaveText('Could not submit your answer. Please try again.');
    await expect(page.getByRole('button', { name: 'Submit answer' })).toBeEnabled();
  }
  await page.reload();
  await expect(answerBox(page)).toHaveValue(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
});

test('an unsent draft belongs to its account: the next person to sign in on this browser does not see it, its author does', async ({ page }) => {
  const author = createAccount();
  const next = createAccount();
  await signIn(page, author, WRITTEN);
  await answerBox(page).fill(ANSWER);
  // Leaving a page with unsent text asks first; the author means it.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await signIn(page, next, WRITTEN);
  await expect(page.getByTestId('practice-loading')).toHaveCount(0);
  await expect(answerBox(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await signIn(page, author, WRITTEN);
  await expect(answerBox(page)).toHaveValue(ANSWER);
});

const CODE_QUESTION = '/questions/write-bash-script-pulls-specified-docker';
const codeEditor = (page: Page) => page.getByTestId('code-editor').locator('.cm-content');

async function typeCode(page: Page, source: string) {
  await codeEditor(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
}

test('with this browser’s storage full, the page still works, and an ended session does not promise the answer is kept', async ({ page, context }) => {
  // What a browser does when the origin's storage quota is used up: every write throws.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await signIn(page, createAccount(), WRITTEN);
  await answerBox(page).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });

  await answerBox(page).fill(`${ANSWER} A second, unsent thought.`);
  await context.clearCookies();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('session-ended')).toHaveText(
    'Your session has ended. Your answer was not sent, and this browser cannot keep it (its storage is full or turned off): copy it somewhere before you leave this page. Sign in again and submit it.',
  );
  await expect(answerBox(page)).toHaveValue(`${ANSWER} A second, unsent thought.`);
});

test('with this browser’s storage turned off (reading it throws, as when site data is blocked), the page works and says the answer is not kept', async ({ page, context }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, createAccount(), WRITTEN);
  await answerBox(page).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('attempt-result')).toBeVisible();
  await answerBox(page).fill(`${ANSWER} Another thought.`);
  await context.clearCookies();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('session-ended')).toContainText('this browser cannot keep it (its storage is full or turned off)');
  expect(errors).toEqual([]);
});

test('the session ends before a run: the code was not run, it is kept, and signing in comes back to it', async ({ page, context }) => {
  const account = createAccount();
  await signIn(page, account, CODE_QUESTION);
  await typeCode(page, '#!/usr/bin/env bash\necho "a draft run after the session ended"\n');
  await context.clearCookies();
  await page.getByRole('button', { name: 'Run visible tests' }).click();
  const ended = page.getByTestId('session-ended');
  await expect(ended).toHaveText('Your session has ended. Your Bash script was not run; it is kept in this browser. Sign in again and run it.');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await ended.getByRole('link', { name: 'Sign in again' }).click();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(CODE_QUESTION);
  await expect(page.getByTestId('code-editor')).toContainText('a draft run after the session ended');
});

test('code pasted far over the limit is refused in words about its size before a run sends it', async ({ page }) => {
  await signIn(page, createAccount(), CODE_QUESTION);
  let runs = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/runs')) runs++;
  });
  // Larger than any request body the API reads (256 KB).
  const huge = `#!/usr/bin/env bash\n${'echo "pasted log line that goes on and on"\n'.repeat(8_000)}`;
  // Pasted, as such a log arrives (typing it in would take minutes).
  await codeEditor(page).click();
  await page.keyboard.press('Control+A');
  await codeEditor(page).evaluate((editor, text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, huge);
  await expect(page.getByTestId('code-editor')).toContainText('pasted log line that goes on and on');
  await page.getByRole('button', { name: 'Run visible tests' }).click();
  const bytes = new TextEncoder().encode(huge).length;
  await expect(page.locator('#submit-error')).toHaveText(`Your code is ${bytes.toLocaleString('en-US')} bytes; the limit is 65,536 bytes (64 KiB). Shorten it and submit again.`);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  expect(runs).toBe(0);
});

// A question's id, as the drafts of this browser are keyed.
async function questionId(page: Page, slug: string): Promise<string> {
  const { topics } = (await (await page.request.get('/api/topics')).json()) as { topics: { slug: string }[] };
  for (const topic of topics) {
    for (let n = 1; ; n++) {
      const body = (await (await page.request.get(`/api/questions?topic=${topic.slug}&page=${n}`)).json()) as { questions: { id: string; slug: string }[] };
      const found = body.questions.find((q) => q.slug === slug);
      if (found) return found.id;
      if (body.questions.length < 50) break;
    }
  }
  throw new Error(`no question ${slug}`);
}

test('drafts stored before drafts had an owner go to one account: the one that opened a question first after the upgrade, never the next person', async ({ page }) => {
  const author = createAccount();
  const next = createAccount();
  const canary = await questionId(page, WRITTEN.split('/').pop()!);
  // An unsent answer on the canary question, stored by the version before drafts had an owner.
  await page.goto('/');
  await page.evaluate(([key, text]) => window.localStorage.setItem(key!, text!), [`rehearse:draft:${canary}`, ANSWER]);

  // Its author, still signed in across the upgrade, opens another question first, then signs out.
  await signIn(page, author, CODE_QUESTION);
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await expect(page.getByTestId('practice-loading')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  // The next person on this browser opens the canary question: the old draft is not theirs.
  await signIn(page, next, WRITTEN);
  await expect(page.getByTestId('practice-loading')).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(answerBox(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await signIn(page, author, WRITTEN);
  await expect(answerBox(page)).toHaveValue(ANSWER);
});
