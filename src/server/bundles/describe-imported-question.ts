// What an import did to one question, in words, after its slug: why it was refused or copied,
// which of its fields changed, and where a draft this bank had went. Shared by the admin page and
// `npm run bank:import`, so both say the same. Client-safe.
import type { ImportedQuestion, ImportSummary, KeptDraft } from './schemas';

export function describeImportedQuestion(q: ImportedQuestion): string {
  const parts = [
    q.reason,
    q.fieldsChanged.length > 0 ? `changed ${q.fieldsChanged.join(', ')}` : null,
    q.keptDraft ? describeKeptDraft(q.keptDraft) : null,
  ];
  return parts.filter((p) => p !== null).join('; ');
}

function describeKeptDraft({ version, isStillDraft, importedVersion }: KeptDraft): string {
  return isStillDraft
    ? `kept this bank's unpublished draft, unchanged and still the draft, as version ${version} (the imported material is published as version ${importedVersion} under it)`
    : `kept this bank's unpublished draft, unchanged, as version ${version} in the history (never published); the bundle's draft is version ${importedVersion}, on top`;
}

// One line naming every kept draft, e.g. `kept 1 unpublished draft: explain-canary version 3`;
// null when there is none.
export function describeKeptDrafts(summary: Pick<ImportSummary, 'questions'>): string | null {
  const kept = summary.questions.flatMap((q) => (q.keptDraft ? [`${q.slug} version ${q.keptDraft.version}${q.keptDraft.isStillDraft ? '' : ' (in the history)'}`] : []));
  if (kept.length === 0) return null;
  return `kept ${kept.length} unpublished draft${kept.length === 1 ? '' : 's'}: ${kept.join(', ')}`;
}
