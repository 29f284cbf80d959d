// The editor of a fusion's cell list {"values":[{host, cid, sk, pid}, …]}. Keys are typed into
// password fields and leave the browser only inside the encrypted body.
import { el } from './dom.js';

export const MAX_CELLS = 256;

/** An editor filled with cells; .cells() reads them back, refusing an incomplete row. */
export function cellEditor(initialCells) {
  const body = el('tbody', {});
  const addRow = cell => {
    if (body.children.length >= MAX_CELLS) return;
    const input = (name, value, type = 'text') => el('input', { name, value: value ?? '', type, required: true, maxlength: 512,
      class: 'cell-' + name, autocomplete: 'off' });
    const row = el('tr', { class: 'cell-row' },
      el('td', {}, input('host', cell.host)), el('td', {}, input('cid', cell.cid)),
      el('td', {}, input('sk', cell.sk, 'password')), el('td', {}, input('pid', cell.pid)),
      el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => row.remove() }, 'Remove')));
    body.append(row);
  };
  initialCells.forEach(addRow);
  const node = el('div', { class: 'cell-editor' },
    el('table', {}, el('thead', {}, el('tr', {}, ['Host', 'Customer id', 'Key', 'Cell project', ''].map(h => el('th', {}, h)))), body),
    el('button', { type: 'button', class: 'secondary add-cell', onclick: () => addRow({ host: location.origin }) }, 'Add a cell'));
  return {
    node,
    cells() {
      const cells = [...body.querySelectorAll('tr')].map(row => Object.fromEntries(
        ['host', 'cid', 'sk', 'pid'].map(name => [name, row.querySelector(`[name=${name}]`).value.trim()])));
      cells.forEach((cell, k) => {
        const missing = Object.keys(cell).filter(name => cell[name] === '');
        if (missing.length > 0) throw new Error(`Cell ${k + 1}: ${missing.join(', ')} missing`);
      });
      if (cells.length === 0) throw new Error('A fusion needs at least one cell');
      return cells;
    },
  };
}
