// The projects of the signed-in customer: list, create (cell or fusion), delete.
import { segment } from './api.js';
import { cellEditor } from './cells.js';
import { el, notice, table } from './dom.js';

const MAX_LISTED_INFOS = 100;

export async function projectsView(client, root) {
  const message = el('p', { class: 'notice', id: 'projects-message' });
  const listNode = el('div', { id: 'project-list' }, 'Loading…');
  root.append(el('section', { class: 'card' }, el('h2', {}, 'Projects'), message, listNode),
    el('div', { class: 'columns' }, createCellForm(client, message), createFusionForm(client, message)));
  await fillList(client, listNode, message);
}

async function fillList(client, listNode, message) {
  const pids = (await client.values('GET', 'projects/list')).stringList?.values ?? [];
  if (pids.length === 0) {
    listNode.replaceChildren(el('p', {}, 'No projects yet: create a cell project below and upload a CSV into it.'));
    return;
  }
  const infos = await Promise.all(pids.slice(0, MAX_LISTED_INFOS).map(pid => client.info(pid).catch(() => null)));
  const rows = pids.map((pid, k) => [
    el('a', { href: '#/project/' + encodeURIComponent(pid), class: 'project-link' }, pid),
    infos[k]?.type ?? '', infos[k]?.rowCount ?? '', infos[k]?.attributeNames?.length ?? '',
    el('button', { type: 'button', class: 'danger', 'data-pid': pid, onclick: async () => {
      if (!confirm(`Delete project ${pid}? Its statistics and models are gone for good.`)) return;
      try {
        await client.call('DELETE', 'projects/' + segment(pid));
        await fillList(client, listNode, message);
      } catch (error) { notice(message, error.message, true); }
    } }, 'Delete'),
  ]);
  listNode.replaceChildren(table(['Project', 'Type', 'Rows', 'Attributes', ''], rows, { id: 'projects-table' }));
}

function createCellForm(client, message) {
  const pid = el('input', { name: 'pid', id: 'new-cell-pid', required: true, maxlength: 128 });
  const histograms = el('input', { type: 'checkbox', name: 'histograms', checked: true });
  const persist = el('input', { type: 'checkbox', name: 'persist' });
  const form = el('form', { class: 'card', id: 'create-cell' }, el('h2', {}, 'New cell project'),
    el('label', {}, 'Project id', pid),
    el('label', { class: 'inline' }, histograms, 'Histograms (needed for the histogram charts)'),
    el('label', { class: 'inline' }, persist, 'Persist in the database'),
    el('button', { type: 'submit' }, 'Create'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await client.call('POST', `projects?pid=${segment(pid.value.trim())}&persist=${persist.checked}&enableHistogram=${histograms.checked}`, '{}');
      location.hash = '#/project/' + encodeURIComponent(pid.value.trim());
    } catch (error) { notice(message, error.message, true); }
  });
  return form;
}

function createFusionForm(client, message) {
  const pid = el('input', { name: 'pid', id: 'new-fusion-pid', required: true, maxlength: 128 });
  const persist = el('input', { type: 'checkbox', name: 'persist' });
  const self = { host: location.origin, cid: client.cid, sk: client.secret };
  const editor = cellEditor([{ ...self, pid: '' }, { ...self, pid: '' }]);
  const form = el('form', { class: 'card', id: 'create-fusion' }, el('h2', {}, 'New fusion project'),
    el('label', {}, 'Project id', pid),
    el('label', { class: 'inline' }, persist, 'Persist in the database'),
    el('p', { class: 'hint' }, 'Cells: the server, the customer and key to sign as (an export key is best), the cell project.'),
    editor.node,
    el('button', { type: 'submit' }, 'Create fusion'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const cells = editor.cells();
      await client.encryptedCall('POST', `projects/fusion/create?pid=${segment(pid.value.trim())}&persist=${persist.checked}`,
        JSON.stringify({ values: cells }));
      location.hash = '#/project/' + encodeURIComponent(pid.value.trim());
    } catch (error) { notice(message, error.message, true); }
  });
  return form;
}
