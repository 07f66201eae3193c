// Where the e2e app keeps its throwaway data, shared by the server launcher and the fixtures.
import os from 'node:os';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = path.join(os.tmpdir(), `rehearse-e2e-${E2E_PORT}`);
// Small on purpose, so the journeys see questions behind the sign-in gate.
export const E2E_PREVIEW_QUESTION_COUNT = 3;
// "Forgot password?" mails go to a real SMTP server that e2e/accounts-passwords.spec.ts starts here.
export const E2E_SMTP_PORT = E2E_PORT + 1000;
