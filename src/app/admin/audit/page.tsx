import type { Metadata } from 'next';
import { AdminNav } from '@/components/admin/admin-nav';
import { Pagination } from '@/components/admin/pagination';
import { listAuditLog } from '@/server/audit/list-audit-log';
import { AuditLogQuerySchema } from '@/server/audit/schemas';
import { requireAdminPage } from '@/server/auth';

export const metadata: Metadata = { title: 'Audit log · Admin' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireAdminPage('/admin/audit');
  const query = AuditLogQuerySchema.safeParse(await searchParams);
  const { entries, total, page, pageCount } = await listAuditLog({ input: { page: query.success ? query.data.page : 1 } });
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/audit" />
      <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{total} admin changes, newest first.</p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" data-testid="audit-log">
          <caption className="sr-only">Admin changes, newest first</caption>
          <thead className="bg-slate-100 dark:bg-slate-800">
            <tr>
              <th scope="col" className="px-4 py-2">When (UTC)</th>
              <th scope="col" className="px-4 py-2">Who</th>
              <th scope="col" className="px-4 py-2">Action</th>
              <th scope="col" className="px-4 py-2">Entity</th>
              <th scope="col" className="px-4 py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="px-4 py-2 whitespace-nowrap">{e.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
                <td className="px-4 py-2">{e.actor ? e.actor.email : 'command line'}</td>
                <td className="px-4 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-4 py-2 font-mono text-xs">{e.entity}{e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}</td>
                <td className="px-4 py-2 font-mono text-xs break-all">{JSON.stringify(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} href={(p) => `/admin/audit?page=${p}`} />
    </div>
  );
}
