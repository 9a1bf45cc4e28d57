// Talks to this platform's /api with the signed-in bearer token. Every refusal becomes an
// ApiError carrying the API's own status, stable code and message (and fields for a 400).

const SESSION_KEY = 'tenderledger.session';

export class ApiError extends Error {
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The session lives in sessionStorage: it ends with the browser tab. */
export const session = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
    window.dispatchEvent(new Event('session-changed'));
  },
  clear() {
    sessionStorage.removeItem(SESSION_KEY);
    window.dispatchEvent(new Event('session-changed'));
  },
};

async function send(path, { method = 'GET', body, accept = 'application/json', signal, token = session.get()?.token } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK_ERROR', `The platform did not answer (${error?.message ?? error}).`);
  }
  if (response.ok) return response;
  let refusal = {};
  try {
    refusal = await response.json();
  } catch {
    // not JSON: fall back to the status line below
  }
  throw new ApiError(response.status, refusal.code ?? `HTTP_${response.status}`, refusal.message ?? response.statusText, refusal.fields);
}

/** GET (or another method) returning parsed JSON. */
export async function api(path, options) {
  return (await send(path, options)).json();
}

/** GET returning text (e.g. CSV). */
export async function apiText(path, options) {
  return (await send(path, options)).text();
}

/** Builds `path?…` from the defined, non-empty entries of `params`. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Reads the claims of a pasted JWT for display only; the platform verifies it on every call. */
export function claimsOf(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
    return { userId: String(claims.sub ?? '?'), role: String(claims.role ?? '?'), organisationId: String(claims.org ?? '?') };
  } catch {
    return null;
  }
}
