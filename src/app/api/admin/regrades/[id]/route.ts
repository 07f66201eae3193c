// GET /api/admin/regrades/<id>: a re-grade run's progress (counts by state), for the admin's poll.
import { NextResponse } from 'next/server';
import { requireAdmin } from '@/server/auth';
import { route } from '@/server/http';
import { getRegradeProgress } from '@/server/regrading/get-regrade-progress';

export const GET = route<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  await requireAdmin();
  return NextResponse.json(await getRegradeProgress({ input: { id: (await params).id } }));
});
