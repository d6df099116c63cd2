// Agents: each agent's machine mode and its five resource figures for cpus and mem, kept apart.
import { html, raw, quantity, badge, matches, table, nanosToDate, time, ago, RESOURCE_FIGURES } from '../format.js';
import { filterBox, bindFilter } from './shared.js';

export default {
  toolbar: (ctx) => html`<h2>Agents</h2>${raw(filterBox(ctx, 'agents', 'filter by host, ip, mode, id'))}`,
  bindToolbar: (ctx, root) => bindFilter(ctx, 'agents', root),
  load: ({ api }) => api.get('/master/state'),
  render(state, ctx) {
    const running = {};
    state.frameworks.flatMap((f) => f.tasks).forEach((t) => { running[t.slave_id] = (running[t.slave_id] ?? 0) + 1; });
    const rows = state.slaves
      .filter((a) => matches(ctx.filter.agents, a.hostname, a.ip, a.id, a.machine.mode))
      .map((a) => {
        const s = a.resource_summary;
        const u = a.machine.unavailability;
        const cells = (name) => RESOURCE_FIGURES.map((f) => html`<td class="n">${quantity(name, s[f][name] ?? 0)}</td>`).join('');
        return html`<tr data-agent="${a.hostname}"><td>${a.hostname}</td><td>${a.ip}</td>
          <td>${badge(a.machine.mode)}</td>
          <td>${u ? `${time(nanosToDate(u.start.nanoseconds))} (${ago(nanosToDate(u.start.nanoseconds))})` : ''}</td>
          <td class="n">${running[a.id] ?? 0}</td>${raw(cells('cpus'))}${raw(cells('mem'))}
          <td class="id">${a.id}</td></tr>`;
      });
    const figureHeads = RESOURCE_FIGURES.map((f) => f);
    return html`<table id="agents"><thead>
        <tr><th colspan="5"></th><th colspan="5">cpus</th><th colspan="5">mem</th><th></th></tr>
        <tr><th>hostname</th><th>ip</th><th>mode</th><th>unavailable from</th><th>tasks</th>
          ${raw([...figureHeads, ...figureHeads].map((f) => html`<th>${f}</th>`).join(''))}<th>id</th></tr></thead>
      <tbody>${raw(rows.join(''))}</tbody></table>
      ${rows.length ? '' : raw(table('agents-none', [], [], 'No agents match.'))}`;
  },
};
