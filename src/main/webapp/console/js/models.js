// Models: build one with a form and watch its job, see its info (coefficients as a chart, the
// assessment metrics), predict on a pasted or uploaded CSV.
import { segment } from './api.js';
import { bars } from './charts.js';
import { dataFrame, inferTypes, parseCsv, readCsvFile } from './csv.js';
import { el, notice, replace, table } from './dom.js';

const ALGORITHMS = ['mlr', 'ridge', 'lasso', 'elasticnet', 'pcr', 'plsq', 'lda', 'bayes', 'mlda', 'mqda', 'covest', 'oospca', 'hba', 'ecod'];
const SHOWN_PREDICTIONS = 200;

export function modelsPanel(client, pid, info, rerender, openModel) {
  const message = el('p', { class: 'notice', id: 'models-message' });
  const detail = el('div', { id: 'model-detail' });
  const list = el('ul', { id: 'models-list' }, (info.modelsList ?? []).map(id => el('li', {},
    el('button', { type: 'button', class: 'link model-link', 'data-model': id, onclick: () => showModel(client, pid, id, detail, message) }, id),
    ` (${info.modelTypeList?.[info.modelsList.indexOf(id)] ?? ''})`)));
  if (openModel) showModel(client, pid, openModel, detail, message);
  return el('section', { class: 'card', id: 'models' }, el('h2', {}, 'Models'),
    info.modelsList?.length ? list : el('p', {}, 'No models yet.'),
    info.rowCount > 0 ? buildForm(client, pid, info, message, rerender) : null, message, detail);
}

function buildForm(client, pid, info, message, rerender) {
  const modelId = el('input', { id: 'model-id', required: true, maxlength: 128, value: 'model1' });
  const algo = el('select', { id: 'model-algo' }, ALGORITHMS.map(a => el('option', { value: a }, a)));
  const target = el('select', { id: 'model-target' }, info.attributeNames.map(name => el('option', { value: name }, name)));
  target.value = info.attributeNames[info.attributeNames.length - 1];
  const inputs = el('div', { id: 'model-inputs', class: 'checks' });
  const fillInputs = () => replace(inputs, info.attributeNames.filter(name => name !== target.value).map(name =>
    el('label', { class: 'inline' }, el('input', { type: 'checkbox', value: name, checked: true }), name)));
  target.addEventListener('change', fillInputs);
  fillInputs();
  const button = el('button', { type: 'submit', id: 'build-button' }, 'Build');
  const form = el('form', { id: 'build' }, el('h3', {}, 'Build a model'),
    el('div', { class: 'row' }, el('label', {}, 'Model id', modelId), el('label', {}, 'Algorithm', algo), el('label', {}, 'Target', target)),
    el('p', {}, 'Inputs'), inputs, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = [...inputs.querySelectorAll('input:checked')].map(box => box.value);
    button.disabled = true;
    try {
      notice(message, 'Building…');
      const answer = await client.job('POST', `projects/${segment(pid)}/build?modelid=${segment(modelId.value.trim())}&algo=${segment(algo.value)}`,
        JSON.stringify({ targetAttributeNames: [target.value], inputAttributeNames: chosen }),
        job => notice(message, `Building… job ${job?.jobId ?? ''} running`));
      rerender(`Model ${modelId.value.trim()}: ${answer.statusString}`, modelId.value.trim());
    } catch (error) {
      notice(message, error.message, true);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The model's info, its coefficients as bars when it has any, and the prediction form. */
async function showModel(client, pid, modelId, node, message) {
  try {
    const model = (await client.values('GET', `projects/${segment(pid)}/models/${segment(modelId)}`)).modelInfo;
    const coefficients = model.extra?.coefficients;
    replace(node, el('h3', {}, `${model.modelId} (${model.modelType})`),
      el('p', {}, `Target ${(model.targetNames ?? []).join(', ')} · inputs ${(model.attributeNames ?? []).join(', ')}`),
      coefficients ? coefficientChart(coefficients) : null,
      table(['Metric', 'Value'], Object.entries(model.info ?? {}).map(([key, value]) => [key, value]), { id: 'model-info' }),
      predictForm(client, pid, modelId));
  } catch (error) {
    notice(message, error.message, true);
  }
}

function coefficientChart(frame) {
  const column = frame.attributeNames.indexOf('coefficient');
  if (column < 0) return null;
  // the intercept is on the target's scale, not an input's: it would flatten every other bar
  const intercept = frame.data.find(row => /intercept/i.test(String(row[0])));
  const rows = frame.data.filter(row => row !== intercept && Number.isFinite(Number(row[column])));
  return el('div', { id: 'coefficients' }, el('h4', {}, 'Coefficients'),
    intercept ? el('p', { class: 'hint' }, `${intercept[0]}: ${intercept[column]}`) : null,
    bars(rows.map(row => String(row[0])), rows.map(row => Number(row[column]))));
}

function predictForm(client, pid, modelId) {
  const text = el('textarea', { id: 'predict-csv', rows: 6, cols: 80, placeholder: 'CSV with a header line: the model\'s inputs' });
  const file = el('input', { type: 'file', id: 'predict-file', accept: '.csv,text/csv' });
  const result = el('div', { id: 'predictions' });
  const status = el('p', { class: 'notice', id: 'predict-status' });
  const form = el('form', { id: 'predict' }, el('h4', {}, 'Predict'), text, el('label', {}, 'or a CSV file', file),
    el('button', { type: 'submit', id: 'predict-button' }, 'Predict'), status, result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const csv = file.files[0] ? await readCsvFile(file.files[0]) : parseCsv(text.value);
      const scores = (await client.values('POST', `projects/${segment(pid)}/predict/${segment(modelId)}`,
        dataFrame(csv.names, inferTypes(csv), csv.rows))).KSVSMap.values;
      const keys = [...new Set(scores.flatMap(Object.keys))];
      notice(status, `${scores.length} predictions` + (scores.length > SHOWN_PREDICTIONS ? `, the first ${SHOWN_PREDICTIONS} shown` : ''));
      replace(result, table(['Row', ...keys], scores.slice(0, SHOWN_PREDICTIONS).map((score, k) => [k + 1, ...keys.map(key => score[key] ?? '')]),
        { id: 'predictions-table' }));
    } catch (error) {
      notice(status, error.message, true);
    }
  });
  return form;
}
