// Runs `prisma generate` after install. The Prisma CLI insists on locating its native schema
// engine even though generating the client does not use it, and downloading it fails offline;
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve('package.json');
}
const prisma = path.resolve('node_modules', '.bin', 'prisma');
const result = spawnSync(prisma, ['generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
