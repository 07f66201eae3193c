// The text to show or log for anything thrown: an Error's message, anything else as a string.
// Prisma's messages start with a blank line and "Invalid `prisma.$queryRaw()` invocation:" and end
// with the driver's words ("Raw query failed. Code: `N/A`. Message: `Can't reach database server
// at 127.0.0.1:5432`"): those words are what a reader needs, so they are what is given.
const PRISMA_PREAMBLE = /^\s*Invalid `prisma\.[^`]*` invocation:/;

export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (!PRISMA_PREAMBLE.test(error.message)) return error.message;
  const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1)!;
  return /Message: `(.+)`\.?$/.exec(last)?.[1] ?? last;
}
