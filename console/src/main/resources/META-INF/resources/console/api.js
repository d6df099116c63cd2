// The only module that talks HTTP. Credentials live in this module's memory, never in storage or cookies.
// credentials: 'omit' keeps the browser from showing its own Basic-auth dialog on a 401.

let authorization = null;
let principal = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.trim() ? body.trim() : `HTTP ${status}`);
    this.status = status;
  }
}

export function login(name, secret) {
  principal = name;
  authorization = 'Basic ' + btoa(unescape(encodeURIComponent(`${name}:${secret}`)));
}

export function logout() {
  principal = null;
  authorization = null;
}

export const who = () => principal;

async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (authorization) headers.Authorization = authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'omit', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, text);
  return text ? JSON.parse(text) : null;
}

export const get = (path) => request('GET', path);

/** A v1 operator call through the master (maintenance calls are forwarded to maintenance-service). */
export const v1 = (call) => request('POST', '/api/v1', call);
