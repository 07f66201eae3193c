import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MockInterview } from '@/components/mock/mock-interview';
import { MockReport } from '@/components/mock/mock-report';
import { requirePageUser } from '@/server/auth';
import { NotFoundError } from '@/server/errors';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { getMockSession } from '@/server/mock/get-mock-session';
import { describeMockTime } from '@/server/mock/mock-timing';
import { MockIdSchema } from '@/server/mock/schemas';

export const metadata: Metadata = { title: 'Mock interview' };

type Props = { params: Promise<{ id: string }> };

// A mock interview: under way (the questions and the clock) or finished (its report). A session
// whose time ran out while the page was closed shows the interview at 0:00, which submits what
// this browser kept.
export default async function MockSessionPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/mock/${id}`);
  if (!MockIdSchema.safeParse({ id }).success) notFound();
  const session = await getMockSession({ actor: user, input: { id } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const title = `Mock interview: ${session.topic.name}`;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {session.finishedAt ? (
        <MockReport
          report={buildMockReport(session)}
          timing={describeMockTime({ ...session, finishedAt: session.finishedAt })}
        />
      ) : (
        <MockInterview
          sessionId={session.id}
          topicName={session.topic.name}
          minutes={session.minutes}
          endsAt={session.endsAt.toISOString()}
          serverNow={new Date().toISOString()}
          questions={session.questions.map(({ id: questionId, prompt, answerKind, starterCode, brief }) => ({ id: questionId, prompt, answerKind, starterCode, brief }))}
        />
      )}
    </div>
  );
}
