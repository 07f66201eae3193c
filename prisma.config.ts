// Configuration for the Prisma CLI (generate, migrate deploy). The app itself connects through
// src/server/db.ts; DATABASE_URL is only needed here for `prisma migrate deploy`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
