/**
 * A small SVG writer for one log-log scatter plot: cost (ms) against page text (characters),
 * one colour per series. No dependencies; the output is plain, diff-able text.
 */
export interface Series {
  name: string;
  colour: string;
  points: { x: number; y: number }[];
}

const W = 760;
const H = 480;
const M = { left: 70, right: 180, top: 30, bottom: 55 };

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

function label(v: number, unit: string): string {
  if (unit === 'chars') {
    if (v >= 1e6) return `${v / 1e6}M`;
    if (v >= 1e3) return `${v / 1e3}k`;
    return String(v);
  }
  return v >= 1 ? String(v) : v.toPrecision(1);
}

export function logLogSvg(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const all = series.flatMap((s) => s.points).filter((p) => p.x > 0 && p.y > 0);
  if (all.length === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"/>`;
  const xs = decades(Math.min(...all.map((p) => p.x)), Math.max(...all.map((p) => p.x)));
  const ys = decades(Math.min(...all.map((p) => p.y)), Math.max(...all.map((p) => p.y)));
  const [x0, x1] = [Math.log10(xs[0] as number), Math.log10(xs[xs.length - 1] as number)];
  const [y0, y1] = [Math.log10(ys[0] as number), Math.log10(ys[ys.length - 1] as number)];
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (x: number): number => M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * pw;
  const sy = (y: number): number => M.top + ph - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="18" font-size="14" font-weight="bold">${esc(title)}</text>`,
  ];
  for (const x of xs) {
    const px = sx(x).toFixed(1);
    out.push(
      `<line x1="${px}" y1="${M.top}" x2="${px}" y2="${M.top + ph}" stroke="#ddd"/>`,
      `<text x="${px}" y="${M.top + ph + 16}" text-anchor="middle">${label(x, 'chars')}</text>`,
    );
  }
  for (const y of ys) {
    const py = sy(y).toFixed(1);
    out.push(
      `<line x1="${M.left}" y1="${py}" x2="${M.left + pw}" y2="${py}" stroke="#ddd"/>`,
      `<text x="${M.left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${label(y, 'ms')}</text>`,
    );
  }
  out.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 12}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(16 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    for (const p of s.points) {
      if (p.x <= 0 || p.y <= 0) continue;
      out.push(
        `<circle cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="2.6" fill="${s.colour}" fill-opacity="0.7"/>`,
      );
    }
    const ly = M.top + 10 + i * 20;
    out.push(
      `<circle cx="${M.left + pw + 16}" cy="${ly}" r="5" fill="${s.colour}"/>`,
      `<text x="${M.left + pw + 26}" y="${ly}" dominant-baseline="middle">${esc(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
