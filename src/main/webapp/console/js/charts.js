// Charts drawn as SVG with presentation attributes only (the console's CSP allows no inline style).
import { format, svg } from './dom.js';

/** A histogram: shares per equal-width bin from min to max (a densityEstimate Density). */
export function histogram(density, width = 320, height = 160) {
  const shares = density.histogram ?? [];
  const top = Math.max(...shares, 1e-12);
  const plot = { left: 4, bottom: height - 20, top: 16 };
  const barWidth = (width - plot.left * 2) / Math.max(shares.length, 1);
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'chart', role: 'img',
    'aria-label': `histogram of ${density.attrName}` },
  svg('text', { x: plot.left, y: 12, class: 'chart-title' }, density.attrName),
  shares.map((share, k) => {
    const h = (plot.bottom - plot.top) * share / top;
    return svg('rect', { x: plot.left + k * barWidth + 0.5, y: plot.bottom - h, width: Math.max(barWidth - 1, 0.5),
      height: h, fill: '#3b6db3' }, svg('title', {}, `${format(density.min + k * density.width)} – ${format(density.min + (k + 1) * density.width)}: ${(share * 100).toFixed(1)} %`));
  }),
  svg('text', { x: plot.left, y: height - 4, class: 'axis' }, format(density.min)),
  svg('text', { x: width - plot.left, y: height - 4, class: 'axis', 'text-anchor': 'end' }, format(density.max)));
}

/** Blue for −1 through white to red for +1. */
function correlationColour(r) {
  const t = Math.max(-1, Math.min(1, Number.isFinite(r) ? r : 0));
  const fade = v => Math.round(255 - (255 - v) * Math.abs(t));
  return t >= 0 ? `rgb(${fade(200)},${fade(40)},${fade(40)})` : `rgb(${fade(40)},${fade(80)},${fade(200)})`;
}

/** A correlation heat map: matrix[i][j] = the linear correlation of names[i] and names[j]. */
export function heatMap(names, matrix, cell = 34) {
  const label = 120;
  const size = label + cell * names.length;
  return svg('svg', { viewBox: `0 0 ${size} ${size}`, width: size, height: size, class: 'chart heatmap', role: 'img',
    'aria-label': 'correlation heat map' },
  names.map((name, i) => [
    svg('text', { x: label - 4, y: label + cell * i + cell / 2 + 4, 'text-anchor': 'end', class: 'axis' }, shorten(name)),
    svg('text', { x: 0, y: 0, class: 'axis', transform: `translate(${label + cell * i + cell / 2 + 4},${label - 4}) rotate(-90)` }, shorten(name)),
    names.map((other, j) => svg('g', {},
      svg('rect', { x: label + cell * j, y: label + cell * i, width: cell - 1, height: cell - 1, fill: correlationColour(matrix[i][j]) },
        svg('title', {}, `${name} × ${other}: ${format(matrix[i][j])}`)),
      svg('text', { x: label + cell * j + cell / 2, y: label + cell * i + cell / 2 + 4, 'text-anchor': 'middle', class: 'cell-value' },
        Number.isFinite(matrix[i][j]) ? matrix[i][j].toFixed(2) : '–'))),
  ]));
}

/** Horizontal bars of signed values (a model's coefficients). */
export function bars(labels, values, width = 480) {
  const row = 22, label = 150, mid = label + (width - label) / 2;
  const scale = (width - label) / 2 / Math.max(...values.map(v => Math.abs(v)).filter(Number.isFinite), 1e-12);
  return svg('svg', { viewBox: `0 0 ${width} ${row * labels.length + 8}`, width, height: row * labels.length + 8,
    class: 'chart', role: 'img', 'aria-label': 'coefficients' },
  svg('line', { x1: mid, x2: mid, y1: 0, y2: row * labels.length + 8, stroke: '#888' }),
  labels.map((name, k) => {
    const v = Number.isFinite(values[k]) ? values[k] : 0;
    return svg('g', {},
      svg('text', { x: label - 6, y: row * k + 18, 'text-anchor': 'end', class: 'axis' }, shorten(name)),
      svg('rect', { x: v >= 0 ? mid : mid + v * scale, y: row * k + 6, width: Math.abs(v) * scale, height: row - 8,
        fill: v >= 0 ? '#c83c3c' : '#3b6db3' }, svg('title', {}, `${name}: ${values[k]}`)));
  }));
}

function shorten(text) {
  return text.length > 18 ? text.slice(0, 17) + '…' : text;
}
