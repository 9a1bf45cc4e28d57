// Bar charts with chart.js 4 (the UMD build defines window.Chart). Each chart is a <figure> with
// a caption, a canvas labelled for screen readers, and the same numbers as a table beneath it.
import { h, table } from './dom.js';
import { number, percent, poundsCompact, pounds } from './format.js';

const Chart = window.Chart;
// Without the Colors plugin every dataset would be drawn in the default grey.
if (Chart?.Colors) Chart.register(Chart.Colors);

const live = new Set();
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** How a value in a unit reads on an axis and in a table. */
export function unitFormat(unit) {
  if (unit === 'share') return { axis: (v) => percent(v, 0), cell: (v) => percent(v) };
  if (unit === 'pence') return { axis: (v) => poundsCompact(v), cell: (v) => pounds(v) };
  return { axis: (v) => number(v), cell: (v) => number(v) };
}

/**
 * A bar chart: `labels` along the category axis, one bar per dataset and label.
 * datasets: [{ label, data: (number|null)[] }]; unit: share | pence | count | mean | median-days;
 * suggestedMax: the top of the value axis unless the data goes higher (shares default to 100%).
 */
export function barChart({ key, title, description, labels, datasets, unit = 'count', stacked = false, horizontal = false, suggestedMax }) {
  const format = unitFormat(unit);
  const canvas = h('canvas', { role: 'img', 'aria-label': `${title}. ${description ?? ''} The data table follows the chart.`.trim(), dataset: { chart: key } });
  const figure = h(
    'figure',
    { class: 'chart', 'data-chart-figure': key },
    h('figcaption', {}, h('span', { class: 'chart-title' }, title), description ? h('span', { class: 'chart-description' }, description) : null),
    h('div', { class: 'chart-canvas' }, canvas),
    h(
      'details',
      { class: 'chart-data' },
      h('summary', {}, 'Data table'),
      table(
        null,
        [{ header: '', cell: (row) => row.label }, ...datasets.map((d, i) => ({ header: d.label, numeric: true, cell: (row) => format.cell(row.values[i]) }))],
        labels.map((label, index) => ({ label, values: datasets.map((d) => d.data[index]) })),
      ),
    ),
  );
  if (!Chart) {
    canvas.replaceWith(h('p', { class: 'status error' }, 'Charts unavailable: /assets/vendor/chart.js did not load. The data table below has the numbers.'));
    return figure;
  }
  const valueAxis = { beginAtZero: true, stacked, ticks: { callback: (value) => format.axis(value) }, suggestedMax: suggestedMax ?? (unit === 'share' ? 1 : undefined) };
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: datasets.map((d) => ({ label: d.label, data: d.data })) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 400 },
      scales: horizontal ? { x: valueAxis, y: { stacked } } : { y: valueAxis, x: { stacked } },
      plugins: {
        legend: { display: datasets.length > 1 },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format.cell(item.raw)}` } },
      },
    },
  });
  live.add(chart);
  return figure;
}

/** Called on every navigation: a chart left behind would keep its resize observer. */
export function destroyCharts() {
  for (const chart of live) chart.destroy();
  live.clear();
}
