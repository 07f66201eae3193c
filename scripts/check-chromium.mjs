// Fails the e2e step loudly when no Chromium is installed: browser tests must never skip silently.
import { existsSync } from 'node:fs';

const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executable)) {
  console.error(
    `No Chromium found at ${executable}. The end-to-end tests drive a real browser.\n` +
      `Install one with:  sudo apt-get install -y chromium   (Debian/Ubuntu)\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome executable.`,
  );
  process.exit(1);
}
