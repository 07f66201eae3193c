// Ids are taken in either letter case and kept in lower case, by every schema that reads one, so
// each endpoint treats an id in capitals as the same id.
import { describe, expect, it } from 'vitest';
import { uuidField } from '@/lib/uuid-field';
import { AttemptIdSchema, CreateAttemptSchema, ListAttemptsSchema, SaveRecallSchema } from '@/server/attempts/schemas';
import { IdSchema } from '@/server/curation/schemas';
import { FinishMockSchema, MockIdSchema, StartMockSchema } from '@/server/mock/schemas';
import { QuestionStatusesQuerySchema } from '@/server/questions/schemas';
import { RegradeRunIdSchema, StartRegradeSchema } from '@/server/regrading/schemas';
import { UserIdSchema } from '@/server/users/account-admin-schemas';

const id = '0b6c3f9e-5a41-4c1e-9d3a-2f7b8e6d1c20';
const ID = id.toUpperCase();

describe('uuidField', () => {
  it('keeps a UUID in lower case and refuses anything else with its message', () => {
    expect(uuidField('An id is a UUID.').parse(ID)).toBe(id);
    expect(uuidField('An id is a UUID.').safeParse('not-a-uuid').error?.issues[0]?.message).toBe('An id is a UUID.');
  });

  it('is what every id schema of the API uses', () => {
    expect(CreateAttemptSchema.parse({ questionId: ID, answer: 'x' }).questionId).toBe(id);
    expect(AttemptIdSchema.parse({ id: ID }).id).toBe(id);
    expect(ListAttemptsSchema.parse({ questionId: ID }).questionId).toBe(id);
    expect(SaveRecallSchema.parse({ id: ID, recall: 'GOOD' }).id).toBe(id);
    expect(StartRegradeSchema.parse({ questionId: ID }).questionId).toBe(id);
    expect(RegradeRunIdSchema.parse({ id: ID }).id).toBe(id);
    expect(UserIdSchema.parse(ID)).toBe(id);
    expect(IdSchema.parse(ID)).toBe(id);
    expect(MockIdSchema.parse({ id: ID }).id).toBe(id);
    expect(StartMockSchema.parse({ topicId: ID, length: 'short' }).topicId).toBe(id);
    expect(FinishMockSchema.parse({ answers: [{ questionId: ID, answer: 'x' }] }).answers[0]!.questionId).toBe(id);
    expect(QuestionStatusesQuerySchema.parse({ ids: `${ID},${id}` }).ids).toEqual([id]);
  });
});
