// What a person reads for the keys and codes an audit entry stores: field names ("answerKind" is
// "Answer kind"), enum codes ("SYSTEM_DESIGN" is "System Design"), ids of topics named in the same
// page's lookup (audit-subject-names.ts), times in UTC. Pure and client-safe.
import { formatUtcTime } from '@/lib/format-utc-time';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
import type { AUDIT_ACTIONS, AUDIT_ENTITIES } from './schemas';

// Topic and question names, each under its id and its slug.
export type AuditNames = { topics: Record<string, string>; questions: Record<string, string> };
export const NO_NAMES: AuditNames = { topics: {}, questions: {} };

const FIELD_LABEL: Record<string, string> = {
  slug: 'Slug',
  name: 'Name',
  description: 'Description',
  published: 'Published',
  prompt: 'Question',
  difficulty: 'Difficulty',
  type: 'Type',
  answerKind: 'Answer kind',
  tags: 'Tags',
  topicId: 'Topic',
  position: 'Position in the topic',
  seededPracticeCount: 'Practice count at import',
  role: 'Role',
  disabled: 'Disabled',
  expiresAt: 'Valid until',
  versionsCreated: 'Versions created',
  versionsPublished: 'Versions published',
  validated: 'Questions validated',
  copied: 'Imported as copies',
  refused: 'Refused',
};

const ROLE_LABEL: Record<string, string> = { ADMIN: 'Admin', CANDIDATE: 'Candidate' };
const ENUM_LABEL: Record<string, Record<string, string>> = { difficulty: DIFFICULTY_LABEL, type: QUESTION_TYPE_LABEL, answerKind: ANSWER_KIND_LABEL, role: ROLE_LABEL };

// A key nobody labelled yet still reads as words: "seededPracticeCount" → "Seeded practice count".
export function fieldLabel(key: string): string {
  const known = FIELD_LABEL[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

export const isChange = (value: unknown): value is { from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'from' in value && 'to' in value;

// One value of the field `key`, for a person. Nested objects read as "Label: value" pairs, and a
// { from, to } pair as "before → after", never as JSON.
export function valueText(key: string, value: unknown, names: AuditNames = NO_NAMES): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => valueText(key, item, names)).join(', ');
  if (isChange(value)) return `${valueText(key, value.from, names)} → ${valueText(key, value.to, names)}`;
  if (typeof value === 'object') {
    return Object.entries(value).map(([inner, v]) => `${fieldLabel(inner)}: ${valueText(inner, v, names)}`).join('; ') || '—';
  }
  if (typeof value !== 'string') return String(value);
  if (key === 'topicId') return names.topics[value] ?? `topic ${value.slice(0, 8)}`;
  if (key === 'expiresAt' && !Number.isNaN(Date.parse(value))) return `${formatUtcTime(value)} UTC`;
  return ENUM_LABEL[key]?.[value] ?? value;
}

export const ACTION_LABEL: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  'topic.create': 'Topic created',
  'topic.update': 'Topic edited',
  'topic.delete': 'Topic deleted',
  'question.create': 'Question created',
  'question.update': 'Question edited',
  'question.delete': 'Question deleted',
  'question.unpublish': 'Question unpublished',
  'question.material.save': 'Grading material saved',
  'question.validate': 'Version validated',
  'question.publish': 'Version published',
  'question.regrade': 'Re-grade queued',
  'bundle.import': 'Bundle imported',
  'user.promote': 'Made an admin',
  'user.demote': 'Made a candidate',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'user.reset-link': 'Reset link issued',
  'user.password.change': 'Password changed',
  'user.password.reset': 'Password reset by link',
};

export const ENTITY_LABEL: Record<(typeof AUDIT_ENTITIES)[number], string> = {
  topic: 'Topic',
  question: 'Question',
  'question-version': 'Question version',
  user: 'Account',
};
