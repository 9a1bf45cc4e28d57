// Turnover statistics (GET /api/statistics/turnover): filters, headline figures each with its
// definition, charts from the report's figures and chart-ready series, red-flagged tenders, the CSV.
import { api, apiText, withQuery } from '../api.js';
import { barChart } from '../charts.js';
import { done, errorBox, h, link, loading, replace, showError, table } from '../dom.js';
import { figureBasis, figureValue, number, when } from '../format.js';
import { queryEnum } from '../openapi.js';

const ROUTE = '/api/statistics/turnover';

/** The figures shown first, in this order; every other figure is in the full table below. */
const HEADLINES = [
  'contractsTendered',
  'renewedOrExtendedWithoutCompetition',
  'providerChanged',
  'newEntrants',
  'lotsWonBySmallProviders',
  'lotsWonByConsortia',
  'singleBidLots',
  'bidsPerLot',
  'medianDaysPublicationToAward',
  'activeContracts',
];

const PROCESS_LABELS = {
  competitive: 'Competitive',
  'direct-award-a': 'Direct award A',
  'direct-award-b': 'Direct award B',
  'direct-award-c': 'Direct award C',
  'most-suitable-provider': 'Most suitable provider',
};
const RED_FLAG_LABELS = { singleBid: 'Single bid', shortTenderPeriod: 'Short tender period', allButWinnerDisqualified: "All but the winner's bids disqualified", lateBidWon: 'Late bid won' };

export function render(main, { params, signal, setTitle }) {
  setTitle('Turnover statistics');
  const filter = { year: params.get('year') ?? '', region: params.get('region') ?? '', contractType: params.get('contractType') ?? '' };
  const results = h('div', { id: 'statistics-results', 'aria-live': 'polite' });
  const form = filterForm(filter);
  replace(main, h('h1', {}, 'Turnover statistics'), h('p', { class: 'lede' }, 'How often contracts are tendered rather than renewed, who wins, and how competitive the tenders were. Every figure says exactly what it counts.'), form, results);
  done(main);
  load(results, filter, form, signal);
}

function filterForm(filter) {
  const year = h('input', { id: 'filter-year', name: 'year', type: 'number', inputmode: 'numeric', min: 1948, max: 2100, value: filter.year, placeholder: 'this year' });
  const region = h('input', { id: 'filter-region', name: 'region', value: filter.region, placeholder: 'all regions', autocomplete: 'off' });
  const contractType = h('select', { id: 'filter-contract-type', name: 'contractType' }, h('option', { value: '' }, 'All contract types'), filter.contractType ? h('option', { value: filter.contractType, selected: true }, filter.contractType) : null);
  queryEnum(ROUTE, 'contractType').then((types) => {
    for (const type of types) if (type !== filter.contractType) contractType.append(h('option', { value: type }, type));
  });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the statistics' },
    h('div', { class: 'field' }, h('label', { for: 'filter-year' }, 'Year'), year),
    h('div', { class: 'field' }, h('label', { for: 'filter-region' }, 'NHS England region'), region),
    h('div', { class: 'field' }, h('label', { for: 'filter-contract-type' }, 'Contract type'), contractType),
    h('button', { type: 'submit' }, 'Show figures'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The filters live in the address, so a view can be bookmarked and shared.
    location.hash = withQuery('/statistics', { year: year.value.trim(), region: region.value.trim(), contractType: contractType.value });
  });
  form.yearInput = year;
  return form;
}

async function load(region, filter, form, signal) {
  loading(region, 'the turnover statistics');
  let report;
  try {
    report = await api(withQuery(ROUTE, filter), { signal });
  } catch (error) {
    if (error?.name !== 'AbortError') showError(region, error, 'The statistics could not be loaded');
    return;
  }
  if (signal.aborted) return;
  if (!form.yearInput.value) form.yearInput.value = String(report.filter.year);
  const trend = h('div', { class: 'chart-slot' });
  replace(
    region,
    summaryLine(report),
    csvLink(report),
    h('h2', {}, 'Headline figures'),
    headlineCards(report),
    h('h2', {}, 'Charts'),
    h('div', { class: 'grid charts' }, ...charts(report), trend),
    redFlagSection(report),
    allFiguresSection(report),
    h('h2', {}, 'What these figures cannot tell'),
    h('ul', { class: 'limitations' }, report.limitations.map((text) => h('li', {}, text))),
  );
  done(region);
  loadTrend(trend, report, signal);
}

function summaryLine(report) {
  const { filter, period } = report;
  return h(
    'p',
    { class: 'summary' },
    `${filter.year}: ${when(period.from)} to ${when(period.to)}`,
    ` · region: ${filter.region ?? 'all'}`,
    ` · contract type: ${filter.contractType ?? 'all'}`,
    ` · short tender period below ${filter.shortTenderPeriodDays} days`,
  );
}

/** The CSV needs the bearer token too, so the link fetches it and hands the browser a file. */
function csvLink(report) {
  const query = { year: report.filter.year, region: report.filter.region, contractType: report.filter.contractType, format: 'csv' };
  const href = withQuery(ROUTE, query);
  const message = h('span', { class: 'form-message', 'aria-live': 'polite' });
  const anchor = h('a', { href, class: 'button secondary', download: `turnover-${report.filter.year}.csv` }, 'Download these figures as CSV');
  anchor.addEventListener('click', async (event) => {
    event.preventDefault();
    replace(message, ' Preparing the CSV…');
    try {
      const csv = await apiText(href, { accept: 'text/csv' });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const save = h('a', { href: url, download: `turnover-${report.filter.year}.csv`, hidden: true });
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      replace(message, ' Downloaded.');
    } catch (error) {
      replace(message, errorBox(error, 'CSV refused'));
    }
  });
  return h('p', { class: 'actions' }, anchor, message);
}

const figureOf = (report, key) => report.figures.find((f) => f.key === key);

function headlineCards(report) {
  return h(
    'ul',
    { class: 'grid cards', 'aria-label': 'Headline figures' },
    HEADLINES.map((key) => figureOf(report, key))
      .filter(Boolean)
      .map((figure) => {
        const basis = figureBasis(figure);
        return h(
          'li',
          { class: 'card figure', 'data-figure': figure.key },
          h('p', { class: 'figure-label' }, figure.label),
          h('p', { class: 'figure-value' }, figureValue(figure)),
          basis ? h('p', { class: 'figure-basis' }, basis) : null,
          h('details', { class: 'definition' }, h('summary', {}, 'Definition'), h('p', {}, figure.definition)),
        );
      }),
  );
}

function charts(report) {
  const value = (key) => figureOf(report, key)?.value ?? null;
  const series = (key) => report.series.find((s) => s.key === key);
  const fromSeries = (key, labels, description) => {
    const s = series(key);
    if (!s) return null;
    return barChart({ key, title: s.label, description, unit: s.unit, labels: s.points.map((p) => labels?.[p.x] ?? p.x), datasets: [{ label: s.label, data: s.points.map((p) => p.y) }] });
  };
  return [
    barChart({
      key: 'competition',
      title: 'Competition',
      description: 'Shares of active contracts tendered or renewed without competition; single-bid lots and tenders split into lots.',
      unit: 'share',
      labels: ['Contracts tendered', 'Renewed or extended without competition', 'Single-bid lots', 'Tenders split into lots'],
      datasets: [{ label: 'Share', data: [value('contractsTendered'), value('renewedOrExtendedWithoutCompetition'), value('singleBidLots'), value('tendersSplitIntoLots')] }],
    }),
    fromSeries('awardsByProcessCount', PROCESS_LABELS, 'Contracts concluded in the year, by award process.'),
    fromSeries('awardsByProcessValue', PROCESS_LABELS, 'Annual contract value of those contracts.'),
    barChart({
      key: 'smallProvidersAndConsortia',
      title: 'Small providers and consortia',
      description: 'Share of concluded lots, and of their annual value, won by small providers and by consortia.',
      unit: 'share',
      labels: ['Small providers', 'Consortia'],
      datasets: [
        { label: 'Share of lots', data: [value('lotsWonBySmallProviders'), value('lotsWonByConsortia')] },
        { label: 'Share of value', data: [value('valueWonBySmallProviders'), value('valueWonByConsortia')] },
      ],
    }),
    barChart({
      key: 'marketChange',
      title: 'Provider change',
      description: 'Re-procurements that changed or kept the provider; new entrants among winners.',
      unit: 'share',
      labels: ['Provider changed', 'Incumbent retained', 'New entrants among winners'],
      datasets: [{ label: 'Share', data: [value('providerChanged'), value('incumbentRetained'), value('newEntrants')] }],
    }),
    fromSeries('redFlags', RED_FLAG_LABELS, 'Tenders whose first award decision was in the year.'),
  ].filter(Boolean);
}

/** Days to award and the single-bid rate over the three years ending with this one. */
async function loadTrend(slot, report, signal) {
  const years = [report.filter.year - 2, report.filter.year - 1];
  loading(slot, 'the three-year trend');
  try {
    const base = { region: report.filter.region, contractType: report.filter.contractType };
    const earlier = await Promise.all(years.map((year) => api(withQuery(ROUTE, { ...base, year }), { signal })));
    if (signal.aborted) return;
    const reports = [...earlier, report];
    const median = (r) => figureOf(r, 'medianDaysPublicationToAward')?.value ?? null;
    replace(
      slot,
      barChart({
        key: 'daysToAward',
        title: 'Median days from publication to award',
        description: `By year, ${years[0]}–${report.filter.year}: whole days from TenderPublished to the first AwardDecided.`,
        unit: 'median-days',
        labels: reports.map((r) => String(r.filter.year)),
        datasets: [{ label: 'Median days', data: reports.map(median) }],
      }),
    );
    done(slot);
  } catch (error) {
    if (error?.name !== 'AbortError') showError(slot, error, 'The trend could not be loaded');
  }
}

function redFlagSection(report) {
  if (report.redFlags.length === 0) return h('section', {}, h('h2', {}, 'Red-flagged tenders'), h('p', {}, 'No tender with a first award decision in this period.'));
  return h(
    'section',
    {},
    h('h2', {}, 'Red-flagged tenders'),
    table(
      'Tenders whose first award decision was in the period, with the red flags each raised',
      [
        { header: 'Tender', cell: (t) => link(`/tenders/${encodeURIComponent(t.tenderId)}`, t.title) },
        { header: 'Red flags', cell: (t) => (t.flags.length ? t.flags.map((f) => RED_FLAG_LABELS[f] ?? f).join(', ') : 'none') },
        { header: 'Single-bid lots', cell: (t) => t.singleBidLots.join(', ') || '—' },
        { header: 'Tender period (days)', numeric: true, cell: (t) => number(t.tenderPeriodDays) },
        { header: 'Audit', cell: (t) => link(`/audit/${encodeURIComponent(t.tenderId)}`, 'Audit trail') },
      ],
      report.redFlags,
      { class: 'data' },
    ),
  );
}

function allFiguresSection(report) {
  return h(
    'details',
    { class: 'all-figures' },
    h('summary', {}, `All ${report.figures.length} figures with their definitions`),
    table(
      null,
      [
        { header: 'Figure', cell: (f) => f.label },
        { header: 'Value', numeric: true, cell: (f) => figureValue(f) },
        { header: 'Basis', cell: (f) => figureBasis(f) ?? '' },
        { header: 'Definition', cell: (f) => f.definition },
      ],
      report.figures,
      { class: 'data' },
    ),
  );
}

