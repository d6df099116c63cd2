// Offers and inverse offers outstanding right now.
import { html, raw, quantity, matches, table, nanosToDate, time, machineName } from '../format.js';
import { filterBox, bindFilter, indexState, frameworkName } from './shared.js';

export default {
  toolbar: (ctx) => html`<h2>Offers</h2>${raw(filterBox(ctx, 'offers', 'filter by framework, host, role'))}`,
  bindToolbar: (ctx, root) => bindFilter(ctx, 'offers', root),
  load: ({ api }) => api.get('/master/state'),
  render(state, ctx) {
    const { offers, inverseOffers, frameworks, agents } = indexState(state);
    const rows = offers
      .filter((o) => matches(ctx.filter.offers, o.id, o.hostname, o.allocation_info.role, frameworkName(frameworks, o.framework_id)))
      .map((o) => html`<tr><td>${frameworkName(frameworks, o.framework_id)}</td><td>${o.hostname}</td>
        <td>${o.allocation_info.role}</td>
        ${raw(['cpus', 'mem', 'disk', 'ports'].map((n) => html`<td class="n">${quantity(n, o.resources[n] ?? 0)}</td>`).join(''))}
        <td>${o.unavailability ? time(nanosToDate(o.unavailability.start.nanoseconds)) : ''}</td><td class="id">${o.id}</td></tr>`);
    const inverse = inverseOffers
      .filter((o) => matches(ctx.filter.offers, o.id, o.machine_id.hostname, frameworkName(frameworks, o.framework_id)))
      .map((o) => html`<tr><td>${frameworkName(frameworks, o.framework_id)}</td><td>${machineName(o.machine_id)}</td>
        <td>${agents.get(o.slave_id)?.machine.mode ?? ''}</td>
        <td>${time(nanosToDate(o.unavailability.start.nanoseconds))}</td><td class="id">${o.id}</td></tr>`);
    return html`${raw(table('offers', ['framework', 'agent', 'role', 'cpus', 'mem', 'disk', 'ports', 'unavailable from', 'id'],
      rows, 'No outstanding offers.'))}
      <h3>Inverse offers</h3>
      ${raw(table('inverse-offers', ['framework', 'machine', 'mode', 'unavailable from', 'id'], inverse, 'No outstanding inverse offers.'))}`;
  },
};
