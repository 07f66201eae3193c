// Reads a stored version's material into the curated shape. Versions written before curation
// existed (the seed content) store validation without a `kind` and calibration as
// `{ samples: [...] }`; they are read as the equivalent curated material.
import { CalibrationSampleSchema, MaterialSchema, type AnswerKind, type Material } from './schemas';

export type StoredMaterial = {
  rubric: unknown;
  harness: unknown;
  harnessSpec?: unknown;
  modelAnswer: string | null;
  starterCode: string | null;
  validation: unknown;
};

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

// An interviewer's score goes with its sample: the editor shows it, a save keeps it and validation
// measures agreement with it (leaving it out lost it at the first save). One that is not a score (a
// version stored before scores were checked) is left out and reported, and the sample kept: as a
// broken part it would have emptied the whole validation, hiding every sample.
function readExpertScore(score: unknown, at: string, problems: string[]): { expertScore?: number } {
  if (score === undefined) return {};
  const parsed = CalibrationSampleSchema.shape.expertScore.safeParse(score);
  if (parsed.success) return { expertScore: parsed.data };
  problems.push(`${at}.expertScore: ${parsed.error.issues[0]?.message} (the sample is kept without it)`);
  return {};
}

function readValidation(raw: unknown, answerKind: AnswerKind, problems: string[]): unknown {
  if (!isObject(raw)) return null;
  if (answerKind === 'WRITTEN') {
    const calibration = Array.isArray(raw.calibration) ? raw.calibration : isObject(raw.calibration) ? raw.calibration.samples : [];
    const samples = (Array.isArray(calibration) ? calibration : []).map((s, i) =>
      isObject(s)
        ? { label: s.label, band: isObject(s.band) ? { min: s.band.min, max: s.band.max } : s.band, answer: s.answer, ...readExpertScore(s.expertScore, `validation.calibration.${i}`, problems) }
        : s,
    );
    return { kind: 'written', calibration: samples };
  }
  const variants = Array.isArray(raw.badVariants) ? raw.badVariants : [];
  return {
    kind: 'code',
    reference: typeof raw.reference === 'string' ? raw.reference : '',
    badVariants: variants.map((v) => (isObject(v) ? { name: v.name, code: v.code } : v)),
  };
}

function readHarness(raw: unknown): unknown {
  if (!isObject(raw)) return null;
  return { name: raw.name, version: raw.version, ...(typeof raw.brief === 'string' && raw.brief ? { brief: raw.brief } : {}) };
}

// `problems` lists what could not be read (the material is then returned without that part).
export function readMaterial(stored: StoredMaterial, answerKind: AnswerKind): { material: Material; problems: string[] } {
  const scoreProblems: string[] = [];
  const candidate = {
    rubric: stored.rubric ?? null,
    harness: readHarness(stored.harness),
    ...(stored.harnessSpec == null ? {} : { harnessSpec: stored.harnessSpec }),
    modelAnswer: stored.modelAnswer,
    starterCode: stored.starterCode,
    validation: readValidation(stored.validation, answerKind, scoreProblems),
  };
  const parsed = MaterialSchema.safeParse(candidate);
  if (parsed.success) return { material: parsed.data, problems: scoreProblems };
  const broken = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const problems = [...scoreProblems, ...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)];
  // An unreadable spec is left out (the page then shows the built-in one); other parts are emptied.
  const readable = Object.entries(candidate).filter(([key]) => !(key === 'harnessSpec' && broken.has(key)));
  const salvaged = MaterialSchema.parse(Object.fromEntries(readable.map(([key, value]) => [key, broken.has(key) ? null : value])));
  return { material: salvaged, problems };
}
