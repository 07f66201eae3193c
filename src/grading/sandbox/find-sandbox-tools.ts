// Locates the host programs the bubblewrap driver launches, by absolute path: the jail is started
// with an empty environment, so nothing may depend on the worker's PATH at spawn time.
import { access, constants } from 'node:fs/promises';
import path from 'node:path';

export type SandboxTools = { bash: string; bwrap: string; prlimit: string; setpriv: string | null };

const SEARCH_DIRS = ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin'];

const INSTALL_HINTS: Record<string, string> = {
  bwrap: 'bubblewrap is not installed: apt-get install bubblewrap (or dnf install bubblewrap)',
  prlimit: 'prlimit is not installed: apt-get install util-linux',
  setpriv: 'setpriv is needed to drop root before the jail starts: apt-get install util-linux',
  bash: 'bash is not installed: apt-get install bash',
};

async function isExecutable(file: string) {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function locate(name: string, override?: string): Promise<string | null> {
  if (override) return (await isExecutable(override)) ? override : null;
  const dirs = [...(process.env.PATH ?? '').split(':').filter((d) => path.isAbsolute(d)), ...SEARCH_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

export async function findSandboxTools({
  bwrapPath,
  needSetpriv,
}: {
  bwrapPath?: string;
  needSetpriv: boolean;
}): Promise<{ tools: SandboxTools } | { missing: string }> {
  const [bash, bwrap, prlimit, setpriv] = await Promise.all([
    locate('bash'),
    locate('bwrap', bwrapPath),
    locate('prlimit'),
    needSetpriv ? locate('setpriv') : Promise.resolve(null),
  ]);
  if (!bwrap) return { missing: bwrapPath ? `${INSTALL_HINTS.bwrap} (looked for ${bwrapPath})` : INSTALL_HINTS.bwrap! };
  if (!bash) return { missing: INSTALL_HINTS.bash! };
  if (!prlimit) return { missing: INSTALL_HINTS.prlimit! };
  if (needSetpriv && !setpriv) return { missing: INSTALL_HINTS.setpriv! };
  return { tools: { bash, bwrap, prlimit, setpriv } };
}
