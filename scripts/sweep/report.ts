/** The sweep's printed report: one row per page, details of every problem, a JSON line last. */
import { layoutShifted, wrongUnrest, type PageResult, type SweepSummary } from './result';

const yesNo = (value: boolean): string => (value ? 'yes' : '-');

/** A Chromium layout shift the control run (after the last page) has yet to attribute. */
function awaitingControl(r: PageResult): boolean {
  return (
    r.moved === 0 &&
    (r.shiftScore ?? 0) > 0 &&
    !!r.replay &&
    r.shiftScoreWithoutExtension === undefined
  );
}

function shiftCell(r: PageResult): string {
  if (r.geometryUnstable) return 'n/a';
  if (awaitingControl(r)) return 'ctrl';
  return yesNo(layoutShifted(r));
}

export function row(r: PageResult): string {
  const cells = [
    r.file.slice(0, 58).padEnd(58),
    String(r.ms).padStart(6),
    String(r.pageMentions.length).padStart(4),
    yesNo(r.seedFound).padStart(4),
    yesNo(r.seedHoverable).padStart(3),
    yesNo(r.cardShown).padStart(4),
    yesNo(r.domChanged).padStart(3),
    shiftCell(r).padStart(5),
    String(r.errors.length).padStart(3),
    String(r.requests.length).padStart(4),
    (r.extensionFiles === null ? 'n/a' : String(r.extensionFiles.length)).padStart(5),
    [
      r.termHit ? 'term-hit' : '',
      r.failure ? 'FAILED' : '',
      r.probeMissing ? 'no-probe' : '',
      awaitingControl(r) ? 'shift: replayed without the extension at the end, see details' : '',
    ]
      .filter(Boolean)
      .join(','),
  ];
  return cells.join(' ');
}

export const HEADER = [
  'page'.padEnd(58),
  'ms'.padStart(6),
  'ment'.padStart(4),
  'seed'.padStart(4),
  'hov'.padStart(3),
  'card'.padStart(4),
  'dom'.padStart(3),
  'shift'.padStart(5),
  'err'.padStart(3),
  'reqs'.padStart(4),
  'files'.padStart(5),
  'notes',
].join(' ');

/** Every problem, spelled out, for the pages that have one. */
export function details(results: readonly PageResult[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const problems: string[] = [];
    if (r.failure) problems.push(`visit failed: ${r.failure}`);
    if (r.probeMissing) problems.push('probe did not run (page CSP?): DOM/shift not checked');
    if (r.domChanged) {
      problems.push(`DOM changed: added ${JSON.stringify(r.added)} ${r.domDifference ?? ''}`);
    }
    if (layoutShifted(r)) problems.push(`layout shift: ${r.moved} moved, score ${r.shiftScore}`);
    else if ((r.shiftScore ?? 0) > 0) {
      problems.push(
        `page's own layout shift (not counted): score ${r.shiftScore} with Backstory, ` +
          `${r.shiftScoreWithoutExtension} without`,
      );
    }
    if (wrongUnrest(r)) problems.push('kazakhstan-unrest highlight on a term-hit page');
    for (const e of r.errors) problems.push(`error: ${e.slice(0, 400)}`);
    for (const q of r.requests) problems.push(`request: ${q}`);
    const files = r.extensionFiles ?? [];
    if (new Set(files).size < files.length) {
      problems.push(`a packaged file loaded more than once (not a request): ${files.join(', ')}`);
    }
    if (r.pageMentions.length > 0) {
      const texts = r.pageMentions.map((m) => `${m.topic}:${JSON.stringify(m.text)}`);
      problems.push(`mentions: ${texts.slice(0, 8).join(', ')}`);
    }
    if (problems.length > 0) lines.push(`${r.file}`, ...problems.map((p) => `  ${p}`));
  }
  return lines;
}

export function summaryLine(summary: SweepSummary): string {
  return JSON.stringify(summary);
}
