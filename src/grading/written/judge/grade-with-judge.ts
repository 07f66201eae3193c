// Grades a written answer with the optional language-model judge, never depending on it: the
// offline grade comes first and stands whenever the judge cannot be trusted.
// - The judge only gives verdicts; the score is computed in code (gradeWritten with verdicts).
// - A verdict counts only if its quote is found in the answer (after normalising case, spaces and
//   quote marks); a fabricated quote is discarded and the offline reading decides that statement.
// - An answer with text addressed to the grader (found offline, or reported by the judge) keeps
//   the offline result, and says so.
// - Timeouts, HTTP errors and malformed replies fall back to the offline result with a note.
// - Replies are cached by a hash of answer, rubric version, model and prompt version.
// The result's `grader` says which grader produced it: "offline" or "llm:<model>".
import { createHash } from 'node:crypto';
import type { GradeResult } from '../../contract';
import { findPromptEchoes } from '../find-prompt-echoes';
import { gradeWritten, type Verdicts } from '../grade-written';
import { readAnswer } from '../read-answer';
import type { Rubric } from '../rubric';
import type { JudgeConfig } from './judge-config';
import { judgeMessages, JudgementSchema, PROMPT_VERSION, RESPONSE_SCHEMA, statementsOf, type Judgement } from './judge-prompt';

const MAX_CACHED = 500;
const cache = new Map<string, Judgement>();

function cacheKey(answer: string, rubric: Rubric, model: string): string {
  return createHash('sha256').update(JSON.stringify([answer, `${rubric.id}@${rubric.version}`, model, PROMPT_VERSION])).digest('hex');
}

const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201b`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

async function askJudge(config: JudgeConfig, rubric: Rubric, answer: string, fetchFn: typeof fetch): Promise<Judgement | string> {
  const endpoint = `${config.url.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/chat/completions`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages: judgeMessages(rubric, answer),
        response_format: { type: 'json_schema', json_schema: { name: 'judgement', strict: true, schema: RESPONSE_SCHEMA } },
      }),
    });
    if (!response.ok) return `the judge answered HTTP ${response.status}`;
    const body = (await response.json().catch(() => null)) as { choices?: { message?: { content?: unknown } }[] } | null;
    const content = body?.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return 'the judge sent no message';
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      return 'the judge did not reply with JSON';
    }
    const parsed = JudgementSchema.safeParse(data);
    return parsed.success ? parsed.data : 'the judge replied in the wrong shape';
  } catch (error) {
    return controller.signal.aborted ? `the judge did not answer within ${config.timeoutMs} ms` : `the judge could not be reached (${(error as Error).message})`;
  } finally {
    clearTimeout(timer);
  }
}

export async function gradeWithJudge({
  answer,
  rubric,
  judge,
  prompt,
  fetchFn = fetch,
}: {
  answer: string;
  rubric: Rubric;
  judge: JudgeConfig;
  // The question: a verdict quoting a sentence that only restates it is ignored, as the offline
  // reading ignores that sentence (find-prompt-echoes.ts).
  prompt?: string;
  fetchFn?: typeof fetch;
}): Promise<GradeResult> {
  const started = performance.now();
  const offline = gradeWritten({ answer, rubric, prompt });
  const fallback = (note: string): GradeResult => ({ ...offline, grader: 'offline', graderNote: note });
  if (!answer.trim()) return offline;
  const units = readAnswer(answer);
  if (units.some((u) => u.toGrader)) {
    return fallback('Your answer contains text addressed to the grader, so the language-model judge was not asked; this is the offline grade.');
  }

  const key = cacheKey(answer, rubric, judge.model);
  let judgement = cache.get(key);
  if (!judgement) {
    const reply = await askJudge(judge, rubric, answer, fetchFn);
    if (typeof reply === 'string') return fallback(`The language-model judge was not used (${reply}); this is the offline grade.`);
    judgement = reply;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, judgement);
  }
  if (judgement.addressedToGrader) {
    return fallback('The language-model judge found text addressed to the grader in your answer, so the offline grade stands.');
  }

  const known = new Set(statementsOf(rubric).map((s) => s.id));
  const haystack = normalise(answer);
  // The answer's sentences that read the question back, and the rest: a quote found only in the
  // former is the question's words, not the candidate's.
  const echoes = findPromptEchoes(units, prompt);
  const echoed = [...echoes].map((u) => normalise(u.text));
  const own = normalise(units.filter((u) => !echoes.has(u)).map((u) => u.text).join(' '));
  const verdicts: Verdicts = new Map();
  let discarded = 0;
  let restated = 0;
  for (const j of judgement.judgements) {
    if (!known.has(j.id) || verdicts.has(j.id)) continue;
    const quote = j.quote.trim();
    const said = normalise(quote);
    if (j.verdict !== 'missing' && echoed.some((text) => text.includes(said)) && !own.includes(said)) {
      restated++;
      continue;
    }
    if (j.verdict !== 'missing' && (quote.length < 8 || !haystack.includes(said))) {
      discarded++;
      continue;
    }
    verdicts.set(j.id, { verdict: j.verdict, quote });
  }
  const result = gradeWritten({ answer, rubric, verdicts, prompt });
  const notes = [
    ...(discarded > 0 ? [`${discarded} of the judge's verdicts quoted text that is not in your answer and were ignored.`] : []),
    ...(restated > 0 ? [`${restated} of the judge's verdicts quoted your restatement of the question and were ignored.`] : []),
  ];
  const note = notes.length > 0 ? notes.join(' ') : undefined;
  return { ...result, grader: `llm:${judge.model}`, ...(note ? { graderNote: note } : {}), durationMs: Math.max(0, performance.now() - started) };
}

// For tests: forget cached judgements.
export function clearJudgeCache(): void {
  cache.clear();
}
