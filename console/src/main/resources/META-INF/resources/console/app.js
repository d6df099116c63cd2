// The console's shell: login, hash routing (#/agents ...), live refresh every few seconds.
import * as api from './api.js';
import { esc, time } from './format.js';
import overview from './views/overview.js';
import agents from './views/agents.js';
import frameworks from './views/frameworks.js';
import tasks from './views/tasks.js';
import offers from './views/offers.js';
import roles from './views/roles.js';
import maintenance from './views/maintenance.js';
import audit from './views/audit.js';

const VIEWS = { overview, agents, frameworks, tasks, offers, roles, maintenance, audit };
const REFRESH_MS = 3000;
const $ = (id) => document.getElementById(id);

let current = null;
let timer = null;
let loading = false;

const ctx = {
  api,
  filter: {},
  /** Shows an outcome above the content: the API's message as it came back, for errors. */
  message(text, kind = 'info') {
    $('message').innerHTML = text ? `<p class="${kind}" id="message-${kind}">${esc(text)}</p>` : '';
  },
  refresh: () => refresh(),
};

async function refresh() {
  if (!current || loading) return;
  loading = true;
  const view = current;
  try {
    const data = await view.load(ctx);
    if (view !== current) return;
    $('content').innerHTML = view.render(data, ctx);
    view.after?.(data, ctx, $('content'));
    $('updated').textContent = `updated ${time(new Date()).slice(11)}`;
  } catch (e) {
    if (e.status === 401) {
      showLogin('Your credentials were refused (401). Log in again.');
    } else {
      ctx.message(`Could not load: ${e.message}`, 'error');
    }
  } finally {
    loading = false;
  }
}

function route() {
  const name = (location.hash.replace(/^#\/?/, '') || 'overview').split('?')[0];
  current = VIEWS[name] ?? overview;
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.hash === `#/${name}`));
  ctx.message('');
  $('content').innerHTML = '<p class="muted">Loading…</p>';
  $('toolbar').innerHTML = current.toolbar ? current.toolbar(ctx) : '';
  current.bindToolbar?.(ctx, $('toolbar'));
  refresh();
}

function schedule() {
  clearInterval(timer);
  if ($('live').checked) timer = setInterval(refresh, REFRESH_MS);
}

function showLogin(error = '') {
  api.logout();
  clearInterval(timer);
  current = null;
  $('shell').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = error;
}

async function onLogin(event) {
  event.preventDefault();
  api.login($('principal').value.trim(), $('secret').value);
  $('secret').value = '';
  try {
    await api.get('/master/state');
  } catch (e) {
    showLogin(e.status === 401 ? 'Wrong principal or secret.' : `The master did not answer: ${e.message}`);
    return;
  }
  $('login').hidden = true;
  $('shell').hidden = false;
  $('who').textContent = api.who();
  if (!location.hash) location.hash = '#/overview';
  route();
  schedule();
}

$('login-form').addEventListener('submit', onLogin);
$('logout').addEventListener('click', () => showLogin());
$('live').addEventListener('change', schedule);
window.addEventListener('hashchange', () => { if (current) route(); });
