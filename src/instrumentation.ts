// Runs once when the server starts. What needs Node.js (process.exit) lives in a module imported
// only for the nodejs runtime, so the Edge bundle never contains it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { requireAuthSecret } = await import('./server/health/require-auth-secret');
    requireAuthSecret();
  }
}
