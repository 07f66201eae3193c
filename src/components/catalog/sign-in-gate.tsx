import Link from 'next/link';
import { signInPath } from '@/lib/sign-in-path';

// The panel an anonymous visitor sees below the preview, as the source page promises; when
// nothing is locked, an invitation to practise instead.
export function SignInGate({ hiddenCount, returnTo }: { hiddenCount: number; returnTo: string }) {
  return (
    <section
      aria-labelledby="gate-heading"
      data-testid="sign-in-gate"
      className="rounded-xl border border-indigo-200 bg-indigo-50 p-6 text-center dark:border-indigo-500/30 dark:bg-indigo-500/10"
    >
      <h2 id="gate-heading" className="text-lg font-semibold">
        {hiddenCount > 0 ? 'Unlock the full question bank — sign in to continue' : 'Practise this with graded feedback — it is free'}
      </h2>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {hiddenCount > 0
          ? `${hiddenCount} more ${hiddenCount === 1 ? 'question' : 'questions'} in this topic, plus graded practice with feedback.`
          : 'Create an account to answer, get your answer graded, and track your progress.'}
      </p>
      <div className="mt-4 flex justify-center gap-3">
        <Link href={signInPath(returnTo)} className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-indigo-700">
          Sign in
        </Link>
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`} className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium no-underline hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
          Create an account
        </Link>
      </div>
    </section>
  );
}
