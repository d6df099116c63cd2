// Helpers several views share: the filter box and indexes over /master/state.
import { html } from '../format.js';

export function filterBox(ctx, key, placeholder = 'filter') {
  return html`<input type="search" class="filter" id="filter" placeholder="${placeholder}"
    value="${ctx.filter[key] ?? ''}" aria-label="filter">`;
}

export function bindFilter(ctx, key, root) {
  root.querySelector('#filter')?.addEventListener('input', (e) => {
    ctx.filter[key] = e.target.value;
    ctx.refresh();
  });
}

export function indexState(state) {
  const frameworks = new Map(state.frameworks.map((f) => [f.id, f]));
  const agents = new Map(state.slaves.map((a) => [a.id, a]));
  const tasks = state.frameworks.flatMap((f) => [...f.tasks, ...f.completed_tasks]);
  const offers = state.frameworks.flatMap((f) => f.offers);
  const inverseOffers = state.frameworks.flatMap((f) => f.inverse_offers ?? []);
  return { frameworks, agents, tasks, offers, inverseOffers };
}

export const frameworkName = (frameworks, id) => frameworks.get(id)?.name ?? id;
