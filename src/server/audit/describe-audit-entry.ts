// Turns a stored audit entry into what a person reads: one sentence ("admin@x edited the topic
// “Incidents”") and a field-by-field diff of what changed, with labels for the stored keys
// (audit-labels.ts). Topics and questions are named by the page's one lookup (`names`), falling
// back to the slug the entry stores. Pure and client-safe; unknown actions still read sensibly.
import { fieldLabel, isChange, NO_NAMES, valueText, type AuditNames } from './audit-labels';

export type AuditDiffRow = { field: string; from: string; to: string };
export type DescribedAuditEntry = { sentence: string; diff: AuditDiffRow[]; notes: string[] };
export type DescribableAuditEntry = { action: string; entity: string; entityId: string | null; details: unknown; actor: { email: string } | null };

type Details = Record<string, unknown>;
// The entry's details, and its topic and question as quoted names.
type Said = { d: Details; topic: string; question: string };

const text = (value: unknown) => valueText('', value);
const quoted = (value: string) => `“${value}”`;
const count = (n: unknown, one: string, many = `${one}s`) => `${text(n)} ${n === 1 ? one : many}`;

const PHRASES: Record<string, (said: Said, names: AuditNames) => string> = {
  'topic.create': ({ d, topic }) => `created the topic ${topic}${d.published === false ? ' as a draft' : ''}`,
  'topic.update': ({ topic }) => `edited the topic ${topic}`,
  'topic.delete': ({ d, topic }) => `deleted the topic ${topic} and its ${count(d.deletedQuestions, 'question')}`,
  'question.create': ({ d, question }, names) => `created the question ${question}${typeof d.topicId === 'string' ? ` in the topic ${quoted(valueText('topicId', d.topicId, names))}` : ''}`,
  'question.update': ({ question }) => `edited the question ${question}`,
  'question.delete': ({ question }) => `deleted the question ${question}`,
  'question.unpublish': ({ question }) => `unpublished the question ${question}`,
  'question.material.save': ({ d, question }) => `saved grading material for ${question} as ${d.created ? 'new ' : ''}draft version ${text(d.version)}`,
  'question.validate': ({ d, question }) => `validated version ${text(d.version)} of ${question}: it ${d.passed ? 'passed' : 'failed'}`,
  'question.publish': ({ d, question }) => `published version ${text(d.version)} of ${question}`,
  'question.regrade': ({ d, question }) => `queued ${count(d.attempts, 'past attempt')} of ${question} for re-grading under version ${text(d.version)}`,
  'bundle.import': ({ d, topic }) =>
    `imported a bundle into the topic ${topic}${d.topicCreated ? ' (new)' : ''}: ${text(d.questionsCreated)} created, ${text(d.questionsUpdated)} updated` +
    `${d.questionsUnchanged !== undefined ? `, ${text(d.questionsUnchanged)} unchanged` : ''}${d.questionsRefused !== undefined ? `, ${text(d.questionsRefused)} refused` : ''}`,
  'user.promote': ({ d }) => `made ${text(d.email)} an admin`,
  'user.demote': ({ d }) => `made ${text(d.email)} a candidate`,
  'user.disable': ({ d }) => `disabled the account ${text(d.email)} (its sessions ended)`,
  'user.enable': ({ d }) => `enabled the account ${text(d.email)}`,
  'user.reset-link': ({ d }) => `issued a one-time password-reset link for ${text(d.email)}`,
  'user.password.change': () => 'changed their password (other sessions ended)',
  'user.password.reset': () => 'reset their password with a one-time link',
};

// Details already said by the sentence, not repeated under it.
const SAID = new Set(['slug', 'email', 'version', 'created', 'passed', 'published', 'topic', 'topicCreated', 'topicId', 'deletedQuestions', 'changed',
  'questionsCreated', 'questionsUpdated', 'questionsUnchanged', 'questionsRefused', 'attempts']);

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

// The entry's topic or question by its id when the entry is about it (an id survives a slug
// change), else by the slug it stored, else the slug itself.
function subjects(entry: DescribableAuditEntry, d: Details, names: AuditNames): Pick<Said, 'topic' | 'question'> {
  const id = entry.entityId ?? '';
  const slug = str(d.slug);
  const topicSlug = entry.action === 'bundle.import' ? str(d.topic) : slug;
  const topic = (entry.entity === 'topic' ? names.topics[id] : undefined) ?? (topicSlug && names.topics[topicSlug]) ?? topicSlug;
  const question = (entry.entity === 'question' ? names.questions[id] : undefined) ?? (slug && names.questions[slug]) ?? slug;
  return { topic: quoted(topic ?? '—'), question: quoted(question ?? '—') };
}

export function describeAuditEntry(entry: DescribableAuditEntry, names: AuditNames = NO_NAMES): DescribedAuditEntry {
  const d: Details = typeof entry.details === 'object' && entry.details !== null && !Array.isArray(entry.details) ? (entry.details as Details) : {};
  const who = entry.actor?.email ?? 'The command line';
  const phrase = PHRASES[entry.action]?.({ d, ...subjects(entry, d, names) }, names) ?? `did “${entry.action}” to ${entry.entity}${entry.entityId ? ` ${entry.entityId.slice(0, 8)}` : ''}`;
  const diff: AuditDiffRow[] = [];
  const notes: string[] = [];
  const row = (key: string, change: { from: unknown; to: unknown }) => diff.push({ field: fieldLabel(key), from: valueText(key, change.from, names), to: valueText(key, change.to, names) });
  const changes = typeof d.changes === 'object' && d.changes !== null ? (d.changes as Details) : {};
  for (const [key, change] of Object.entries(changes)) if (isChange(change)) row(key, change);
  for (const [key, value] of Object.entries(d)) {
    if (key === 'changes' || SAID.has(key)) continue;
    if (isChange(value)) row(key, value);
    else if (!(Array.isArray(value) && value.length === 0)) notes.push(`${fieldLabel(key)}: ${valueText(key, value, names)}`);
  }
  return { sentence: `${who} ${phrase}.`, diff, notes };
}
