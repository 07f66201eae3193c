// The text to show or log for anything thrown: an Error's message, anything else as a string.
// Prisma's messages start with a blank line and "Invalid `prisma.$queryRaw()` invocation:" and end
// with the driver's words ("Raw query failed. Code: `N/A`. Message: `Can't reach database server
// at 127.0.0.1:5432`"): those words are what a reader needs, so they are what is given.
// An Error without a message still says something: Node's AggregateError for a connection refused
// on every address of `localhost` has an empty message and its reasons in `errors`.
// Outside production Prisma names the call site instead of the colon ("invocation in", the file,
// the code around it), and the driver's words are still the last line.
const PRISMA_PREAMBLE = /^\s*Invalid `prisma\.[^`]*` invocation( in\n|:)/;

export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) {
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message ? message : String(error);
  }
  if (!error.message) return withoutMessage(error);
  if (!PRISMA_PREAMBLE.test(error.message)) return error.message;
  const lines = error.message.split('\n').map((line) => line.trim()).filter(Boolean);
  const last = lines.at(-1)!;
  return /Message: `(.+)`\.?$/.exec(last)?.[1] ?? last;
}

function withoutMessage(error: Error): string {
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(errorMessage))].join('; ');
  if (error.cause !== undefined) return errorMessage(error.cause);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code ? code : error.name;
}
