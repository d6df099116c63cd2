// Small rendering helpers shared by the views.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Markup already safe to insert: what html`` returns. */
class Safe {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}

/** Tagged template: interpolations are escaped unless they are html`` results or wrapped with raw(). */
export function html(strings, ...values) {
  return new Safe(strings.reduce((out, s, i) => out + s + (i < values.length ? show(values[i]) : ''), ''));
}
const show = (v) => {
  if (Array.isArray(v)) return v.map(show).join('');
  if (v instanceof Safe) return v.text;
  return v && v.__raw !== undefined ? String(v.__raw) : esc(v);
};
export const raw = (s) => ({ __raw: s });

export function num(v, digits = 2) {
  if (v === undefined || v === null) return '0';
  return Number.isInteger(v) ? String(v) : v.toFixed(digits).replace(/\.?0+$/, '');
}

export function mem(mb) {
  if (!mb) return '0';
  return mb >= 1024 ? `${num(mb / 1024, 1)} GB` : `${num(mb)} MB`;
}

export const RESOURCE_FIGURES = ['total', 'allocated', 'offered', 'reserved', 'idle'];

export function quantity(name, v) {
  return name === 'mem' || name === 'disk' ? mem(v) : num(v);
}

export const nanosToDate = (n) => new Date(Number(n) / 1e6);
export const secondsToDate = (s) => new Date(Number(s) * 1000);

export function time(date) {
  if (!date || Number.isNaN(date.getTime())) return '';
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

export function ago(date, now = new Date()) {
  const s = Math.round((date - now) / 1000);
  const a = Math.abs(s);
  const text = a < 90 ? `${a}s` : a < 5400 ? `${Math.round(a / 60)}m` : a < 172800 ? `${Math.round(a / 3600)}h`
    : `${Math.round(a / 86400)}d`;
  return s >= 0 ? `in ${text}` : `${text} ago`;
}

export const badge = (text, kind = text) => html`<span class="badge ${String(kind).toLowerCase()}">${text}</span>`;

/** Rows whose text contains the filter (case-insensitive); rows are arrays of anything with text. */
export function matches(filter, ...fields) {
  if (!filter) return true;
  const needle = filter.toLowerCase();
  return fields.some((f) => String(f ?? '').toLowerCase().includes(needle));
}

export function table(id, headers, rows, empty = 'Nothing to show.') {
  if (!rows.length) return html`<p class="muted empty" id="${id}-empty">${empty}</p>`;
  return html`<table id="${id}"><thead><tr>${raw(headers.map((h) => html`<th>${h}</th>`).join(''))}</tr></thead>
    <tbody>${raw(rows.join(''))}</tbody></table>`;
}

export const machineKey = (id) => `${(id.hostname || '').toLowerCase()}|${id.ip || ''}`;
export const machineName = (id) => (id.ip ? `${id.hostname || ''} (${id.ip})` : id.hostname || '');
