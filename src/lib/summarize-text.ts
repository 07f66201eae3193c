// Splits a long description into a short summary (whole sentences, about `words` words) and the
// rest, so a page can show the summary and keep the rest behind "more". Client-safe.
export function summarizeText(text: string, words = 45): { summary: string; rest: string } {
  const sentences = text.trim().match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [text];
  let summary = '';
  let count = 0;
  let i = 0;
  for (; i < sentences.length; i += 1) {
    const sentence = sentences[i]!;
    const n = sentence.split(/\s+/).filter(Boolean).length;
    if (count > 0 && count + n > words) break;
    summary += sentence;
    count += n;
  }
  return { summary: summary.trim(), rest: sentences.slice(i).join('').trim() };
}
