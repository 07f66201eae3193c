// Turns a stored audit entry into what a person reads: one sentence ("admin@x made ada@x an
// admin") and a field-by-field diff of what changed. Pure and client-safe; unknown actions still
// read sensibly.
export type AuditDiffRow = { field: string; from: string; to: string };
export type DescribedAuditEntry = { sentence: string; diff: AuditDiffRow[]; notes: string[] };

type Details = Record<string, unknown>;

const text = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(text).join(', ');
  return JSON.stringify(value);
};

const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && 'from' in value && 'to' in value;

const quoted = (value: unknown) => `“${text(value)}”`;
const count = (n: unknown, one: string, many = `${one}s`) => `${text(n)} ${n === 1 ? one : many}`;

const PHRASES: Record<string, (d: Details) => string> = {
  'topic.create': (d) => `created the topic ${quoted(d.slug)}${d.published === false ? ' as a draft' : ''}`,
  'topic.update': (d) => `edited the topic ${quoted(d.slug)}`,
  'topic.delete': (d) => `deleted the topic ${quoted(d.slug)} and its ${count(d.deletedQuestions, 'question')}`,
  'question.create': (d) => `created the question ${quoted(d.slug)}`,
  'question.update': (d) => `edited the question ${quoted(d.slug)}`,
  'question.delete': (d) => `deleted the question ${quoted(d.slug)}`,
  'question.unpublish': (d) => `unpublished the question ${quoted(d.slug)}`,
  'question.material.save': (d) => `saved grading material for ${quoted(d.slug)} as ${d.created ? 'new ' : ''}draft version ${text(d.version)}`,
  'question.validate': (d) => `validated version ${text(d.version)} of ${quoted(d.slug)}: it ${d.passed ? 'passed' : 'failed'}`,
  'question.publish': (d) => `published version ${text(d.version)} of ${quoted(d.slug)}`,
  'question.regrade': (d) => `queued ${count(d.attempts, 'past attempt')} of ${quoted(d.slug)} for re-grading under version ${text(d.version)}`,
  'bundle.import': (d) =>
    `imported a bundle into the topic ${quoted(d.topic)}${d.topicCreated ? ' (new)' : ''}: ${text(d.questionsCreated)} created, ${text(d.questionsUpdated)} updated` +
    `${d.questionsUnchanged !== undefined ? `, ${text(d.questionsUnchanged)} unchanged` : ''}${d.questionsRefused !== undefined ? `, ${text(d.questionsRefused)} refused` : ''}`,
  'user.promote': (d) => `made ${text(d.email)} an admin`,
  'user.demote': (d) => `made ${text(d.email)} a candidate`,
  'user.disable': (d) => `disabled the account ${text(d.email)} (its sessions ended)`,
  'user.enable': (d) => `enabled the account ${text(d.email)}`,
  'user.reset-link': (d) => `issued a one-time password-reset link for ${text(d.email)}`,
  'user.password.change': () => 'changed their password (other sessions ended)',
  'user.password.reset': () => 'reset their password with a one-time link',
};

// Details already said by the sentence, not repeated under it.
const SAID = new Set(['slug', 'email', 'version', 'created', 'passed', 'published', 'topic', 'topicCreated', 'deletedQuestions', 'changed',
  'questionsCreated', 'questionsUpdated', 'questionsUnchanged', 'questionsRefused', 'attempts']);

export function describeAuditEntry(entry: { action: string; entity: string; entityId: string | null; details: unknown; actor: { email: string } | null }): DescribedAuditEntry {
  const details: Details = typeof entry.details === 'object' && entry.details !== null && !Array.isArray(entry.details) ? (entry.details as Details) : {};
  const who = entry.actor?.email ?? 'The command line';
  const phrase = PHRASES[entry.action]?.(details) ?? `did “${entry.action}” to ${entry.entity}${entry.entityId ? ` ${entry.entityId.slice(0, 8)}` : ''}`;
  const diff: AuditDiffRow[] = [];
  const notes: string[] = [];
  const changes = typeof details.changes === 'object' && details.changes !== null ? (details.changes as Details) : {};
  for (const [field, change] of Object.entries(changes)) {
    if (isChange(change)) diff.push({ field, from: text(change.from), to: text(change.to) });
  }
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' || SAID.has(key)) continue;
    if (isChange(value)) diff.push({ field: key, from: text(value.from), to: text(value.to) });
    else if (!(Array.isArray(value) && value.length === 0)) notes.push(`${key}: ${text(value)}`);
  }
  return { sentence: `${who} ${phrase}.`, diff, notes };
}
