// A CSV learned in batches of rows, each one signed learn call, with a progress bar and the rows/s achieved.
import { segment } from './api.js';
import { dataFrame, inferTypes, readCsvFile } from './csv.js';
import { el, notice } from './dom.js';

const DEFAULT_BATCH_ROWS = 2000;
const MAX_BATCH_ROWS = 100_000;

export function uploadPanel(client, pid, onLearned) {
  const file = el('input', { type: 'file', id: 'upload-file', accept: '.csv,text/csv' });
  const batchRows = el('input', { type: 'number', id: 'upload-batch', min: 1, max: MAX_BATCH_ROWS, value: DEFAULT_BATCH_ROWS });
  const progress = el('progress', { id: 'upload-progress', max: 1, value: 0 });
  const status = el('p', { class: 'notice', id: 'upload-status' });
  const button = el('button', { type: 'submit', id: 'upload-button' }, 'Learn');
  const form = el('form', { class: 'card', id: 'upload' }, el('h2', {}, 'Learn a CSV'),
    el('p', { class: 'hint' }, 'A header line of attribute names; numeric columns are learned as continuous (C), others as categories (T). Up to 64 MB.'),
    el('label', {}, 'CSV file', file), el('label', {}, 'Rows per request', batchRows), button, progress, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const rowsPerBatch = Number(batchRows.value);
    if (!Number.isInteger(rowsPerBatch) || rowsPerBatch < 1 || rowsPerBatch > MAX_BATCH_ROWS) {
      notice(status, `Rows per request: a whole number from 1 to ${MAX_BATCH_ROWS}`, true);
      return;
    }
    if (!file.files[0]) {
      notice(status, 'Choose a CSV file first', true);
      return;
    }
    button.disabled = true;
    try {
      const csv = await readCsvFile(file.files[0]);
      const learned = await learnInBatches(client, pid, csv, rowsPerBatch, (applied, skipped, seconds) => {
        progress.value = (applied + skipped) / csv.rows.length;
        notice(status, progressText(applied, skipped, csv.rows.length, seconds));
      });
      onLearned(`${file.files[0].name}: ${progressText(learned.applied, learned.skipped, csv.rows.length, learned.seconds)}`);
    } catch (error) {
      notice(status, error.message, true);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

async function learnInBatches(client, pid, csv, rowsPerBatch, onBatch) {
  const types = inferTypes(csv);
  const started = performance.now();
  let applied = 0, skipped = 0;
  for (let start = 0; start < csv.rows.length; start += rowsPerBatch) {
    const values = await client.values('POST', `projects/${segment(pid)}/learn`,
      dataFrame(csv.names, types, csv.rows.slice(start, start + rowsPerBatch)));
    applied += values.rowsApplied ?? 0;
    skipped += values.rowsSkipped ?? 0;
    onBatch(applied, skipped, (performance.now() - started) / 1000);
  }
  return { applied, skipped, seconds: (performance.now() - started) / 1000 };
}

function progressText(applied, skipped, total, seconds) {
  const rate = seconds > 0 ? Math.round(applied / seconds) : 0;
  return `${applied.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows learned`
    + (skipped > 0 ? `, ${skipped} skipped` : '') + ` in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} rows/s)`;
}
