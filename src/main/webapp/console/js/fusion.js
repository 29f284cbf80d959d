// A fusion's cells with their live status, refreshed on a timer; its merge's age and provenance;
// and the cell list, decrypted here to be edited and encrypted here again.
import { segment } from './api.js';
import { cellEditor } from './cells.js';
import { ageText, el, notice, replace, table } from './dom.js';

// each read of a fusion's info is a FUSED_ANSWER entry of the audit trail: poll gently
const REFRESH_MS = 10_000;

export function fusionPanel(client, pid, info, timers, message) {
  const merge = el('div', { id: 'fusion-merge' });
  const cells = el('div', { id: 'fusion-cells' });
  const updated = el('p', { class: 'hint', id: 'fusion-updated' });
  const editorSlot = el('div', {});
  const panel = el('section', { class: 'card', id: 'fusion' }, el('h2', {}, 'Fusion'), merge, cells, updated,
    el('button', { type: 'button', id: 'edit-cells', class: 'secondary', onclick: () => openEditor(client, pid, editorSlot, message) },
      'Edit the cell list'), editorSlot);
  show(info, merge, cells, updated);
  timers.push(setInterval(async () => {
    try {
      show(await client.info(pid), merge, cells, updated);
    } catch (error) {
      notice(updated, `Refresh failed: ${error.message}`, true);
    }
  }, REFRESH_MS));
  return panel;
}

function show(info, mergeNode, cellsNode, updated) {
  const merge = info.fusionMerge;
  replace(mergeNode, merge
    ? table(['Merge', 'Cells merged', 'Rows', 'Age', 'Partial', 'Stale', 'SHA-256'], [[
      merge.lastRefreshFailed ? 'last refresh failed' : 'current', `${merge.cellsMerged} of ${merge.cellsTotal}`,
      merge.rowCount, ageText(merge.ageMs), merge.partial ? 'yes' : 'no', merge.stale ? `yes: ${merge.staleReason ?? ''}` : 'no',
      el('code', { class: 'hash' }, merge.sha256 ?? '–')]], { id: 'merge-table' })
    : el('p', {}, 'No merge yet.'));
  replace(cellsNode, table(['Host', 'Customer', 'Cell project', 'Status', 'Rows', 'Snapshot age', 'In merge', 'Last error', 'Snapshot SHA-256'],
    (info.fusionCells ?? []).map(cell => [cell.host, cell.cid, cell.pid,
      el('span', { class: cell.status === 'OK' ? 'status ok' : 'status bad' }, cell.status),
      cell.rowCount, ageText(cell.snapshotAgeMs), cell.inMerge ? 'yes' : 'no', cell.reason ?? '',
      el('code', { class: 'hash' }, cell.sha256 ?? '–')]), { id: 'cells-table' }));
  replace(updated, `Updated ${new Date().toLocaleTimeString()}; refreshed every ${REFRESH_MS / 1000} s.`);
  updated.className = 'hint';
}

async function openEditor(client, pid, slot, message) {
  try {
    const cellInfo = (await client.info(pid)).fusionCellInfo;
    const editor = cellEditor(JSON.parse(await client.decrypt(cellInfo)).values);
    const save = el('button', { type: 'button', id: 'save-cells', onclick: async () => {
      try {
        await client.encryptedCall('POST', `projects/fusion/${segment(pid)}/updateCellsInfo`, JSON.stringify({ values: editor.cells() }));
        notice(message, 'Cell list saved: the next read fetches the cells again.');
        slot.replaceChildren();
      } catch (error) { notice(message, error.message, true); }
    } }, 'Save the cell list');
    slot.replaceChildren(editor.node, save);
  } catch (error) {
    notice(message, `The cell list cannot be shown: ${error.message}`, true);
  }
}
