// Maintenance: the schedule as a Gantt chart per machine, each machine's mode, the frameworks' answers to
// inverse offers, tasks still running on draining machines, overdue DRAINING machines highlighted; post a
// schedule and bring machines down and up with the v1 calls (errors are the API's own messages).
import { html, raw, esc, badge, table, time, ago, nanosToDate, machineKey, machineName } from '../format.js';
import { indexState, frameworkName } from './shared.js';

const NANOS_PER_MS = 1e6;
let lastSchedule = { windows: [] };

export default {
  toolbar: () => html`<h2>Maintenance</h2>
    <form id="window-form" class="window-form">
      <label>Machines, one per line: <code>hostname ip</code>
        <textarea id="window-machines" rows="3" placeholder="agent-1.local 127.0.0.1"></textarea></label>
      <label>Start <input id="window-start" type="datetime-local" step="60"></label>
      <label>Duration (minutes, empty = open-ended) <input id="window-duration" type="number" min="0" value="60"></label>
      <button type="submit" id="post-schedule">Add window and post schedule</button>
    </form>`,
  bindToolbar(ctx, root) {
    const start = root.querySelector('#window-start');
    const soon = new Date(Date.now() + 5 * 60000 - new Date().getTimezoneOffset() * 60000);
    start.value = soon.toISOString().slice(0, 16);
    root.querySelector('#window-form').addEventListener('submit', (e) => {
      e.preventDefault();
      postWindow(ctx, root);
    });
  },
  async load({ api }) {
    const [state, schedule, status] = await Promise.all([
      api.get('/master/state'),
      api.v1({ type: 'GET_MAINTENANCE_SCHEDULE' }),
      api.v1({ type: 'GET_MAINTENANCE_STATUS' }),
    ]);
    lastSchedule = schedule?.get_maintenance_schedule?.schedule ?? {};
    return { state, schedule: lastSchedule, status: status?.get_maintenance_status?.status ?? {} };
  },
  render({ state, schedule, status }) {
    const machines = machineRows(state, schedule, status);
    const now = Date.now();
    const overdue = machines.filter((m) => m.overdue);
    return html`
      ${raw(overdue.length ? html`<p class="warning" id="overdue">${overdue.length} machine(s) still DRAINING after their
        window started: ${overdue.map((m) => machineName(m.id)).join(', ')}</p>` : '')}
      ${raw(gantt(machines, now))}
      <h3>Machines</h3>
      ${raw(table('machines', ['machine', 'mode', 'window', 'inverse-offer answers', 'tasks still running', 'agents', ''],
        machines.map((m) => machineRow(m, state)), 'No machines are scheduled or registered.'))}
      <h3>Windows</h3>
      ${raw(table('windows', ['#', 'machines', 'start', 'duration', ''], (schedule.windows ?? []).map((w, i) => html`<tr>
        <td>${i + 1}</td><td>${w.machine_ids.map(machineName).join(', ')}</td>
        <td>${time(nanosToDate(w.unavailability.start.nanoseconds))}</td>
        <td>${w.unavailability.duration ? `${Math.round(w.unavailability.duration.nanoseconds / 6e10)} min` : 'open-ended'}</td>
        <td><button class="secondary" data-action="remove-window" data-index="${i}">remove</button></td></tr>`),
        'The schedule is empty.'))}`;
  },
  after(data, ctx, root) {
    root.querySelectorAll('button[data-action]').forEach((b) => b.addEventListener('click', () => act(ctx, b.dataset)));
  },
};

/** Every machine in the schedule, in maintenance, or carrying an agent, with what the page shows of it. */
function machineRows(state, schedule, status) {
  const byKey = new Map();
  const entry = (id) => {
    const key = machineKey(id);
    if (!byKey.has(key)) byKey.set(key, { id, key, windows: [], agents: [], statuses: [], mode: 'UP' });
    return byKey.get(key);
  };
  state.slaves.forEach((a) => {
    const m = entry(a.machine.id);
    m.agents.push(a);
    m.mode = a.machine.mode;
  });
  state.maintenance.machines.forEach((mi) => { entry(mi.id).mode = mi.mode; });
  (schedule.windows ?? []).forEach((w) => w.machine_ids.forEach((id) => entry(id).windows.push(w.unavailability)));
  (status.draining_machines ?? []).forEach((d) => { const m = entry(d.id); m.mode = 'DRAINING'; m.statuses = d.statuses ?? []; });
  (status.down_machines ?? []).forEach((id) => { entry(id).mode = 'DOWN'; });
  const now = Date.now();
  const { frameworks } = indexState(state);
  return [...byKey.values()].map((m) => {
    const started = m.windows.some((u) => nanosToDate(u.start.nanoseconds).getTime() <= now);
    const agentIds = new Set(m.agents.map((a) => a.id));
    const running = state.frameworks.flatMap((f) => f.tasks).filter((t) => agentIds.has(t.slave_id));
    return { ...m, overdue: m.mode === 'DRAINING' && started, running, frameworks };
  }).sort((a, b) => machineName(a.id).localeCompare(machineName(b.id)));
}

function machineRow(m) {
  const w = m.windows[0];
  const answers = m.statuses.map((s) => html`<div>${frameworkName(m.frameworks, s.framework_id.value)}:
    ${raw(badge(s.status, s.status === 'ACCEPT' ? 'up' : 'down'))} <span class="muted">${ago(nanosToDate(s.timestamp.nanoseconds))}</span></div>`);
  const running = m.mode === 'DRAINING' ? m.running.map((t) => html`<div>${t.id} <span class="muted">${t.state.replace('TASK_', '')}</span></div>`) : [];
  const host = m.id.hostname ?? '';
  return html`<tr class="${m.overdue ? 'overdue' : ''}" data-machine="${host}">
    <td>${machineName(m.id)}</td><td>${raw(badge(m.mode))}${m.overdue ? raw(' ' + badge('overdue', 'down')) : ''}</td>
    <td>${w ? `${time(nanosToDate(w.start.nanoseconds))} (${ago(nanosToDate(w.start.nanoseconds))})` : ''}</td>
    <td>${raw(answers.join('') || '<span class="muted">none</span>')}</td>
    <td>${raw(running.join('') || (m.mode === 'DRAINING' ? '<span class="muted">none</span>' : ''))}</td>
    <td class="n">${m.agents.length}</td>
    <td class="actions">
      <button data-action="down" data-host="${host}" data-ip="${m.id.ip ?? ''}">Down</button>
      <button data-action="up" class="secondary" data-host="${host}" data-ip="${m.id.ip ?? ''}">Up</button></td></tr>`;
}

function gantt(machines, now) {
  const windows = machines.flatMap((m) => m.windows);
  if (!windows.length) return '<p class="muted" id="gantt-empty">No maintenance windows are scheduled.</p>';
  const starts = windows.map((u) => u.start.nanoseconds / NANOS_PER_MS);
  const ends = windows.map((u) => (u.duration ? (u.start.nanoseconds + u.duration.nanoseconds) / NANOS_PER_MS : NaN));
  const hour = 3600000;
  const from = Math.min(now, ...starts) - hour / 2;
  const finite = ends.filter((e) => !Number.isNaN(e));
  const to = Math.max(now + hour, ...(finite.length ? finite : [Math.max(...starts) + 2 * hour])) + hour / 2;
  const rows = machines.filter((m) => m.windows.length);
  const label = 230;
  const width = 980;
  const rowH = 30;
  const x = (t) => label + ((t - from) / (to - from)) * (width - label - 10);
  const height = rows.length * rowH + 30;
  const ticks = [];
  const step = niceStep((to - from) / 6);
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  const bars = rows.map((m, i) => {
    const y = i * rowH + 6;
    const segs = m.windows.map((u) => {
      const s = u.start.nanoseconds / NANOS_PER_MS;
      const e = u.duration ? s + u.duration.nanoseconds / NANOS_PER_MS : to;
      return `<rect class="window ${m.mode.toLowerCase()}${m.overdue ? ' overdue' : ''}" x="${x(s)}" y="${y}"
        width="${Math.max(2, x(e) - x(s))}" height="${rowH - 10}" rx="3"><title>${esc(machineName(m.id))}: ${esc(time(new Date(s)))}
        ${u.duration ? `for ${Math.round(u.duration.nanoseconds / 6e10)} min` : 'open-ended'}</title></rect>`;
    }).join('');
    return `<g class="gantt-row" data-machine="${esc(m.id.hostname ?? '')}"><text x="4" y="${y + 15}" class="label">${esc(machineName(m.id))}</text>
      <text x="${label - 6}" y="${y + 15}" text-anchor="end" class="mode ${m.mode.toLowerCase()}">${m.mode}</text>${segs}</g>`;
  }).join('');
  const axis = ticks.map((t) => `<line x1="${x(t)}" x2="${x(t)}" y1="0" y2="${height - 20}" class="tick"/>
    <text x="${x(t)}" y="${height - 6}" text-anchor="middle" class="tick-label">${esc(new Date(t).toISOString().slice(5, 16).replace('T', ' '))}</text>`).join('');
  return `<svg id="gantt" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="maintenance windows per machine">
    ${axis}${bars}<line x1="${x(now)}" x2="${x(now)}" y1="0" y2="${height - 20}" class="now"/>
    <text x="${x(now) + 3}" y="10" class="now-label">now</text></svg>`;
}

function niceStep(ms) {
  const steps = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60000);
  return steps.find((s) => s >= ms) ?? steps[steps.length - 1];
}

function parseMachines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [hostname, ip] = l.split(/[\s,]+/);
    return ip ? { hostname, ip } : { hostname };
  });
}

async function postWindow(ctx, root) {
  const machines = parseMachines(root.querySelector('#window-machines').value);
  const startText = root.querySelector('#window-start').value;
  const minutes = root.querySelector('#window-duration').value;
  const start = new Date(startText);
  if (Number.isNaN(start.getTime())) {
    ctx.message('Give the window a start time.', 'error');
    return;
  }
  const unavailability = { start: { nanoseconds: start.getTime() * NANOS_PER_MS } };
  if (minutes !== '') unavailability.duration = { nanoseconds: Number(minutes) * 60 * 1e9 };
  const windows = [...(lastSchedule.windows ?? []), { machine_ids: machines, unavailability }];
  await post(ctx, { windows }, `Schedule posted: ${windows.length} window(s).`);
}

async function post(ctx, schedule, done) {
  try {
    await ctx.api.v1({ type: 'UPDATE_MAINTENANCE_SCHEDULE', update_maintenance_schedule: { schedule } });
    ctx.message(done, 'ok');
    ctx.refresh();
  } catch (e) {
    ctx.message(`Refused (${e.status}): ${e.message}`, 'error');
  }
}

async function act(ctx, data) {
  if (data.action === 'remove-window') {
    const windows = (lastSchedule.windows ?? []).filter((_, i) => i !== Number(data.index));
    await post(ctx, { windows }, `Window removed; schedule posted with ${windows.length} window(s).`);
    return;
  }
  const id = data.ip ? { hostname: data.host, ip: data.ip } : { hostname: data.host };
  const call = data.action === 'down'
    ? { type: 'START_MAINTENANCE', start_maintenance: { machines: [id] } }
    : { type: 'STOP_MAINTENANCE', stop_maintenance: { machines: [id] } };
  try {
    await ctx.api.v1(call);
    ctx.message(`${machineName(id)} is ${data.action === 'down' ? 'DOWN' : 'UP'}.`, 'ok');
    ctx.refresh();
  } catch (e) {
    ctx.message(`Refused (${e.status}): ${e.message}`, 'error');
  }
}
