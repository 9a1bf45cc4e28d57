// Tender notices (GET /api/tenders): what the signed-in role may see, filtered by status.
import { api, withQuery } from '../api.js';
import { done, h, link, loading, replace, showError, table } from '../dom.js';
import { pounds, when } from '../format.js';
import { queryEnum } from '../openapi.js';

export function render(main, { params, signal, setTitle }) {
  setTitle('Tenders');
  const status = params.get('status') ?? '';
  const select = h('select', { id: 'tender-status', name: 'status' }, h('option', { value: '' }, 'Any status'), status ? h('option', { value: status, selected: true }, status) : null);
  queryEnum('/api/tenders', 'status').then((statuses) => {
    for (const s of statuses) if (s !== status) select.append(h('option', { value: s }, s));
  });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter tenders' }, h('div', { class: 'field' }, h('label', { for: 'tender-status' }, 'Status'), select), h('button', { type: 'submit' }, 'Show tenders'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = withQuery('/tenders', { status: select.value });
  });
  const results = h('div', { 'aria-live': 'polite' });
  replace(main, h('h1', {}, 'Tenders'), h('p', { class: 'lede' }, 'Published tenders for everyone; drafts only for their commissioner, admins and auditors.'), form, results);
  done(main);
  load(results, status, signal);
}

async function load(region, status, signal) {
  loading(region, 'the tenders');
  try {
    const tenders = await api(withQuery('/api/tenders', { status }), { signal });
    if (signal.aborted) return;
    replace(
      region,
      tenders.length === 0
        ? h('p', {}, 'No tender you can see matches.')
        : table(
            `${tenders.length} tender${tenders.length === 1 ? '' : 's'}`,
            [
              { header: 'Title', cell: (t) => link(`/tenders/${encodeURIComponent(t.tenderId)}`, t.title) },
              { header: 'Status', cell: (t) => h('span', { class: `badge status-${t.status}` }, t.status) },
              { header: 'Commissioner', cell: (t) => t.commissionerId },
              { header: 'Procedure', cell: (t) => t.procedureProfileId },
              { header: 'Lots', numeric: true, cell: (t) => String(t.lots.length) },
              { header: 'Estimated annual value', numeric: true, cell: (t) => pounds(t.estimatedAnnualValuePence) },
              { header: 'Submission deadline', cell: (t) => when(t.timeline?.submissionDeadline) },
            ],
            tenders,
            { class: 'data', id: 'tender-list' },
          ),
    );
    done(region);
  } catch (error) {
    if (error?.name !== 'AbortError') showError(region, error, 'The tenders could not be loaded');
  }
}
