// Refuse to serve in production without a session secret, instead of failing on the first
// sign-in. Node.js only: src/instrumentation.ts imports it for the nodejs runtime, so the Edge
// bundle never sees process.exit.
export function requireAuthSecret(): void {
  if (process.env.NODE_ENV === 'production' && !process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    console.error(
      '[rehearse] AUTH_SECRET (or NEXTAUTH_SECRET) is not set. Sessions cannot be signed without it.\n' +
        '           Generate one with `openssl rand -base64 32` and set it in the environment,\n' +
        '           or start with `npm start`, which keeps a generated secret in .data/auth-secret.',
    );
    process.exit(1);
  }
}
