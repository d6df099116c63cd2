// Roles: weight, quota guarantee and limit, consumption, allocation, offers and reservations.
import { html, raw, matches, table, quantity } from '../format.js';
import { filterBox, bindFilter } from './shared.js';

const q = (m) => Object.entries(m ?? {}).filter(([, v]) => v).map(([n, v]) => `${n} ${quantity(n, v)}`).join(', ');

export default {
  toolbar: (ctx) => html`<h2>Roles</h2>${raw(filterBox(ctx, 'roles', 'filter by role'))}`,
  bindToolbar: (ctx, root) => bindFilter(ctx, 'roles', root),
  load: ({ api }) => api.get('/master/roles'),
  render(data, ctx) {
    const rows = data.roles.filter((r) => matches(ctx.filter.roles, r.name))
      .map((r) => html`<tr><td>${r.name}</td><td class="n">${r.weight}</td>
        <td>${q(r.quota.guarantee)}</td><td>${q(r.quota.limit)}</td><td>${q(r.quota.consumed)}</td>
        <td>${q(r.allocated)}</td><td>${q(r.offered)}</td><td>${q(r.reserved)}</td><td class="n">${r.frameworks.length}</td></tr>`);
    return table('roles', ['role', 'weight', 'quota guarantee', 'quota limit', 'consumed (quota)', 'allocated',
      'offered', 'reserved', 'frameworks'], rows, 'No known roles.');
  },
};
