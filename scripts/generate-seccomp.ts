// `npx tsx scripts/generate-seccomp.ts [arch] [out.bpf]`: the jail's seccomp filter, listed
// instruction by instruction and, given a path, written as the raw program bwrap's --seccomp FD
// reads (e.g. `bwrap --seccomp 9 9<out.bpf ...` to try it by hand). The grader itself builds the
// same bytes in memory from src/grading/sandbox/seccomp-filter.ts; nothing reads this file.
import { writeFileSync } from 'node:fs';
import { buildSeccompProgram, encodeSeccompProgram, SYSCALL_TABLES } from '../src/grading/sandbox/seccomp-filter';

const arch = (process.argv[2] ?? process.arch) as keyof typeof SYSCALL_TABLES;
const out = process.argv[3];
const table = SYSCALL_TABLES[arch];
if (!table) {
  console.error(`No syscall table for ${arch}; known: ${Object.keys(SYSCALL_TABLES).join(', ')}`);
  process.exit(1);
}
const program = buildSeccompProgram(table);
const names = new Map(Object.entries(table.deny).map(([name, nr]) => [nr, name]));
const OPS: Record<number, string> = { 0x20: 'ld', 0x15: 'jeq', 0x35: 'jge', 0x45: 'jset', 0x06: 'ret' };
program.forEach(({ code, jt, jf, k }, pc) => {
  const op = OPS[code] ?? `op${code}`;
  const note = op === 'jeq' && names.has(k) ? `  ; ${names.get(k)}` : '';
  const jumps = op === 'ld' || op === 'ret' ? '' : ` → ${pc + 1 + jt} / ${pc + 1 + jf}`;
  console.log(`${String(pc).padStart(3)}  ${op.padEnd(4)} 0x${k.toString(16).padStart(8, '0')}${jumps}${note}`);
});
if (out) {
  writeFileSync(out, encodeSeccompProgram(program));
  console.log(`\nwrote ${program.length} instructions (${program.length * 8} bytes) for ${arch} to ${out}`);
}
