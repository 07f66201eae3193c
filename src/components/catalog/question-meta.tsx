import { Badge, type BadgeTone } from '@/components/ui/badge';
import { ANSWER_KIND_LABEL, DIFFICULTY_LABEL, QUESTION_TYPE_LABEL } from '@/lib/labels';
import type { AnswerKindCode, DifficultyCode, QuestionTypeCode } from '@/lib/labels';

const DIFFICULTY_TONE: Record<DifficultyCode, BadgeTone> = { EASY: 'green', MEDIUM: 'amber', HARD: 'red' };

// Difficulty, type, answer kind and the "N practiced" count, as on the source page.
export function QuestionMeta({
  difficulty,
  type,
  answerKind,
  practiceCount,
}: {
  difficulty: DifficultyCode;
  type: QuestionTypeCode;
  answerKind: AnswerKindCode;
  practiceCount: number;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Badge tone={DIFFICULTY_TONE[difficulty]}>
        <span className="sr-only">Difficulty: </span>
        {DIFFICULTY_LABEL[difficulty]}
      </Badge>
      <Badge>
        <span className="sr-only">Type: </span>
        {QUESTION_TYPE_LABEL[type]}
      </Badge>
      <Badge tone="indigo">{ANSWER_KIND_LABEL[answerKind]}</Badge>
      <span className="text-slate-600 dark:text-slate-400" data-testid="practice-count">
        {practiceCount.toLocaleString('en-US')} practiced
      </span>
    </div>
  );
}
