// The jail's seccomp filter, built here as a classic-BPF program (what bubblewrap's --seccomp FD
// loads) in plain TypeScript: no libseccomp, no native code. Denied with EPERM: the calls that let
// one process reach into another (ptrace, pidfd_getfd, process_vm_*, kcmp), kernel surfaces a
// grading never needs (keyrings, bpf, userfaultfd, perf, io_uring, modules, kexec, mounts, time,
// swap, reboot) and new namespaces (unshare, setns, clone with CLONE_NEW*). clone3 answers ENOSYS
// (its flags sit behind a pointer BPF cannot read) so libc falls back to clone, whose flags it can.
// A call from another ABI (i386 via int 0x80, x32) is refused: the table only knows the native one.
// scripts/generate-seccomp.ts writes the program to a file and prints it.

// struct seccomp_data: int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6].
const OFFSET_NR = 0;
const OFFSET_ARCH = 4;
// Low 32 bits of args[0] on a little-endian machine (both supported arches are).
const OFFSET_ARG0_LOW = 16;

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;

const SECCOMP_RET_KILL_PROCESS = 0x80000000;
const SECCOMP_RET_ERRNO = 0x00050000;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const EPERM = 1;
const ENOSYS = 38;

// CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET (clone() cannot ask for NEWTIME).
const CLONE_NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

type SyscallTable = { auditArch: number; x32Bit: number | null; clone: number; clone3: number; deny: Record<string, number> };

// pidfd_open stays allowed: a pidfd alone only signals or polls, what kill and waitpid already
// do (nothing of ours in a jail uses one any more; denying it would only break a candidate's own
// code that waits with one, such as Python's os.pidfd_open); pidfd_getfd is what steals fds.
// Numbers from the kernel's syscall tables (arch/x86/entry/syscalls/syscall_64.tbl and the generic
// table asm-generic/unistd.h that arm64 uses).
export const SYSCALL_TABLES: Record<'x64' | 'arm64', SyscallTable> = {
  x64: {
    auditArch: 0xc000003e,
    x32Bit: 0x40000000,
    clone: 56,
    clone3: 435,
    deny: {
      ptrace: 101, process_vm_readv: 310, process_vm_writev: 311, pidfd_getfd: 438, kcmp: 312,
      keyctl: 250, add_key: 248, request_key: 249, bpf: 321, userfaultfd: 323, perf_event_open: 298,
      io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427,
      kexec_load: 246, kexec_file_load: 320, init_module: 175, finit_module: 313, delete_module: 176,
      mount: 165, umount2: 166, pivot_root: 155, chroot: 161, open_tree: 428, move_mount: 429, fsopen: 430,
      fsconfig: 431, fsmount: 432, fspick: 433, mount_setattr: 442, unshare: 272, setns: 308,
      open_by_handle_at: 304, name_to_handle_at: 303, lookup_dcookie: 212, quotactl: 179, acct: 163,
      swapon: 167, swapoff: 168, reboot: 169, syslog: 103, vhangup: 153, iopl: 172, ioperm: 173,
      settimeofday: 164, clock_settime: 227, clock_adjtime: 305, adjtimex: 159, uselib: 134,
    },
  },
  arm64: {
    auditArch: 0xc00000b7,
    x32Bit: null,
    clone: 220,
    clone3: 435,
    deny: {
      ptrace: 117, process_vm_readv: 270, process_vm_writev: 271, pidfd_getfd: 438, kcmp: 272,
      keyctl: 219, add_key: 217, request_key: 218, bpf: 280, userfaultfd: 282, perf_event_open: 241,
      io_uring_setup: 425, io_uring_enter: 426, io_uring_register: 427,
      kexec_load: 104, kexec_file_load: 294, init_module: 105, finit_module: 273, delete_module: 106,
      mount: 40, umount2: 39, pivot_root: 41, chroot: 51, open_tree: 428, move_mount: 429, fsopen: 430,
      fsconfig: 431, fsmount: 432, fspick: 433, mount_setattr: 442, unshare: 97, setns: 268,
      open_by_handle_at: 265, name_to_handle_at: 264, lookup_dcookie: 18, quotactl: 60, acct: 89,
      swapon: 224, swapoff: 225, reboot: 142, syslog: 116, vhangup: 58,
      settimeofday: 170, clock_settime: 112, clock_adjtime: 266, adjtimex: 171,
    },
  },
};

export type BpfInstruction = { code: number; jt: number; jf: number; k: number };

const stmt = (code: number, k: number): BpfInstruction => ({ code, jt: 0, jf: 0, k });

// The program as instructions, for one architecture's table.
export function buildSeccompProgram(table: SyscallTable): BpfInstruction[] {
  const numbers = [...new Set(Object.values(table.deny))].sort((a, b) => a - b);
  // Layout: header, one jeq per denied number, then the shared return blocks. Jumps are forward
  // and relative (target = pc + 1 + offset), so they are filled in once the blocks are placed.
  type Jump = { at: number; to: 'deny' | 'nosys' | 'clone' | 'kill'; branch: 'jt' | 'jf' };
  const program: BpfInstruction[] = [];
  const jumps: Jump[] = [];
  const push = (instruction: BpfInstruction, ...targets: Omit<Jump, 'at'>[]) => {
    for (const target of targets) jumps.push({ at: program.length, ...target });
    program.push(instruction);
  };
  push(stmt(BPF_LD_W_ABS, OFFSET_ARCH));
  push({ code: BPF_JEQ_K, jt: 0, jf: 0, k: table.auditArch }, { to: 'kill', branch: 'jf' });
  push(stmt(BPF_LD_W_ABS, OFFSET_NR));
  if (table.x32Bit !== null) push({ code: BPF_JGE_K, jt: 0, jf: 0, k: table.x32Bit }, { to: 'deny', branch: 'jt' });
  push({ code: BPF_JEQ_K, jt: 0, jf: 0, k: table.clone }, { to: 'clone', branch: 'jt' });
  push({ code: BPF_JEQ_K, jt: 0, jf: 0, k: table.clone3 }, { to: 'nosys', branch: 'jt' });
  for (const nr of numbers) push({ code: BPF_JEQ_K, jt: 0, jf: 0, k: nr }, { to: 'deny', branch: 'jt' });
  push(stmt(BPF_RET_K, SECCOMP_RET_ALLOW));
  const labels = { deny: program.length, nosys: program.length + 1, kill: program.length + 2, clone: program.length + 3 };
  program.push(stmt(BPF_RET_K, SECCOMP_RET_ERRNO | EPERM));
  program.push(stmt(BPF_RET_K, SECCOMP_RET_ERRNO | ENOSYS));
  program.push(stmt(BPF_RET_K, SECCOMP_RET_KILL_PROCESS));
  // clone: allowed unless it asks for a new namespace.
  program.push(stmt(BPF_LD_W_ABS, OFFSET_ARG0_LOW));
  program.push({ code: BPF_JSET_K, jt: 0, jf: 0, k: CLONE_NAMESPACE_FLAGS >>> 0 });
  program.push(stmt(BPF_RET_K, SECCOMP_RET_ALLOW));
  program.push(stmt(BPF_RET_K, SECCOMP_RET_ERRNO | EPERM));
  // jset: true (a namespace flag) → the EPERM just after the ALLOW.
  program[labels.clone + 1]!.jt = 1;
  for (const jump of jumps) {
    const offset = labels[jump.to] - (jump.at + 1);
    if (offset < 0 || offset > 255) throw new Error(`seccomp jump out of range: ${offset}`);
    program[jump.at]![jump.branch] = offset;
  }
  return program;
}

// struct sock_filter { __u16 code; __u8 jt; __u8 jf; __u32 k; } in the machine's (little) endianness.
export function encodeSeccompProgram(program: BpfInstruction[]): Buffer {
  const bytes = Buffer.alloc(program.length * 8);
  program.forEach((instruction, i) => {
    bytes.writeUInt16LE(instruction.code, i * 8);
    bytes.writeUInt8(instruction.jt, i * 8 + 2);
    bytes.writeUInt8(instruction.jf, i * 8 + 3);
    bytes.writeUInt32LE(instruction.k >>> 0, i * 8 + 4);
  });
  return bytes;
}

// The compiled filter for the machine we run on, or null where we have no table (the jail then
// runs without one and the result carries a note).
export function seccompProgramForHost(arch: string = process.arch): Buffer | null {
  const table = arch === 'x64' || arch === 'arm64' ? SYSCALL_TABLES[arch] : null;
  return table ? encodeSeccompProgram(buildSeccompProgram(table)) : null;
}
