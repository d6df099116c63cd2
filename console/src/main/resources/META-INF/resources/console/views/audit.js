// Audit: who changed the schedule (maintenance-service), quotas/weights/reservations (master), and every
// audited request of the suite, ACL changes included (auth-service) — all read through the master.
import { html, raw, matches, table, time } from '../format.js';
import { filterBox, bindFilter } from './shared.js';

async function attempt(promise) {
  try {
    return { value: await promise };
  } catch (e) {
    return { error: e.status === 403 ? 'You may not read this trail (403).' : e.message };
  }
}

export default {
  toolbar: (ctx) => html`<h2>Audit</h2>${raw(filterBox(ctx, 'audit', 'filter by principal, action, path'))}`,
  bindToolbar: (ctx, root) => bindFilter(ctx, 'audit', root),
  async load({ api }) {
    const [maintenance, operator, auth] = await Promise.all([
      attempt(api.get('/master/audit/maintenance?limit=200')),
      attempt(api.get('/master/audit/operator?limit=200')),
      attempt(api.get('/master/audit/auth?limit=200')),
    ]);
    return { maintenance, operator, auth };
  },
  render({ maintenance, operator, auth }, ctx) {
    const f = ctx.filter.audit;
    const section = (title, id, result, render) => html`<h3>${title}</h3>${raw(result.error
      ? html`<p class="error" id="${id}-error">${result.error}</p>` : render(result.value))}`;
    return html`
      ${raw(section('Maintenance schedule and machine modes', 'audit-maintenance', maintenance, (v) => table('audit-maintenance',
        ['when', 'principal', 'action', 'reason', 'revision', 'changes'],
        v.entries.filter((e) => matches(f, e.principal, e.action, e.reason, JSON.stringify(e.changes)))
          .map((e) => html`<tr><td>${time(new Date(e.occurredAt))}</td><td>${e.principal}</td><td>${e.action}</td>
            <td>${e.reason ?? ''}</td><td class="n">${e.scheduleRevision}</td>
            <td>${e.changes.map((c) => `${c.hostname ?? ''}/${c.ip ?? ''} ${c.previousMode}→${c.mode}`).join('; ')}</td></tr>`),
        'No maintenance changes yet.')))}
      ${raw(section('Weights, quota, reservations and volumes (master)', 'audit-operator', operator, (v) => table('audit-operator',
        ['when', 'principal', 'action', 'object', 'detail'],
        v.changes.filter((c) => matches(f, c.principal, c.action, c.object, c.detail))
          .map((c) => html`<tr><td>${time(new Date(c.at))}</td><td>${c.principal}</td><td>${c.action}</td>
            <td>${c.object}</td><td>${c.detail}</td></tr>`),
        'No operator changes yet.')))}
      ${raw(section('Audited requests, ACL and credential changes included (auth-service; agent protocol hidden unless filtered for)', 'audit-auth', auth, (v) => table('audit-auth',
        ['when', 'service', 'principal', 'method', 'path', 'status', 'decision'],
        v.filter((r) => (f || !r.path.startsWith('/agent/')) && matches(f, r.principal, r.service, r.path, r.decision, r.method))
          .map((r) => html`<tr><td>${time(new Date(r.at))}</td><td>${r.service}</td><td>${r.principal ?? ''}</td>
            <td>${r.method}</td><td>${r.path}</td><td class="n">${r.status}</td><td>${r.decision}</td></tr>`),
        'No audited requests yet.')))}`;
  },
};
