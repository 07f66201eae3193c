// Compiles one of the grader's small C programs (the jail launcher, a jail's pid 1) with the
// host's C compiler, once per source and host: the binary is kept in `rehearse/native` in the
// user's cache folder ($XDG_CACHE_HOME, else ~/.cache), named by a hash of the source, the flags
// and the architecture, so a later process (a grading process, a test file) reads it
// instead of compiling again. Not the temp dir: each grading process has a temp dir of its own.
// The folder is made 0700 and used only when it, and every folder above it, is safe from other
// users (privateCacheDir), so nobody else can plant a binary there; without such a folder each
// process compiles into a fresh private temp folder. Without a compiler, or when it fails,
// callers fall back to the Perl programs the C ones stand in for: the C helpers are a speed-up,
// never a requirement.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// turbopackIgnore below: the web build bundles this file (admin pages check harness specs) and
// would otherwise trace the whole project for the compiler's dynamic path; it never runs there.

export type NativeHelper = { binary: Buffer } | { reason: string };
// A C program and the name its binary is cached under (jail-launcher-c-source.ts,
// scenario-start-c-source.ts): one definition for the grader and scripts/build-native-helpers.ts,
// so the binaries an image ships are the ones a grading process looks for.
export type NativeHelperSource = { name: string; source: string };

// REHEARSE_NATIVE_HELPERS as the worker and the runner validate it at start: off turns the C
// helpers off (compileNativeHelper); on, empty or unset leaves them on.
export const NATIVE_HELPERS_SETTING = z.enum(['on', 'off', ''], { message: 'REHEARSE_NATIVE_HELPERS is on or off' }).optional();

const COMPILERS = ['/usr/bin/cc', '/usr/bin/gcc', '/usr/bin/clang'];
const FLAGS = ['-O2', '-Wall', '-x', 'c', '-'];
const COMPILE_TIMEOUT_MS = 60_000;

function findCompiler(): string | null {
  for (const compiler of COMPILERS) {
    try {
      execFileSync(/*turbopackIgnore: true*/ compiler, ['--version'], { timeout: COMPILE_TIMEOUT_MS, stdio: 'ignore' });
      return compiler;
    } catch {
      // Not there, or not working: the next one.
    }
  }
  return null;
}

// A folder only this user can write to, or null: it and every folder above it belong to this
// user or root and nobody else can write to them (or, like /tmp, they are sticky, so nobody else
// can move what is in them), so nobody else can swap the folder or a binary in it.
function privateCacheDir(): string | null {
  const uid = process.getuid?.() ?? -1;
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'rehearse', 'native');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const real = realpathSync(dir);
    const own = lstatSync(real);
    if (!own.isDirectory() || own.uid !== uid || (own.mode & 0o077) !== 0) return null;
    for (let above = path.dirname(real); ; above = path.dirname(above)) {
      const stat = lstatSync(above);
      if (stat.uid !== uid && stat.uid !== 0) return null;
      if ((stat.mode & 0o022) !== 0 && (stat.mode & 0o1000) === 0) return null;
      if (above === path.dirname(above)) return real;
    }
  } catch {
    return null;
  }
}

function readOwnFile(file: string): Buffer | null {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0) return null;
    return readFileSync(file);
  } catch {
    return null;
  }
}

const compiled = new Map<string, NativeHelper>();

// The helper's binary; memoized for the process.
// REHEARSE_NATIVE_HELPERS=off: none, the Perl programs instead (the fallback's own tests use it).
export function compileNativeHelper({ name, source }: NativeHelperSource): NativeHelper {
  if (process.env.REHEARSE_NATIVE_HELPERS === 'off') return { reason: 'REHEARSE_NATIVE_HELPERS=off' };
  const known = compiled.get(name);
  if (known) return known;
  const result = compileOnce(name, source);
  compiled.set(name, result);
  return result;
}

function compileOnce(name: string, source: string): NativeHelper {
  const key = createHash('sha256').update(`${process.arch}\0${FLAGS.join(' ')}\0${source}`).digest('hex').slice(0, 16);
  const dir = privateCacheDir();
  const target = dir ? path.join(dir, `${name}-${key}`) : null;
  // A binary compiled earlier for this source: an image can ship it without a compiler (Dockerfile).
  const cached = target ? readOwnFile(target) : null;
  if (cached) return { binary: cached };
  const compiler = findCompiler();
  if (!compiler) return { reason: `no C compiler (looked for ${COMPILERS.join(', ')})` };
  // Beside the cached binary, renamed over it once whole; else in a fresh private temp folder of
  // this process's. Either is removed below (the rename has moved a good one away already).
  const pending = target ? `${target}.${process.pid}.tmp` : null;
  let workDir: string | null = null;
  try {
    if (!pending) workDir = mkdtempSync(path.join(os.tmpdir(), 'rehearse-native-build-'));
    const output = pending ?? path.join(/*turbopackIgnore: true*/ workDir!, name);
    execFileSync(/*turbopackIgnore: true*/ compiler, ['-o', output, ...FLAGS], { input: source, timeout: COMPILE_TIMEOUT_MS, stdio: ['pipe', 'ignore', 'pipe'] });
    const binary = readFileSync(/*turbopackIgnore: true*/ output);
    // Atomic: a process reading the cache sees the whole binary or none.
    if (pending) renameSync(pending, target!);
    return { binary };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    return { reason: `${compiler} could not compile ${name}: ${(stderr || (error as Error).message).slice(0, 500)}` };
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    if (pending) rmSync(pending, { force: true });
  }
}
