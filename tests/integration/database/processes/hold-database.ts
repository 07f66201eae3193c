// A stand-in for `npm start` without the Next.js build: takes the database the same way
// (prepareDatabase) and stops the same way — on SIGTERM it marks the database as stopping, spends
// HOLD_MS stopping its "children" (as start.ts stops the web server and the worker, up to 10 s)
// while the server still runs, then stops the server. Like start.ts in a terminal, it keeps the
// server in a process group of its own, so a Ctrl-C to the group does not stop the server first;
// HOLD_SHARED_GROUP=1 keeps it in ours, as every other owner does.
import { markDatabaseStopping, prepareDatabase } from '../../../../scripts/lib/prepare-database';

const holdMs = Number(process.env.HOLD_MS ?? 1500);
const database = await prepareDatabase({ log: (line) => console.log(`[hold] ${line}`), seed: false, ownProcessGroup: process.env.HOLD_SHARED_GROUP !== '1' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.once(signal, () => {
    markDatabaseStopping();
    console.log('[hold] stopping');
    setTimeout(() => void database.stop().then(() => process.exit(0)), holdMs);
  });
}
// npm start's servers keep it running; here a timer does (the database's own process may die).
setInterval(() => {}, 60_000);
console.log(`[hold] ready on ${database.url.replace(/:[^:@/]+@/, ':***@')}`);
