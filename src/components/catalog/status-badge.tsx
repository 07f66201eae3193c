import { Badge } from '@/components/ui/badge';
import type { QuestionStatus } from '@/server/search/schemas';

const LABEL: Record<QuestionStatus, string> = { new: 'New', tried: 'Tried', passed: 'Passed' };

// The candidate's own standing on a question.
export function StatusBadge({ status }: { status: QuestionStatus }) {
  return (
    <span data-testid="question-status">
      <Badge tone={status === 'passed' ? 'green' : status === 'tried' ? 'amber' : 'slate'}>
        <span className="sr-only">Your status: </span>
        {LABEL[status]}
      </Badge>
    </span>
  );
}
