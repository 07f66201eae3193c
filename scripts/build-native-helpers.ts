// `npx tsx scripts/build-native-helpers.ts`: compiles the grader's C helpers (the jail launcher
// and the Bash scenario starter) into this user's cache folder, where grading processes look
// first (src/grading/sandbox/compile-native-helper.ts). A grading process compiles them itself
// on first use when the host has a C compiler; this is for images that ship without one (the
// Dockerfile's runner compiles them in a build stage and copies the folder). Exit 1 when either
// cannot be compiled, with the reason.
import { compileNativeHelper } from '../src/grading/sandbox/compile-native-helper';
import { JAIL_LAUNCHER_HELPER } from '../src/grading/sandbox/jail-launcher-c-source';
import { SCENARIO_START_HELPER } from '../src/grading/harnesses/bash-kit/scenario-start-c-source';
import { parseCli } from './lib/parse-cli';

parseCli({ name: 'build-native-helpers', usage: 'usage: npx tsx scripts/build-native-helpers.ts   (compiles the C jail launcher and scenario starter into ~/.cache/rehearse/native; takes no arguments)', options: {} });

let failed = false;
for (const helper of [JAIL_LAUNCHER_HELPER, SCENARIO_START_HELPER]) {
  const built = compileNativeHelper(helper);
  if ('reason' in built) {
    console.error(`[build-native-helpers] ${helper.name}: ${built.reason}`);
    failed = true;
  } else console.log(`[build-native-helpers] ${helper.name}: ${built.binary.length} bytes`);
}
process.exit(failed ? 1 : 0);
