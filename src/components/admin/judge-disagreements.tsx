import Link from 'next/link';
import type { JudgeDisagreements as Data } from '@/server/analytics/list-judge-disagreements';
import { LINK_CLASS } from './styles';

const verdict = (passed: boolean) => (passed ? 'passed' : 'not passed');

// Where the language-model judge and the offline grader disagree on this question, or plainly why
// there is nothing to compare.
export function JudgeDisagreements({ data }: { data: Data }) {
  const { judge, judged, threshold, disagreements } = data;
  const setting =
    judge.state === 'configured'
      ? `The language-model judge is configured (model ${judge.model}).`
      : judge.state === 'invalid'
        ? `The language-model judge is misconfigured: ${judge.problem}`
        : 'The language-model judge is not configured (set GRADER_LLM_URL and GRADER_LLM_MODEL for the worker), so written answers are graded offline only.';
  return (
    <div className="space-y-3 text-sm" data-testid="judge-disagreements">
      <p>{setting}</p>
      {judged === 0 ? (
        <p>{judge.state === 'configured' ? 'No attempt of this question has been graded by the judge yet.' : 'There is nothing to compare.'}</p>
      ) : disagreements.length === 0 ? (
        <p>The judge and the offline grader agree on all {judged} judged attempts (same pass/fail, scores within {threshold} points).</p>
      ) : (
        <>
          <p>
            They disagree on {disagreements.length} of {judged} judged attempts (a different pass/fail, or scores more than {threshold} points apart):
          </p>
          <table className="w-full text-left text-xs" aria-label="Judge disagreements">
            <thead>
              <tr><th scope="col">Attempt</th><th scope="col">Version</th><th scope="col">Judge</th><th scope="col">Offline</th><th scope="col">Difference</th></tr>
            </thead>
            <tbody>
              {disagreements.map((d) => (
                <tr key={d.attemptId}>
                  <td><Link className={LINK_CLASS} href={`/admin/attempts/${d.attemptId}`}>{d.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</Link></td>
                  <td>{d.version ?? '—'}</td>
                  <td>{d.judgeScore} ({verdict(d.judgePassed)})</td>
                  <td>{d.offlineScore} ({verdict(d.offlinePassed)})</td>
                  <td>{d.judgeScore - d.offlineScore > 0 ? '+' : ''}{d.judgeScore - d.offlineScore}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
