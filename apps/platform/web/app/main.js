// The single-page shell: hash routes (#/statistics, #/tenders, #/tenders/ID, #/audit/ID?asOf=…),
// the signed-in identity in the header, and one view module per page.
import { session } from './api.js';
import { destroyCharts } from './charts.js';
import { h, replace } from './dom.js';
import * as audit from './views/audit.js';
import * as signIn from './views/sign-in.js';
import * as statistics from './views/statistics.js';
import * as tender from './views/tender.js';
import * as tenders from './views/tenders.js';

const ROUTES = [
  { pattern: /^\/statistics$/, view: statistics, nav: 'statistics' },
  { pattern: /^\/tenders$/, view: tenders, nav: 'tenders' },
  { pattern: /^\/tenders\/([^/]+)$/, view: tender, nav: 'tenders' },
  { pattern: /^\/audit(?:\/([^/]+))?$/, view: audit, nav: 'audit' },
  { pattern: /^\/sign-in$/, view: signIn, nav: null },
];

const main = document.getElementById('main');
let current = null;
let firstRender = true;

function route() {
  const raw = location.hash.replace(/^#/, '') || '/statistics';
  const [path, query = ''] = raw.split('?');
  return { path, params: new URLSearchParams(query), raw };
}

function render() {
  current?.abort();
  destroyCharts();
  const controller = new AbortController();
  current = controller;
  const { path, params, raw } = route();
  const found = ROUTES.map((r) => ({ ...r, match: r.pattern.exec(path) })).find((r) => r.match);
  const signedIn = session.get() !== null;
  const target = !signedIn && found?.view !== signIn ? { view: signIn, nav: null, match: [], params: new URLSearchParams({ next: raw }) } : found && { ...found, params };

  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === target?.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!target) {
    document.title = 'Not found — TenderLedger';
    replace(main, h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at ', h('code', {}, raw), '. Try ', h('a', { href: '#/statistics' }, 'the turnover statistics'), '.'));
  } else {
    const args = target.match.slice(1).map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
    target.view.render(main, { args, params: target.params, signal: controller.signal, setTitle: (t) => (document.title = `${t} — TenderLedger`) });
  }
  // Move focus to the new page for keyboard and screen-reader users (not on the first load).
  if (!firstRender) main.focus({ preventScroll: false });
  firstRender = false;
}

function renderSession() {
  const box = document.getElementById('session');
  const current = session.get();
  if (!current) {
    replace(box, h('a', { href: '#/sign-in' }, 'Sign in'));
    return;
  }
  const who = current.identity;
  replace(
    box,
    h('span', { class: 'who' }, who ? [h('strong', {}, who.userId), ` · ${who.role} · ${who.organisationId}`] : 'Signed in with a token'),
    ' ',
    h('button', { type: 'button', class: 'link-button', onclick: () => session.clear() }, 'Sign out'),
  );
}

window.addEventListener('hashchange', render);
window.addEventListener('session-changed', () => {
  renderSession();
  render();
});
renderSession();
render();
