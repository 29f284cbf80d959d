// The console builds every node with createElement and puts user data in as text (textContent,
// attribute values): nothing is parsed as HTML, so a project or attribute name shows as written.
const SVG_NS = 'http://www.w3.org/2000/svg';

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el('td', {class: 'num'}, 'text', otherNode). Event handlers as onclick etc. */
export function el(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** An SVG element, with the same conventions. */
export function svg(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

export function replace(node, ...children) {
  node.replaceChildren();
  return fill(node, {}, children);
}

/** A table of rows (arrays of cells: text or nodes) under a header. */
export function table(headers, rows, props = {}) {
  return el('table', props,
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map(cell => cell instanceof Node ? el('td', {}, cell)
      : el('td', { class: typeof cell === 'number' ? 'num' : undefined }, format(cell)))))));
}

export function format(value) {
  if (typeof value !== 'number') return value ?? '';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0) ? value.toExponential(4) : value.toFixed(4);
}

export function ageText(ms) {
  if (ms === undefined || ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

/** A message line (errors in red): where a failed call says what the server answered. */
export function notice(node, text, isError = false) {
  replace(node, text);
  node.className = isError ? 'notice error' : 'notice';
}
