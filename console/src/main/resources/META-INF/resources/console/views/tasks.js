// Tasks: every task with its state, framework and agent; filter by text and state.
import { html, raw, quantity, badge, matches, table, secondsToDate, time } from '../format.js';
import { filterBox, bindFilter, indexState, frameworkName } from './shared.js';

export default {
  toolbar: (ctx) => html`<h2>Tasks</h2>${raw(filterBox(ctx, 'tasks', 'filter by id, state, host, framework'))}
    <label><input type="checkbox" id="active-only" ${ctx.filter.activeOnly ? 'checked' : ''}> active only</label>`,
  bindToolbar(ctx, root) {
    bindFilter(ctx, 'tasks', root);
    root.querySelector('#active-only').addEventListener('change', (e) => { ctx.filter.activeOnly = e.target.checked; ctx.refresh(); });
  },
  load: ({ api }) => api.get('/master/state'),
  render(state, ctx) {
    const { tasks, frameworks, agents } = indexState(state);
    const rows = tasks
      .filter((t) => !ctx.filter.activeOnly || state.frameworks.some((f) => f.tasks.includes(t)))
      .filter((t) => matches(ctx.filter.tasks, t.id, t.name, t.state, t.hostname, t.role, frameworkName(frameworks, t.framework_id)))
      .sort((a, b) => (b.statuses[0]?.timestamp ?? 0) - (a.statuses[0]?.timestamp ?? 0))
      .map((t) => {
        const mode = agents.get(t.slave_id)?.machine.mode;
        return html`<tr><td>${t.id}</td><td>${t.name}</td><td>${badge(t.state.replace('TASK_', ''), t.state)}</td>
          <td>${frameworkName(frameworks, t.framework_id)}</td><td>${t.hostname ?? t.slave_id}
          ${mode && mode !== 'UP' ? raw(badge(mode)) : ''}</td><td>${t.role}</td>
          <td class="n">${quantity('cpus', t.resources.cpus)}</td><td class="n">${quantity('mem', t.resources.mem)}</td>
          <td>${time(secondsToDate(t.statuses[0]?.timestamp))}</td><td>${t.statuses[0]?.message ?? ''}</td></tr>`;
      });
    return table('tasks', ['id', 'name', 'state', 'framework', 'agent', 'role', 'cpus', 'mem', 'updated', 'message'],
      rows, 'No tasks match.');
  },
};
