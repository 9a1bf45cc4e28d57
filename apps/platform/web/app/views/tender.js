// One tender (GET /api/tenders/:id): the notice, its timeline, lots, criteria and clarifications;
// once submissions have closed, the evaluation and its ranking per lot as the API shows them to
// the signed-in role (GET …/evaluation and …/evaluation/ranking), or the API's refusal.
import { api } from '../api.js';
import { barChart } from '../charts.js';
import { done, errorBox, facts, h, link, loading, replace, showError, table } from '../dom.js';
import { number, pounds, when } from '../format.js';

export function render(main, { args: [id], signal, setTitle }) {
  setTitle(`Tender ${id}`);
  loading(main, `tender ${id}`);
  load(main, id, signal, setTitle);
}

async function load(main, id, signal, setTitle) {
  const path = `/api/tenders/${encodeURIComponent(id)}`;
  let tender;
  try {
    tender = await api(path, { signal });
  } catch (error) {
    if (error?.name === 'AbortError') return;
    showError(main, error, `Tender ${id}`);
    main.prepend(h('h1', {}, `Tender ${id}`));
    return;
  }
  if (signal.aborted) return;
  setTitle(tender.title);
  const clarifications = h('section', { 'aria-labelledby': 'clarifications-heading' }, h('h2', { id: 'clarifications-heading' }, 'Clarifications'));
  const evaluation = h('section', { 'aria-labelledby': 'evaluation-heading', id: 'evaluation' }, h('h2', { id: 'evaluation-heading' }, 'Evaluation'));
  replace(
    main,
    h('p', { class: 'breadcrumbs' }, link('/tenders', 'Tenders'), ' › ', tender.tenderId),
    h('h1', {}, tender.title, ' ', h('span', { class: `badge status-${tender.status}` }, tender.status)),
    h('p', { class: 'lede' }, tender.description),
    h('p', { class: 'actions' }, link(`/audit/${encodeURIComponent(tender.tenderId)}`, 'Audit trail of this tender', { class: 'button secondary' })),
    overview(tender),
    timeline(tender),
    lots(tender),
    criteria(tender),
    clarifications,
    evaluation,
  );
  done(main);
  loadClarifications(clarifications, path, signal);
  loadEvaluation(evaluation, tender, path, signal);
}

function overview(tender) {
  const term = tender.contractTerm ? `${when(tender.contractTerm.startDate)}, ${tender.contractTerm.months ? `${tender.contractTerm.months} months` : `to ${when(tender.contractTerm.endDate)}`}` : '—';
  return h(
    'section',
    { 'aria-labelledby': 'overview-heading' },
    h('h2', { id: 'overview-heading', class: 'visually-hidden' }, 'Overview'),
    facts([
      ['Tender id', h('code', {}, tender.tenderId)],
      ['Commissioner', tender.commissionerId],
      ['Procedure', tender.procedureProfileId],
      ['Contract type', tender.contractType],
      ['Region', tender.region ?? '—'],
      ['Population', number(tender.population)],
      ['Estimated annual value', pounds(tender.estimatedAnnualValuePence)],
      ['Contract term', term],
      tender.replacesContractId ? ['Re-procures contract', h('code', {}, tender.replacesContractId)] : null,
      tender.lotLimit ? ['Lot limit per bidder', String(tender.lotLimit)] : null,
      tender.noSplitReason ? ['Why not split into lots', tender.noSplitReason] : null,
      ['What you see', tender.view === 'full' ? 'the full record (commissioner, admin or auditor)' : 'the public notice'],
    ]),
  );
}

function timeline(tender) {
  const steps = [
    tender.publishedAt && { at: tender.publishedAt, what: 'Published' },
    { at: tender.timeline.clarificationDeadline, what: 'Clarification deadline' },
    { at: tender.timeline.submissionDeadline, what: 'Submission deadline' },
    tender.closedAt && { at: tender.closedAt, what: 'Submissions closed' },
    { at: tender.timeline.plannedAwardDate, what: 'Planned award date' },
    ...tender.amendments.map((a) => ({ at: a.at, what: `Amended: ${a.reason}` })),
    tender.cancellation && { at: tender.cancellation.at, what: `Cancelled: ${tender.cancellation.reason}` },
  ]
    .filter(Boolean)
    .sort((a, b) => a.at.localeCompare(b.at));
  return h(
    'section',
    { 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, 'Timeline'),
    h('ol', { class: 'timeline' }, steps.map((s) => h('li', {}, h('time', { datetime: s.at }, when(s.at)), ' ', h('span', {}, s.what)))),
  );
}

function lots(tender) {
  return h(
    'section',
    { 'aria-labelledby': 'lots-heading' },
    h('h2', { id: 'lots-heading' }, `Lots (${tender.lots.length})`),
    tender.lots.length === 0
      ? h('p', {}, 'No lots yet.')
      : table(
          null,
          [
            { header: 'Lot', cell: (l) => h('code', {}, l.id) },
            { header: 'Title', cell: (l) => l.title },
            { header: 'Description', cell: (l) => l.description },
            { header: 'Population', numeric: true, cell: (l) => number(l.population) },
            { header: 'Estimated annual value', numeric: true, cell: (l) => pounds(l.estimatedAnnualValuePence) },
          ],
          tender.lots,
          { class: 'data' },
        ),
  );
}

function criteria(tender) {
  return h(
    'section',
    { 'aria-labelledby': 'criteria-heading' },
    h('h2', { id: 'criteria-heading' }, 'Award criteria'),
    table(
      null,
      [
        { header: 'Criterion', cell: (c) => c.name },
        { header: 'Kind', cell: (c) => c.kind },
        { header: 'Weight', numeric: true, cell: (c) => `${number(c.weightBasisPoints / 100)}%` },
        { header: 'Scale', numeric: true, cell: (c) => `0–${c.maxScore}` },
        { header: 'Pass mark', numeric: true, cell: (c) => (c.passMark === null || c.passMark === undefined ? '—' : String(c.passMark)) },
      ],
      tender.criteria,
      { class: 'data' },
    ),
  );
}

async function loadClarifications(section, path, signal) {
  const body = h('div', { 'aria-live': 'polite' });
  section.append(body);
  loading(body, 'the clarifications');
  try {
    const list = await api(`${path}/clarifications`, { signal });
    if (signal.aborted) return;
    replace(
      body,
      list.length === 0
        ? h('p', {}, 'No clarification you can see.')
        : h(
            'ol',
            { class: 'clarifications' },
            list.map((c) =>
              h(
                'li',
                { class: 'card' },
                h('p', { class: 'question' }, h('strong', {}, 'Q: '), c.question, c.yours ? h('span', { class: 'badge' }, 'yours') : null),
                c.questionAsAsked && c.questionAsAsked !== c.question ? h('p', { class: 'hint' }, 'As asked: ', c.questionAsAsked) : null,
                h('p', { class: 'answer' }, h('strong', {}, 'A: '), c.answer ?? 'not answered yet'),
                h('p', { class: 'hint' }, [c.askedAt ? `Asked ${when(c.askedAt)}` : null, c.askedBy ? ` by ${c.askedBy}` : null, c.answeredAt ? ` · answered ${when(c.answeredAt)}` : null]),
              ),
            ),
          ),
    );
    done(body);
  } catch (error) {
    if (error?.name !== 'AbortError') showError(body, error, 'Clarifications');
  }
}

/** Evaluation opens after submissions close; before that there is nothing to ask for. */
async function loadEvaluation(section, tender, path, signal) {
  const body = h('div', { 'aria-live': 'polite' });
  section.append(body);
  if (tender.status !== 'submissions-closed') {
    replace(body, h('p', {}, tender.status === 'cancelled' ? 'The tender was cancelled.' : 'The evaluation starts after submissions close.'));
    return;
  }
  loading(body, 'the evaluation');
  // Both asked at once; each answer (or refusal) is shown as the API gave it to this role.
  const [evaluation, ranking] = await Promise.allSettled([api(`${path}/evaluation`, { signal }), api(`${path}/evaluation/ranking`, { signal })]);
  if (signal.aborted) return;
  const names = new Map((evaluation.status === 'fulfilled' ? evaluation.value.bids : []).map((b) => [b.bidId, b.bidderName]));
  replace(
    body,
    evaluation.status === 'fulfilled' ? evaluationSummary(evaluation.value) : errorBox(evaluation.reason, 'Evaluation'),
    h('h3', {}, 'Ranking per lot'),
    ranking.status === 'fulfilled' ? rankingView(ranking.value, names, tender) : errorBox(ranking.reason, 'Ranking'),
  );
  done(body);
}

function evaluationSummary(evaluation) {
  return facts([
    ['Status', h('span', { class: `badge status-${evaluation.status}` }, evaluation.status)],
    ['Opened', when(evaluation.openedAt)],
    ['Completed', when(evaluation.completedAt)],
    ['Panel', evaluation.panel.map((m) => m.name).join(', ') || '—'],
    ['Bids you can see', String(evaluation.bids.length)],
    ['Score submissions you can see', String(evaluation.submissions.length)],
    ['Seen as', evaluation.viewer],
  ]);
}

function rankingView(view, names, tender) {
  const lotTitle = new Map(tender.lots.map((l) => [l.id, l.title]));
  const bidder = (bidId) => names.get(bidId) ?? bidId;
  const recommended = new Map((view.recommendation?.lots ?? []).map((l) => [l.lotId, l]));
  return h(
    'div',
    {},
    h(
      'p',
      { class: view.verified ? 'status ok' : 'status error' },
      view.verified ? 'Verified: recomputing the ranking and the recommendation from the events gives exactly what was recorded.' : `Not verified: ranking ${view.verification.rankingMatches ? 'matches' : 'differs'}, recommendation ${view.verification.recommendationMatches ? 'matches' : 'differs'}.`,
    ),
    (view.ranking?.lots ?? []).map((lot) => {
      const title = `${lotTitle.get(lot.lotId) ?? lot.lotId}`;
      const rec = recommended.get(lot.lotId);
      return h(
        'section',
        { class: 'lot-ranking', 'data-lot': lot.lotId },
        h('h4', {}, title),
        barChart({
          key: `ranking-${lot.lotId}`,
          title: `${title}: points per bid`,
          description: 'Quality and price points, stacked to the total out of 100; bids that do not qualify are included unranked.',
          unit: 'count',
          stacked: true,
          horizontal: true,
          suggestedMax: 100,
          labels: lot.results.map((r) => `${r.rank ? `#${r.rank} ` : '(not ranked) '}${bidder(r.bidId)}`),
          datasets: [
            { label: 'Quality points', data: lot.results.map((r) => r.qualityPoints) },
            { label: 'Price points', data: lot.results.map((r) => r.pricePoints) },
          ],
        }),
        table(
          null,
          [
            { header: 'Rank', numeric: true, cell: (r) => (r.rank === null ? '—' : String(r.rank)) },
            { header: 'Bidder', cell: (r) => bidder(r.bidId) },
            { header: 'Price', numeric: true, cell: (r) => pounds(r.pricePence) },
            { header: 'Quality', numeric: true, cell: (r) => number(r.qualityPoints) },
            { header: 'Price points', numeric: true, cell: (r) => number(r.pricePoints) },
            { header: 'Total', numeric: true, cell: (r) => number(r.totalPoints) },
            { header: 'Notes', cell: (r) => [r.abnormallyLow ? 'abnormally low price; ' : '', r.exclusionReasons.join(' ')].join('') || '—' },
          ],
          lot.results,
          { class: 'data' },
        ),
        rec ? h('p', { class: 'recommendation' }, h('strong', {}, 'Recommendation: '), rec.explanation) : null,
      );
    }),
    view.recommendation ? h('p', { class: 'hint' }, view.recommendation.summary) : null,
  );
}
