// Calls an admin server action so that a call which never answers with a result (the network
// dropped, the server restarted, or it refused the request before our code ran, e.g. a body over
// its 1 MB limit) still ends in a message: the form stops saying "Saving…" and keeps the edits.
import type { ActionResult } from './action-result';

// For a form's save; a button that changes something says NO_ANSWER instead.
export const ACTION_FAILED = 'The server did not answer this request, so nothing was saved. Your edits are still here: try again in a moment.';
export const NO_ANSWER = 'The server did not answer this request, so nothing changed. Try again in a moment.';

export async function callAction<T>(action: () => Promise<ActionResult<T>>, failed = ACTION_FAILED): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch {
    return { ok: false, error: failed, fields: {} };
  }
}
