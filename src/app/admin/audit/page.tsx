import type { Metadata } from 'next';
import { cache } from 'react';
import { AdminNav } from '@/components/admin/admin-nav';
import { IgnoredFiltersAlert } from '@/components/admin/ignored-filters-alert';
import { AuditEntryItem } from '@/components/admin/audit-entry';
import { Pagination } from '@/components/admin/pagination';
import { INPUT_CLASS, LABEL_CLASS } from '@/components/admin/styles';
import { ACTION_LABEL, ENTITY_LABEL } from '@/server/audit/audit-labels';
import { describeAuditEntry } from '@/server/audit/describe-audit-entry';
import { listAuditLog } from '@/server/audit/list-audit-log';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AuditLogQuerySchema, type AuditLogQuery } from '@/server/audit/schemas';
import { getSessionUser, requireAdminPage } from '@/server/auth';
import { pagedTitle } from '@/lib/paged-title';
import { parseListFilters, type SearchParams } from '@/lib/parse-list-filters';

type Props = { searchParams: Promise<SearchParams> };

const queryOf = async (searchParams: Props['searchParams']) => {
  const { filters: query, error } = parseListFilters(AuditLogQuerySchema, await searchParams);
  return { query, error };
};
const load = cache((query: string) => listAuditLog({ input: JSON.parse(query) as AuditLogQuery }));

// Past the first page the title names the page (admins only: the count is not for anyone else), so
// each page is told apart and a page change is announced. The list is read once per request (cache).
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const user = await getSessionUser();
  if (user?.role !== 'ADMIN') return { title: 'Audit log · Admin' };
  const { page, pageCount } = await load(JSON.stringify((await queryOf(searchParams)).query));
  return { title: `${pagedTitle('Audit log', page, pageCount)} · Admin` };
}

export default async function AuditPage({ searchParams }: Props) {
  await requireAdminPage('/admin/audit');
  const { error, query } = await queryOf(searchParams);
  const { entries, names, total, page, pageCount } = await load(JSON.stringify(query));
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const key of ['actor', 'entity', 'action'] as const) if (query[key]) params.set(key, query[key]);
    params.set('page', String(p));
    return `/admin/audit?${params}`;
  };
  return (
    <div className="space-y-6">
      <AdminNav current="/admin/audit" />
      <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
      <IgnoredFiltersAlert error={error} />
      <form method="get" role="search" aria-label="Filter the audit log" className="grid gap-3 rounded-xl border border-slate-200 p-4 sm:grid-cols-3 dark:border-slate-800">
        <div className="space-y-1">
          <label htmlFor="audit-actor" className={LABEL_CLASS}>Who</label>
          <input id="audit-actor" name="actor" type="search" defaultValue={query.actor ?? ''} placeholder="Part of an email, or cli" className={INPUT_CLASS} />
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-entity" className={LABEL_CLASS}>Entity</label>
          <select id="audit-entity" name="entity" defaultValue={query.entity ?? ''} className={INPUT_CLASS}>
            <option value="">Any</option>
            {AUDIT_ENTITIES.map((e) => <option key={e} value={e}>{ENTITY_LABEL[e]}</option>)}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="audit-action" className={LABEL_CLASS}>Action</label>
          <select id="audit-action" name="action" defaultValue={query.action ?? ''} className={INPUT_CLASS}>
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{ACTION_LABEL[a]}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-3 sm:col-span-3">
          <button type="submit" className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">Filter</button>
          <a href="?" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">Clear</a>
        </div>
      </form>
      <p id="audit-total" tabIndex={-1} className="text-sm text-slate-600 dark:text-slate-400">{total} {total === 1 ? 'change' : 'changes'}, newest first.</p>
      {/* No changes to list (none match, or a page past the last): no empty box under the count. */}
      {entries.length > 0 ? (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800" data-testid="audit-log">
          {entries.map((e) => (
            <AuditEntryItem key={e.id} at={e.createdAt} action={e.action} described={describeAuditEntry(e, names)} />
          ))}
        </ol>
      ) : null}
      <Pagination page={page} pageCount={pageCount} href={href} focusId="audit-total" />
    </div>
  );
}
