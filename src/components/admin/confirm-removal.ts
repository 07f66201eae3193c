import type { ClaimDraft, ConceptDraft, MisconceptionDraft, SampleDraft, VariantDraft } from './material-draft';

// A Remove button in the material editor takes the whole item at once — a concept with its claims,
// phrasings and misconceptions, a calibration answer, a known-bad variant — with no undo short of
// leaving the page and every other unsaved edit with it. One with something typed in it asks
// first; an empty one (just added, or added by mistake) goes without a question.
export function confirmRemoval(what: string, hasContent: boolean): boolean {
  return !hasContent || window.confirm(`Remove ${what}? What is typed in it goes too.`);
}

const filled = (...texts: string[]) => texts.some((t) => t.trim() !== '');

export const claimHasContent = (c: ClaimDraft) => filled(c.text, c.phrasings);
export const misconceptionHasContent = (m: MisconceptionDraft) => filled(m.id, m.text, m.phrasings, m.correction, m.contradicts);
export const conceptHasContent = (c: ConceptDraft) =>
  filled(c.name, c.description, c.followUp, c.anchors) || c.claims.some(claimHasContent) || c.misconceptions.some(misconceptionHasContent);
export const sampleHasContent = (s: SampleDraft) => filled(s.label, s.answer);
export const variantHasContent = (v: VariantDraft) => filled(v.name, v.code);
