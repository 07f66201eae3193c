// The seccomp program, run through a small classic-BPF interpreter: what it answers for the calls
// it must deny, the calls a grading needs, clone with and without namespace flags, and other ABIs.
import { describe, expect, it } from 'vitest';
import { buildSeccompProgram, encodeSeccompProgram, SYSCALL_TABLES, type BpfInstruction } from '@/grading/sandbox/seccomp-filter';

const ALLOW = 0x7fff0000;
const EPERM = 0x00050001;
const ENOSYS = 0x00050026;
const KILL = 0x80000000;

// Only the instructions the generator emits: ld [k], jeq/jge/jset k, ret k.
function runFilter(program: BpfInstruction[], data: { nr: number; arch: number; arg0?: number }): number {
  let acc = 0;
  for (let pc = 0; pc < program.length; pc++) {
    const { code, jt, jf, k } = program[pc]!;
    if (code === 0x20) acc = k === 0 ? data.nr : k === 4 ? data.arch : k === 16 ? (data.arg0 ?? 0) : 0;
    else if (code === 0x15) pc += acc === k ? jt : jf;
    else if (code === 0x35) pc += acc >>> 0 >= k >>> 0 ? jt : jf;
    else if (code === 0x45) pc += (acc & k) !== 0 ? jt : jf;
    else if (code === 0x06) return k >>> 0;
    else throw new Error(`unexpected opcode ${code}`);
  }
  throw new Error('fell off the end of the program');
}

// read, write, openat, execve, exit_group, wait4, kill, mmap.
const NEEDED = { x64: [0, 1, 257, 59, 231, 61, 62, 9], arm64: [63, 64, 56, 221, 94, 260, 129, 222] };

describe.each(Object.entries(SYSCALL_TABLES))('seccomp filter for %s', (name, table) => {
  const program = buildSeccompProgram(table);
  const call = (nr: number, arg0 = 0) => runFilter(program, { nr, arch: table.auditArch, arg0 });

  it('denies every listed call with EPERM', () => {
    for (const [name, nr] of Object.entries(table.deny)) expect([name, call(nr)]).toEqual([name, EPERM]);
  });

  it('allows the calls a grading run needs', () => {
    for (const nr of NEEDED[name as keyof typeof NEEDED]) expect(call(nr)).toBe(ALLOW);
  });

  it('allows clone for processes and threads, not for new namespaces; clone3 says ENOSYS', () => {
    expect(call(table.clone, 0x01200011)).toBe(ALLOW); // fork: CLONE_CHILD_SETTID|CLEARTID|SIGCHLD
    expect(call(table.clone, 0x003d0f00)).toBe(ALLOW); // pthread_create
    expect(call(table.clone, 0x10000000 | 17)).toBe(EPERM); // CLONE_NEWUSER
    expect(call(table.clone, 0x20000000 | 17)).toBe(EPERM); // CLONE_NEWPID
    expect(call(table.clone3)).toBe(ENOSYS);
  });

  it('kills a call made through another ABI', () => {
    expect(runFilter(program, { nr: 26, arch: 0x40000003 })).toBe(KILL); // i386 ptrace via int 0x80
  });

  it('encodes 8 bytes per instruction', () => {
    expect(encodeSeccompProgram(program).length).toBe(program.length * 8);
  });
});

describe('x86-64 specifics', () => {
  it('refuses x32 calls (nr | 0x40000000), which the table does not cover', () => {
    const program = buildSeccompProgram(SYSCALL_TABLES.x64);
    expect(runFilter(program, { nr: 0x40000000 + 521, arch: SYSCALL_TABLES.x64.auditArch })).toBe(EPERM);
  });
});
