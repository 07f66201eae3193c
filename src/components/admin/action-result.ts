// What an admin server action answers: its value, or a message and one message per field (keyed by
// the dotted path of the input, e.g. "material.rubric.concepts.0.weight").
export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; error: string; fields: Record<string, string> };
