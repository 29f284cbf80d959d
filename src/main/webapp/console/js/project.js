// One project: its attributes and their statistics, charts, and — by type — the CSV upload (cells)
// or the cells' live status (fusions); then its models.
import { segment } from './api.js';
import { el, notice, table } from './dom.js';
import { histogram, heatMap } from './charts.js';
import { uploadPanel } from './upload.js';
import { fusionPanel } from './fusion.js';
import { modelsPanel } from './models.js';

const MAX_ATTRIBUTES_SUMMARISED = 500;
const MAX_CHARTED = 12;
const HISTOGRAM_BINS = 20;

export async function projectView(client, root, pid, { timers, rerender, flash, openModel }) {
  const info = await client.info(pid);
  const message = el('p', { class: 'notice', id: 'project-message' }, flash);
  const summary = el('p', { id: 'project-summary' },
    `${info.type} project · ${info.rowCount.toLocaleString('en-US')} rows · ${info.attributeNames.length} attributes`
    + (info.histogramEnabled ? ' · histograms' : ''));
  const attributes = el('div', { id: 'attributes' });
  const charts = el('div', { id: 'charts', class: 'charts' });
  root.append(el('section', { class: 'card' }, el('h2', {}, el('a', { href: '#/' }, 'Projects'), ' / ', el('span', { id: 'project-title' }, pid)),
    summary, message));
  if (info.type === 'fusion') root.append(fusionPanel(client, pid, info, timers, message));
  else root.append(uploadPanel(client, pid, rerender));
  root.append(el('section', { class: 'card' }, el('h2', {}, 'Attributes'), attributes),
    el('section', { class: 'card' }, el('h2', {}, 'Charts'), charts),
    modelsPanel(client, pid, info, rerender, openModel));
  if (info.rowCount === 0 || info.attributeNames.length === 0) {
    attributes.append(el('p', {}, 'No rows learned yet.'));
    return;
  }
  try {
    await showAttributes(client, pid, info, attributes);
    await showCharts(client, pid, info, charts);
  } catch (error) {
    notice(message, error.message, true);
  }
}

const explore = (client, pid, metric, contexts) => client.values('POST',
  `projects/${segment(pid)}/explore?metric=${metric}&returnProjectInfo=false&format=raw`, JSON.stringify({ values: contexts }));

async function showAttributes(client, pid, info, node) {
  const names = info.attributeNames.slice(0, MAX_ATTRIBUTES_SUMMARISED);
  const results = (await explore(client, pid, 'uni', names.map((_, k) => ({ inputAttributes: [String(info.attributeIndexes[k])] }))))
    .KSVDMap.values;
  node.append(table(['Attribute', 'Type', 'Count', 'Mean', 'Std. deviation'],
    names.map((name, k) => [name, info.attributeTypes[k], results[k].count, results[k].mean, results[k].stddev]),
    { id: 'attributes-table' }));
  if (info.attributeNames.length > names.length) node.append(el('p', { class: 'hint' }, `The first ${names.length} of ${info.attributeNames.length} attributes.`));
}

async function showCharts(client, pid, info, node) {
  const continuous = info.attributeNames.map((name, k) => ({ name, index: String(info.attributeIndexes[k]), type: info.attributeTypes[k] }))
    .filter(a => a.type === 'C').slice(0, MAX_CHARTED);
  if (continuous.length === 0) {
    node.append(el('p', {}, 'No continuous attributes to chart.'));
    return;
  }
  if (info.histogramEnabled) {
    const densities = (await client.values('POST', `projects/${segment(pid)}/densityEstimate`, JSON.stringify({
      values: continuous.map(a => ({ inputAttributes: [a.index], extraParameters: { hist_bins: String(HISTOGRAM_BINS) } })),
    }))).densityList.values;
    node.append(el('h3', {}, 'Histograms'), el('div', { class: 'chart-grid', id: 'histograms' }, densities.map(d => histogram(d))));
  } else {
    node.append(el('p', { class: 'hint' }, 'This project keeps no histograms (create it with histograms to see them).'));
  }
  const pairs = [];
  continuous.forEach((a, i) => continuous.slice(i + 1).forEach((b, d) => pairs.push([i, i + 1 + d])));
  const matrix = continuous.map((_, i) => continuous.map((__, j) => (i === j ? 1 : NaN)));
  if (pairs.length > 0) {
    const results = (await explore(client, pid, 'bi', pairs.map(([i, j]) => ({
      inputAttributes: [continuous[i].index, continuous[j].index],
      extraParameters: { need_bi_conditional: 'false', need_bi_conditional_ci95: 'false' },
    })))).KSVDMap.values;
    pairs.forEach(([i, j], k) => { matrix[i][j] = matrix[j][i] = results[k].linCorr ?? NaN; });
  }
  node.append(el('h3', {}, 'Correlations'), el('div', { id: 'heatmap' }, heatMap(continuous.map(a => a.name), matrix)));
}

