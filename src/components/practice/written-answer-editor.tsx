'use client';

import { AnswerSize } from './answer-size';
import { AnswerWords } from './answer-words';

// A Markdown textarea with a live word count (against the minimum to be graded) and character
// count (against the submission limit). `errorId` names
// the message that refused the answer, while it shows: the box is then invalid and described by it.
export function WrittenAnswerEditor({ value, onChange, disabled, errorId }: { value: string; onChange: (value: string) => void; disabled?: boolean; errorId?: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor="answer" className="block text-sm font-medium">
        Your answer <span className="font-normal text-slate-600 dark:text-slate-400">(Markdown)</span>
      </label>
      <textarea
        id="answer"
        name="answer"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        rows={14}
        aria-describedby={errorId ? `answer-words answer-count ${errorId}` : 'answer-words answer-count'}
        aria-invalid={errorId ? true : undefined}
        className="block w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-sm leading-relaxed shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
        placeholder="Explain it as you would to an interviewer: what, how, why, and what can go wrong."
      />
      <div className="flex flex-wrap justify-end gap-x-4">
        <AnswerWords id="answer-words" answer={value} />
        <AnswerSize id="answer-count" answerKind="WRITTEN" answer={value} />
      </div>
    </div>
  );
}
