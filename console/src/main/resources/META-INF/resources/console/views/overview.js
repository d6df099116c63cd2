// Overview: agents by state, tasks by state, and the five resource figures side by side (never summed).
import { html, raw, quantity, RESOURCE_FIGURES, badge } from '../format.js';
import { indexState } from './shared.js';

const EXPLAIN = {
  total: 'what the registered agents have',
  allocated: 'in use by tasks',
  offered: 'in outstanding offers',
  reserved: 'set aside for roles (part of total; may be allocated, offered or idle)',
  idle: 'total − allocated − offered',
};

export default {
  load: ({ api }) => api.get('/master/state'),
  render(state) {
    const { tasks } = indexState(state);
    const agentStates = { UP: 0, DRAINING: 0 };
    state.slaves.forEach((a) => { agentStates[a.machine.mode] = (agentStates[a.machine.mode] ?? 0) + 1; });
    const down = state.maintenance.machines.filter((m) => m.mode === 'DOWN').length;
    const taskStates = {};
    tasks.forEach((t) => { taskStates[t.state] = (taskStates[t.state] ?? 0) + 1; });
    const summary = state.resource_summary;
    const names = [...new Set(RESOURCE_FIGURES.flatMap((f) => Object.keys(summary[f])))]
      .sort((a, b) => ['cpus', 'mem', 'disk', 'gpus', 'ports'].indexOf(a) - ['cpus', 'mem', 'disk', 'gpus', 'ports'].indexOf(b));
    return html`
      <section class="cards">
        <div class="card" id="agents-by-state"><h3>Agents</h3>
          <p class="big">${state.slaves.length}</p>
          <p>${badge(`UP ${agentStates.UP}`, 'up')} ${badge(`DRAINING ${agentStates.DRAINING}`, 'draining')}
             ${badge(`DOWN machines ${down}`, 'down')}</p></div>
        <div class="card" id="tasks-by-state"><h3>Tasks</h3>
          <p class="big">${tasks.length}</p>
          <p>${raw(Object.entries(taskStates).sort().map(([s, n]) => badge(`${s.replace('TASK_', '')} ${n}`, s)).join(' ') || 'none')}</p></div>
        <div class="card"><h3>Frameworks</h3><p class="big">${state.frameworks.length}</p>
          <p>${state.frameworks.filter((f) => f.active).length} connected</p></div>
        <div class="card"><h3>Offers</h3><p class="big">${state.frameworks.reduce((n, f) => n + f.offers.length, 0)}</p>
          <p>${state.frameworks.reduce((n, f) => n + (f.inverse_offers?.length ?? 0), 0)} inverse offers</p></div>
      </section>
      <h2>Resources</h2>
      <table id="resources"><thead><tr><th>resource</th>
        ${raw(RESOURCE_FIGURES.map((f) => html`<th title="${EXPLAIN[f]}">${f}</th>`).join(''))}<th>of total</th></tr></thead>
        <tbody>${raw(names.map((n) => row(n, summary)).join(''))}</tbody></table>
      <ul class="legend">${raw(RESOURCE_FIGURES.map((f) => html`<li><b>${f}</b>: ${EXPLAIN[f]}</li>`).join(''))}</ul>`;
  },
};

function row(name, s) {
  const total = s.total[name] ?? 0;
  const pct = (v) => (total ? (100 * (v ?? 0)) / total : 0);
  return html`<tr><td>${name}</td>
    ${raw(RESOURCE_FIGURES.map((f) => html`<td class="n" data-figure="${f}">${quantity(name, s[f][name] ?? 0)}</td>`).join(''))}
    <td class="bar-cell"><div class="bar">
      <span class="allocated" style="width:${pct(s.allocated[name])}%"></span><span class="offered"
        style="width:${pct(s.offered[name])}%"></span></div>
      <div class="bar thin"><span class="reserved" style="width:${pct(s.reserved[name])}%"></span></div></td></tr>`;
}
