// GET /api/account/export: all of the caller's own data as a JSON download.
import { NextResponse } from 'next/server';
import { exportAccount } from '@/server/account/export-account';
import { requireUser } from '@/server/auth';
import { route } from '@/server/http';

export const GET = route(async () => {
  const actor = await requireUser();
  const data = await exportAccount({ actor });
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="rehearse-export-${data.exportedAt.slice(0, 10)}.json"`,
      'cache-control': 'no-store',
    },
  });
});
