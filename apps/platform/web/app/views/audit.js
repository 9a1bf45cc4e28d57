// A tender's audit trail (GET /api/audit/tenders/:id[?asOf=]): every decision in commit order with
// who, role, when, what and why; with asOf, the state as it stood then. And a store verification
// (GET /api/audit/verify): every hash chain and opened-bid commitment recomputed.
import { api, withQuery } from '../api.js';
import { done, facts, h, link, loading, replace, showError, table } from '../dom.js';
import { number, when } from '../format.js';

export function render(main, { args: [id], params, signal, setTitle }) {
  setTitle(id ? `Audit trail of ${id}` : 'Audit');
  const asOf = params.get('asOf') ?? '';
  const trail = h('div', { id: 'audit-trail', 'aria-live': 'polite' });
  replace(
    main,
    h('h1', {}, 'Audit'),
    h('p', { class: 'lede' }, 'Every decision of a procurement as recorded in the event store, and a check that no recorded event was altered.'),
    verifySection(),
    h('h2', {}, 'Audit trail of a tender'),
    trailForm(id ?? '', asOf, signal),
    trail,
  );
  done(main);
  if (id) loadTrail(trail, id, asOf, signal);
  else replace(trail, h('p', {}, 'Choose a tender to see its decisions.'));
}

function trailForm(id, asOf, signal) {
  const tenderInput = h('input', { id: 'audit-tender', name: 'tender', required: true, value: id, list: 'audit-tender-ids', spellcheck: 'false', autocomplete: 'off' });
  const ids = h('datalist', { id: 'audit-tender-ids' });
  const asOfInput = h('input', { id: 'audit-as-of', name: 'asOf', value: asOf, spellcheck: 'false', 'aria-describedby': 'audit-as-of-hint' });
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Choose the audit trail' },
    h('div', { class: 'field' }, h('label', { for: 'audit-tender' }, 'Tender id'), tenderInput, ids),
    h('div', { class: 'field' }, h('label', { for: 'audit-as-of' }, 'As of (optional)'), asOfInput, h('span', { id: 'audit-as-of-hint', class: 'hint' }, 'An ISO time such as 2026-12-22T00:00:00Z, or a global position')),
    h('button', { type: 'submit' }, 'Show the trail'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = withQuery(`/audit/${encodeURIComponent(tenderInput.value.trim())}`, { asOf: asOfInput.value.trim() });
  });
  // Suggest the tenders this role can see (the audit route itself decides who may read a trail).
  api('/api/tenders', { signal })
    .then((tenders) => replace(ids, tenders.map((t) => h('option', { value: t.tenderId }, t.title))))
    .catch(() => undefined);
  return form;
}

async function loadTrail(region, id, asOf, signal) {
  loading(region, `the audit trail of ${id}`);
  try {
    const trail = await api(withQuery(`/api/audit/tenders/${encodeURIComponent(id)}`, { asOf }), { signal });
    if (signal.aborted) return;
    replace(
      region,
      h('p', { class: 'summary' }, `${trail.timeline.length} events across ${new Set(trail.timeline.map((e) => e.streamId)).size} streams, ${trail.correlations.length} requests or process runs`, trail.asOf ? ` · as of ${describeAsOf(trail.asOf)}` : '', ' · ', link(`/tenders/${encodeURIComponent(id)}`, 'the tender')),
      trail.asOf ? replayed(trail) : null,
      timelineTable(trail.timeline),
    );
    done(region);
  } catch (error) {
    if (error?.name !== 'AbortError') showError(region, error, `Audit trail of ${id}`);
  }
}

const describeAsOf = (asOf) => (asOf.kind === 'position' ? `global position ${asOf.position}` : when(asOf.at));

/** With asOf: each aggregate folded from the events up to the cut. */
function replayed(trail) {
  const bids = trail.bids ?? [];
  const statuses = bids.reduce((count, b) => ({ ...count, [b.status]: (count[b.status] ?? 0) + 1 }), {});
  return h(
    'section',
    { class: 'card', 'aria-label': 'State as it stood then' },
    h('h3', {}, `As it stood at ${describeAsOf(trail.asOf)}`),
    facts([
      ['Tender', trail.tender ? `${trail.tender.status}${trail.tender.terms?.title ? ` — ${trail.tender.terms.title}` : ''}` : 'not drafted yet'],
      ['Bids', bids.length ? Object.entries(statuses).map(([s, n]) => `${n} ${s}`).join(', ') : 'none'],
      ['Evaluation', trail.evaluation?.status ?? 'not opened'],
      ['Award', trail.award?.status ?? 'not decided'],
    ]),
  );
}

function timelineTable(entries) {
  return table(
    'Decisions in commit order',
    [
      { header: 'Position', numeric: true, cell: (e) => String(e.globalPosition) },
      { header: 'When', cell: (e) => h('time', { datetime: e.occurredAt }, when(e.occurredAt)) },
      { header: 'Who', cell: (e) => [e.actor.userId, e.actor.organisationId ? h('span', { class: 'hint' }, ` (${e.actor.organisationId})`) : null] },
      { header: 'Role', cell: (e) => e.actor.role },
      { header: 'What', cell: (e) => [h('code', { class: 'event-type' }, e.type), ' ', e.summary] },
      { header: 'Why', cell: (e) => e.reason ?? '—' },
    ],
    entries,
    { class: 'data audit-timeline', id: 'audit-timeline' },
  );
}

function verifySection() {
  const result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', id: 'verify-store' }, 'Verify the event store');
  button.addEventListener('click', async () => {
    button.disabled = true;
    loading(result, 'the verification of every hash chain and commitment');
    try {
      replace(result, verification(await api('/api/audit/verify')));
      done(result);
    } catch (error) {
      showError(result, error, 'Verification');
    } finally {
      button.disabled = false;
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'verify-heading' },
    h('h2', { id: 'verify-heading' }, 'Verify the store'),
    h('p', { class: 'hint' }, 'Recomputes every stream’s SHA-256 hash chain and every opened bid’s commitment (auditors and admins).'),
    button,
    result,
  );
}

function verification(report) {
  const problems = [
    ...report.breaks.map((b) => ({ where: `${b.streamId} v${b.streamVersion} (position ${b.globalPosition})`, what: b.reason })),
    ...report.commitmentMismatches.map((m) => ({ where: `bid ${m.bidId}: ${m.streamId} v${m.streamVersion} (position ${m.globalPosition})`, what: `opened content hashes to ${m.computedCommitment}, published commitment ${m.publishedCommitment ?? 'missing'}` })),
  ];
  return h(
    'div',
    { class: report.ok ? 'status ok' : 'status error', role: report.ok ? 'status' : 'alert' },
    h('p', {}, h('strong', {}, report.ok ? 'Intact. ' : 'ALTERED. '), `${number(report.events)} events in ${number(report.streams)} streams checked in ${number(report.durationMs)} ms (${number(report.eventsPerSecond)} events/s).`),
    problems.length ? table('First altered event per stream, and commitment mismatches', [{ header: 'Where', cell: (p) => p.where }, { header: 'What', cell: (p) => p.what }], problems, { class: 'data' }) : null,
  );
}

