import { Markdown } from '@/components/ui/markdown';
import { plainTitle } from '@/lib/plain-title';

// A question page's heading. A one-paragraph prompt of up to 300 characters is the h1 itself. A
// longer prompt cannot be one (lists and code blocks do not belong in a heading, and a heading
// that long is read as a wall), so the prompt, in full and set like a heading, is what the eye
// takes as the title; the h1 is then for screen readers only (the outline and heading navigation
// need one), holding the prompt's start. Shown as well, that start was the same words cut off
// with an ellipsis, directly above themselves.
export function QuestionHeading({ prompt }: { prompt: string }) {
  const isShortPrompt = !prompt.trim().includes('\n') && prompt.length <= 300;
  if (isShortPrompt) {
    return (
      <h1 className="text-xl leading-snug font-semibold" data-testid="question-prompt">
        <Markdown inline>{prompt}</Markdown>
      </h1>
    );
  }
  return (
    <>
      <h1 className="sr-only">{plainTitle(prompt, 120)}</h1>
      <div className="text-lg font-medium" data-testid="question-prompt">
        <Markdown>{prompt}</Markdown>
      </div>
    </>
  );
}
