// Plain DOM helpers. Every string from the API goes in as a text node or an attribute value
// (never through innerHTML), so nothing the API returns can become markup or script.

/**
 * h('a', { href: '#/tenders', class: 'link', onclick: fn }, 'text', child, [more]) → element.
 * Attributes are set with setAttribute; `on…` keys add listeners; null, undefined and false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends strings (as text), numbers, nodes and nested arrays; skips null/undefined/false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside `element` with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A visible, announced loading line; the region is marked busy until replaced. */
export function loading(region, what) {
  region.setAttribute('aria-busy', 'true');
  replace(region, h('p', { class: 'status loading', role: 'status' }, `Loading ${what}…`));
}

export function done(region) {
  region.removeAttribute('aria-busy');
}

/** The API's refusal as it gave it: HTTP status, stable code, message, and the fields a 400 names. */
export function errorBox(error, context) {
  const fields = Array.isArray(error?.fields) ? error.fields : [];
  return h(
    'div',
    { class: 'status error', role: 'alert' },
    h('p', {}, context ? `${context}: ` : '', h('code', { class: 'error-code' }, error?.code ?? 'ERROR'), error?.status ? ` (HTTP ${error.status})` : ''),
    h('p', { class: 'error-message' }, error?.message ?? String(error)),
    fields.length > 0 ? h('ul', {}, fields.map((f) => h('li', {}, h('code', {}, f.field), ': ', (f.problems ?? []).join('; ')))) : null,
  );
}

/** Shows an error in a region (and clears its busy state). */
export function showError(region, error, context) {
  done(region);
  replace(region, errorBox(error, context));
}

/** A table from column definitions: { header, cell(row) → node|string, numeric? }. */
export function table(caption, columns, rows, attributes = {}) {
  return h(
    'table',
    attributes,
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.header)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.numeric ? 'num' : null }, c.cell(row)))))),
  );
}

/** A definition list from [term, description] pairs (descriptions may be nodes). */
export function facts(pairs, attributes = {}) {
  return h('dl', { class: 'facts', ...attributes }, pairs.filter(Boolean).map(([term, description]) => [h('dt', {}, term), h('dd', {}, description ?? '—')]));
}

/** A link inside the single-page app; ids are URI-encoded into the hash. */
export function link(path, text, attributes = {}) {
  return h('a', { href: `#${path}`, ...attributes }, text);
}
