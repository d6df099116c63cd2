// Frameworks: connection, roles, dominant share (the allocator's DRF: offered + used over the cluster).
import { html, raw, quantity, badge, matches, table, num, secondsToDate, time } from '../format.js';
import { filterBox, bindFilter } from './shared.js';

export default {
  toolbar: (ctx) => html`<h2>Frameworks</h2>${raw(filterBox(ctx, 'frameworks', 'filter by name, id, user, role'))}`,
  bindToolbar: (ctx, root) => bindFilter(ctx, 'frameworks', root),
  load: ({ api }) => api.get('/master/frameworks'),
  render(data, ctx) {
    const rows = data.frameworks
      .filter((f) => matches(ctx.filter.frameworks, f.name, f.id, f.user, f.principal, f.roles.join(' ')))
      .sort((a, b) => b.dominant_share - a.dominant_share)
      .map((f) => html`<tr><td>${f.name}</td><td>${f.user}</td><td>${f.roles.join(', ')}</td>
        <td>${f.active ? badge('connected', 'up') : badge('disconnected', 'down')}</td>
        <td class="share"><div class="bar"><span class="allocated" style="width:${100 * f.dominant_share}%"></span></div>
          ${num(100 * f.dominant_share, 1)}%</td>
        <td class="n">${f.tasks.length}</td>
        <td class="n">${quantity('cpus', f.used_resources.cpus)}</td><td class="n">${quantity('mem', f.used_resources.mem)}</td>
        <td class="n">${quantity('cpus', f.offered_resources.cpus)}</td><td class="n">${quantity('mem', f.offered_resources.mem)}</td>
        <td class="n">${f.offers.length}</td><td class="n">${f.inverse_offers.length}</td>
        <td>${time(secondsToDate(f.registered_time))}</td><td class="id">${f.id}</td></tr>`);
    return table('frameworks', ['name', 'user', 'roles', 'state', 'dominant share', 'active tasks',
      'allocated cpus', 'allocated mem', 'offered cpus', 'offered mem', 'offers', 'inverse offers', 'registered', 'id'],
    rows, 'No frameworks are subscribed (or you may not view them).');
  },
};
