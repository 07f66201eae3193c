// The problems found in a harness spec, one per entry, each named by its field in the JSON shown
// ("cases.3.expected: …"), from the editor's field errors keyed by the saved material's paths.
export const SPEC_FIELD = 'material.harnessSpec';

export function specProblems(fields: Record<string, string>): string[] {
  return Object.entries(fields)
    .filter(([path]) => path === SPEC_FIELD || path.startsWith(`${SPEC_FIELD}.`))
    .map(([path, text]) => {
      const field = path.slice(SPEC_FIELD.length + 1).replace(/^spec\.?/, '');
      return field ? `${field}: ${text}` : text;
    });
}
