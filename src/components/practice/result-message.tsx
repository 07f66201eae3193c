// A grader's message: one sentence, or a traceback / compiler output whose line breaks and
// indentation carry meaning (a SyntaxError's caret points at a column). Multi-line text keeps its
// lines and spacing in a monospace block that wraps long lines rather than widening the page at
// 375 px; `className` styles the one-line form only, the block has its own type size.
export function ResultMessage({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  if (!text.includes('\n')) {
    return (
      <p className={className} data-testid={testId}>
        {text}
      </p>
    );
  }
  return (
    <pre
      className="max-w-full overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-xs break-words whitespace-pre-wrap text-slate-900 dark:bg-slate-800 dark:text-slate-100"
      data-testid={testId}
    >
      {text}
    </pre>
  );
}
