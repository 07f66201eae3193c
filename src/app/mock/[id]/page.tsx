import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { MockInterview } from '@/components/mock/mock-interview';
import { MockReport } from '@/components/mock/mock-report';
import { getSessionUser, requirePageUser } from '@/server/auth';
import { NotFoundError } from '@/server/errors';
import { buildMockReport } from '@/server/mock/build-mock-report';
import { getMockSession } from '@/server/mock/get-mock-session';
import { describeMockTime } from '@/server/mock/mock-timing';
import { MockIdSchema } from '@/server/mock/schemas';

type Props = { params: Promise<{ id: string }> };

// The signed-in user's own session, read once per request for the title and the page; null when
// signed out, a malformed id, or not theirs (getMockSession reads only the actor's sessions).
const readOwnSession = cache(async (id: string) => {
  const user = await getSessionUser();
  if (!user || !MockIdSchema.safeParse({ id }).success) return null;
  return getMockSession({ actor: user, input: { id } }).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
});

// The title names the topic, and whether it is the interview or its report; anyone but the owner
// gets the generic title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await readOwnSession((await params).id);
  if (!session) return { title: 'Mock interview' };
  return { title: session.finishedAt ? `Mock interview report: ${session.topic.name}` : `Mock interview: ${session.topic.name}` };
}

// A mock interview: under way (the questions and the clock) or finished (its report). A session
// whose time ran out while the page was closed shows the interview at 0:00, which submits what
// this browser kept.
export default async function MockSessionPage({ params }: Props) {
  const { id } = await params;
  await requirePageUser(`/mock/${id}`);
  const session = await readOwnSession(id);
  if (!session) notFound();
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
          minutes={session.minutes}
          endsAt={session.endsAt.toISOString()}
          serverNow={new Date().toISOString()}
          questions={session.questions.map(({ id: questionId, prompt, answerKind, starterCode, brief, isWithdrawn }) => ({ id: questionId, prompt, answerKind, starterCode, brief, isWithdrawn }))}
        />
      )}
    </div>
  );
}
