// The text to show or log for anything thrown: an Error's message, anything else as a string.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
