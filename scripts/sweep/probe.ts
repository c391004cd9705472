/**
 * The page-world probe the sweep serves as the first script of every page. It never changes
 * the page: it copies the DOM as it was at DOMContentLoaded (before the content script, which
 * runs at document_idle) and later compares, records layout shifts (Chromium), and measures
 * element geometry so a shift caused by the card can be told from the page's own.
 *
 * `installProbe` runs in the page, so it must be self-contained: no imports, no outer names.
 */

/** What the sweep reads back from the page (JSON-safe). */
export interface DomDiff {
  /** Tag names of <html> children added since DOMContentLoaded (the card host is expected). */
  added: string[];
  /** <html> children present at DOMContentLoaded and gone now. */
  removed: number;
  /** Whether any child that was there at DOMContentLoaded, or <html>'s attributes, changed. */
  changed: boolean;
  /** A short excerpt around the first difference, for the report. */
  firstDifference?: string;
}

export interface LayoutShiftEntry {
  value: number;
  startTime: number;
  hadRecentInput: boolean;
}

export interface ProbeApi {
  /** False until DOMContentLoaded took the reference copy. */
  ready: boolean;
  /** Whether this browser reports 'layout-shift' entries (Chromium does, Firefox does not). */
  layoutShiftSupported: boolean;
  shifts: LayoutShiftEntry[];
  diff(): DomDiff;
  /** Stores the geometry of (a sample of) the elements in <body> under `name`. */
  mark(name: string): void;
  /** How many sampled elements moved or resized between two marks. */
  moved(a: string, b: string): number;
}

export const PROBE_GLOBAL = '__backstorySweep';

export function installProbe(globalName: string): void {
  const serializer = new XMLSerializer();
  const attrs = (el: Element): string =>
    Array.from(el.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
  let children: Element[] = [];
  let copies: string[] = [];
  let htmlAttrs = '';
  const marks = new Map<string, Float64Array>();
  const MAX_SAMPLED = 6000;

  const excerpt = (a: string, b: string): string => {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return `at ${i}: before ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))} after ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
  };

  const api: ProbeApi = {
    ready: false,
    layoutShiftSupported: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
    shifts: [],
    diff() {
      const root = document.documentElement;
      const now = Array.from(root.children);
      const added = now.filter((el) => !children.includes(el)).map((el) => el.localName);
      const removed = children.filter((el) => !now.includes(el)).length;
      let firstDifference: string | undefined;
      const nowAttrs = attrs(root);
      if (nowAttrs !== htmlAttrs) firstDifference = `<html> ${excerpt(htmlAttrs, nowAttrs)}`;
      children.forEach((el, i) => {
        if (firstDifference || !now.includes(el)) return;
        const copy = serializer.serializeToString(el);
        if (copy !== copies[i])
          firstDifference = `<${el.localName}> ${excerpt(copies[i] ?? '', copy)}`;
      });
      return { added, removed, changed: firstDifference !== undefined, firstDifference };
    },
    mark(name) {
      const all = document.body ? document.body.getElementsByTagName('*') : [];
      const stride = Math.max(1, Math.ceil(all.length / MAX_SAMPLED));
      const count = Math.ceil(all.length / stride);
      const out = new Float64Array(count * 4);
      for (let i = 0, k = 0; i < all.length; i += stride, k += 4) {
        const r = (all[i] as Element).getBoundingClientRect();
        // Document coordinates, so scrolling (to reach a mention) is not a shift.
        out[k] = r.left + scrollX;
        out[k + 1] = r.top + scrollY;
        out[k + 2] = r.width;
        out[k + 3] = r.height;
      }
      marks.set(name, out);
    },
    moved(a, b) {
      const x = marks.get(a);
      const y = marks.get(b);
      if (!x || !y) throw new Error(`no mark ${x ? b : a}`);
      if (x.length !== y.length) return Math.abs(x.length - y.length) / 4;
      let moved = 0;
      for (let k = 0; k < x.length; k += 4) {
        for (let j = 0; j < 4; j++) {
          // Half a pixel: sub-pixel rounding is not a shift a reader would see.
          if (Math.abs((x[k + j] ?? 0) - (y[k + j] ?? 0)) > 0.5) {
            moved++;
            break;
          }
        }
      }
      return moved;
    },
  };

  if (api.layoutShiftSupported) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
        api.shifts.push({
          value: shift.value,
          startTime: shift.startTime,
          hadRecentInput: shift.hadRecentInput,
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const root = document.documentElement;
    children = Array.from(root.children);
    copies = children.map((el) => serializer.serializeToString(el));
    htmlAttrs = attrs(root);
    api.ready = true;
  });
  Object.defineProperty(window, globalName, { value: api });
}

/**
 * The probe as a classic script served from the test server. tsx (esbuild with keepNames) wraps
 * inner functions in `__name(fn, "name")`; the page has no such helper, so a local one is given.
 */
export function probeSource(): string {
  return (
    `(function () { var __name = function (fn) { return fn; }; ` +
    `(${installProbe.toString()})(${JSON.stringify(PROBE_GLOBAL)}); })();\n`
  );
}
