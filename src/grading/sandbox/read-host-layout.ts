// What of the host's system directories the jail can see. Debian 12 merges /bin, /lib and /lib64
// into /usr (they are symlinks), older systems do not; the jail mirrors whichever the host has.
import { lstat, readlink } from 'node:fs/promises';

export type HostLayout = {
  // Top-level directories: a symlink is recreated as the same symlink, a directory is bound read-only.
  systemDirs: { path: string; symlinkTo: string | null }[];
  // The few /etc entries bash and python need, copied into the jail's /etc (prepare-sandbox-home.ts);
  // never /etc/shadow or anything with secrets.
  etcEntries: string[];
};

const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/libx32'];
const ETC_ENTRIES = ['/etc/alternatives', '/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/localtime'];

async function kind(file: string) {
  try {
    const stat = await lstat(file);
    return stat.isSymbolicLink() ? 'symlink' : 'present';
  } catch {
    return 'absent';
  }
}

let cached: Promise<HostLayout> | null = null;

export function readHostLayout(): Promise<HostLayout> {
  cached ??= (async () => {
    const systemDirs: HostLayout['systemDirs'] = [];
    for (const dir of SYSTEM_DIRS) {
      const k = await kind(dir);
      if (k === 'absent') continue;
      systemDirs.push({ path: dir, symlinkTo: k === 'symlink' ? await readlink(dir) : null });
    }
    const etcEntries: string[] = [];
    for (const entry of ETC_ENTRIES) if ((await kind(entry)) !== 'absent') etcEntries.push(entry);
    return { systemDirs, etcEntries };
  })();
  return cached;
}
