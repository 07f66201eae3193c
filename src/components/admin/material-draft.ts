// The material editor's working copy: text where people type, converted to the stored shape on
// save. Unknown rubric fields are kept, so the editor never drops what it does not show.
import { findHarnessListing } from '@/grading/harnesses/harness-names';
import type { HarnessSpec, HarnessSpecKit } from '@/grading/harnesses/harness-spec';
import type { Material, MaterialInput, Rubric } from '@/server/curation/schemas';

// Rubric format 2: a concept's claims and misconceptions; phrasings, anchors and contradicted
// claim ids are typed one per line.
export type ClaimDraft = { key: string; id: string; text: string; weight: number; phrasings: string; rest: Record<string, unknown> };
export type MisconceptionDraft = { key: string; id: string; text: string; phrasings: string; correction: string; penalty: number; contradicts: string; rest: Record<string, unknown> };
export type ConceptDraft = {
  key: string;
  id: string;
  name: string;
  weight: number;
  description: string;
  followUp: string;
  claims: ClaimDraft[];
  misconceptions: MisconceptionDraft[];
  anchors: string;
  rest: Record<string, unknown>;
};
export type SampleDraft = { key: string; label: string; min: number; max: number; answer: string; expertScore?: number };
export type VariantDraft = { key: string; name: string; code: string };

export type MaterialDraft = {
  rubric: { id: string; version: number; passScore: number; concepts: ConceptDraft[]; rest: Record<string, unknown> } | null;
  samples: SampleDraft[];
  harness: { name: string; version: number; brief: string } | null;
  // The harness's tests as JSON text (docs/decisions/021), for a harness built from a spec: the
  // version's own, or the built-in ones it starts from. Null for other harnesses.
  spec: { kit: HarnessSpecKit; text: string } | null;
  // The harness and tests the editor opened with (the saved harness tells the question's kind).
  loaded: { harness: { name: string; version: number } | null; spec: MaterialDraft['spec'] };
  // The harness whose tests `spec` and the version are: changing the name to another shipped
  // harness sets them aside under this name, so choosing it again brings them back.
  testsFor: string;
  setAside: Record<string, { version: number; spec: MaterialDraft['spec'] }>;
  reference: string;
  variants: VariantDraft[];
  modelAnswer: string;
  starterCode: string;
};

let counter = 0;
export const newKey = () => `k${++counter}`;

type Concept = Rubric['concepts'][number];

// `defaults.spec`: the spec the version is graded with, stored or built in (the server knows the
// built-in ones; the page passes it).
export function toDraft(material: Material, defaults: { slug: string; version: number; isWritten: boolean; spec?: { spec: HarnessSpec; isBuiltIn: boolean } | null }): MaterialDraft {
  const rubric = material.rubric;
  const validation = material.validation;
  let draftRubric: MaterialDraft['rubric'] = null;
  if (rubric) {
    const { id, version, passScore, concepts, ...rest } = rubric;
    draftRubric = {
      id,
      version,
      passScore,
      rest,
      concepts: concepts.map((concept: Concept) => {
        const { id: cid, name, weight, description, followUp, claims, misconceptions, anchors, ...restConcept } = concept;
        return {
          key: newKey(),
          id: cid,
          name,
          weight,
          description,
          followUp: followUp ?? '',
          claims: claims.map(({ id: claimId, text, weight: claimWeight, phrasings, ...restClaim }) => ({
            key: newKey(),
            id: claimId,
            text,
            weight: claimWeight,
            phrasings: phrasings.join('\n'),
            rest: restClaim,
          })),
          misconceptions: misconceptions.map(({ id: mId, text, phrasings, correction, penalty, contradicts, ...restM }) => ({
            key: newKey(),
            id: mId,
            text,
            phrasings: phrasings.join('\n'),
            correction,
            penalty,
            contradicts: contradicts.join('\n'),
            rest: restM,
          })),
          anchors: anchors.join('\n'),
          rest: restConcept,
        };
      }),
    };
  } else if (defaults.isWritten) {
    draftRubric = { id: defaults.slug, version: defaults.version, passScore: 70, concepts: [], rest: {} };
  }
  const spec = defaults.spec ? { kit: defaults.spec.spec.kit, text: JSON.stringify(defaults.spec.spec.spec, null, 2) } : null;
  return {
    rubric: draftRubric,
    samples: validation?.kind === 'written' ? validation.calibration.map((s) => ({ key: newKey(), label: s.label, min: s.band.min, max: s.band.max, answer: s.answer, ...(s.expertScore !== undefined ? { expertScore: s.expertScore } : {}) })) : [],
    harness: material.harness ? { name: material.harness.name, version: material.harness.version, brief: material.harness.brief ?? '' } : defaults.isWritten ? null : { name: '', version: 1, brief: '' },
    spec,
    loaded: { harness: material.harness ? { name: material.harness.name, version: material.harness.version } : null, spec },
    testsFor: material.harness?.name ?? '',
    setAside: {},
    reference: validation?.kind === 'code' ? validation.reference : '',
    variants: validation?.kind === 'code' ? validation.badVariants.map((v) => ({ key: newKey(), ...v })) : [],
    modelAnswer: material.modelAnswer ?? '',
    starterCode: material.starterCode ?? '',
  };
}

const lines = (text: string) => text.split('\n').map((p) => p.trim()).filter(Boolean);

// `specDocument`: the draft's spec text, already parsed as JSON (undefined when there is none).
// The server stores it only if it differs from the built-in spec.
export function fromDraft(draft: MaterialDraft, isWritten: boolean, specDocument?: unknown): MaterialInput {
  // A rubric with no concepts yet is saved as none, so a draft can be saved part-written.
  const rubric = isWritten && draft.rubric && draft.rubric.concepts.length > 0
    ? {
        ...draft.rubric.rest,
        id: draft.rubric.id,
        version: draft.rubric.version,
        passScore: draft.rubric.passScore,
        concepts: draft.rubric.concepts.map((c) => ({
          ...c.rest,
          id: c.id,
          name: c.name,
          weight: c.weight,
          description: c.description,
          followUp: c.followUp,
          // An untouched claim states the concept's description, so a one-claim concept needs only phrasings.
          claims: c.claims.map((claim, k) => ({
            ...claim.rest,
            id: claim.id.trim() || `claim-${k + 1}`,
            text: claim.text.trim() || c.description.trim().slice(0, 200),
            weight: claim.weight,
            phrasings: lines(claim.phrasings),
          })),
          misconceptions: c.misconceptions.map((m) => ({
            ...m.rest,
            id: m.id,
            text: m.text,
            phrasings: lines(m.phrasings),
            correction: m.correction,
            penalty: m.penalty,
            contradicts: lines(m.contradicts),
          })),
          anchors: lines(c.anchors),
        })),
      }
    : null;
  const spec = !isWritten && draft.spec && specDocument !== undefined ? { kit: draft.spec.kit, spec: specDocument } : undefined;
  // A spec states its version; the harness follows it, so the two never disagree.
  const specVersion = (specDocument as { version?: unknown } | undefined)?.version;
  const harnessVersion = spec && typeof specVersion === 'number' ? specVersion : draft.harness?.version;
  return {
    rubric: rubric as MaterialInput['rubric'],
    harness: !isWritten && draft.harness ? { name: draft.harness.name, version: harnessVersion ?? draft.harness.version, ...(draft.harness.brief.trim() ? { brief: draft.harness.brief } : {}) } : null,
    ...(spec ? { harnessSpec: spec } : {}),
    modelAnswer: draft.modelAnswer,
    starterCode: isWritten ? null : draft.starterCode,
    validation: isWritten
      ? { kind: 'written', calibration: draft.samples.map((s) => ({ label: s.label, band: { min: s.min, max: s.max }, answer: s.answer, ...(s.expertScore !== undefined && !Number.isNaN(s.expertScore) ? { expertScore: s.expertScore } : {}) })) }
      : { kind: 'code', reference: draft.reference, badVariants: draft.variants.map((v) => ({ name: v.name, code: v.code })) },
  };
}

const BLANK_HARNESS = { name: '', version: 1, brief: '' };

// A new harness name. Tests belong to one harness: choosing another shipped harness sets the ones
// in the box aside (sending them would be refused, as they name the old harness), and the new one
// grades with its built-in tests at its shipped version, or with its own set aside earlier. A name
// that is no shipped harness (half typed, say) changes nothing else; saving names the problem.
export function withHarnessName(draft: MaterialDraft, name: string): Pick<MaterialDraft, 'harness' | 'spec' | 'testsFor' | 'setAside'> {
  const harness = { ...(draft.harness ?? BLANK_HARNESS), name };
  const { testsFor, spec } = draft;
  const listing = findHarnessListing(name);
  if (name === testsFor || !listing) return { harness, spec, testsFor, setAside: draft.setAside };
  const setAside = testsFor ? { ...draft.setAside, [testsFor]: { version: draft.harness?.version ?? listing.version, spec } } : draft.setAside;
  const back = setAside[name];
  return { harness: { ...harness, version: back?.version ?? listing.version }, spec: back ? back.spec : null, testsFor: name, setAside };
}

// Drops the version's own tests: saving then grades with the harness's built-in ones.
export function withBuiltInTests(draft: MaterialDraft): Pick<MaterialDraft, 'harness' | 'spec'> {
  const harness = draft.harness ?? BLANK_HARNESS;
  const listing = findHarnessListing(harness.name);
  return { harness: listing ? { ...harness, version: listing.version } : harness, spec: null };
}

// The version the tests in the box state, which is the one saved (see fromDraft); undefined when
// there are none or their text does not say.
export function specVersion(spec: MaterialDraft['spec']): number | undefined {
  if (!spec) return undefined;
  try {
    const version = (JSON.parse(spec.text) as { version?: unknown } | null)?.version;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined;
  }
}
