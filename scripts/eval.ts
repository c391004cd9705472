/**
 * `npm run eval [-- --verbose]`: precision and recall of findMentions on the labelled press
 * sentences in test/fixtures/eval/*.jsonl, per topic and language. A mention is a true positive
 * when the topic matches and the spans overlap; exact-span agreement is shown beside it.
 */
import { findMentions } from '../src/core/find-mentions';
import { TOPIC_IDS } from '../src/core/types';
import type { Counts } from './lib/eval-set';
import { evaluate, loadEvalSet, precision, recall } from './lib/eval-set';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npm run eval [-- --verbose]\n');
  process.exit(0);
}

const items = loadEvalSet();
const report = evaluate(items, findMentions);

const pct = (value: number): string => (100 * value).toFixed(1).padStart(5);
const row = (label: string, c: Counts): string =>
  `${label.padEnd(26)} P ${pct(precision(c))}  R ${pct(recall(c))}  exact ${pct(c.gold === 0 ? 1 : c.exact / c.gold)}` +
  `   (pred ${c.predicted}, gold ${c.gold}, TP ${c.truePositives}, found ${c.found})`;

const langs = [...new Set(items.map((item) => item.lang))].sort();
process.stdout.write(`${items.length} sentences, languages: ${langs.join(' ')}\n\n`);
for (const topic of [...TOPIC_IDS, 'all' as const]) {
  const byLang = report.counts[topic];
  if (byLang.all !== undefined) process.stdout.write(`${row(`${topic} (all)`, byLang.all)}\n`);
  for (const lang of langs) {
    const counts = byLang[lang];
    if (counts !== undefined && (counts.gold > 0 || counts.predicted > 0)) {
      process.stdout.write(`${row(`  ${lang}`, counts)}\n`);
    }
  }
}

if (verbose) {
  const show = (
    kind: string,
    text: string,
    m: { topic: string; start: number; end: number },
  ): string => `  ${kind} ${m.topic.padEnd(18)} «${text.slice(m.start, m.end)}»`;
  for (const result of report.results) {
    if (result.falsePositives.length === 0 && result.falseNegatives.length === 0) continue;
    process.stdout.write(`\n${result.item.id}: ${result.item.text}\n`);
    for (const m of result.falsePositives)
      process.stdout.write(`${show('FP', result.item.text, m)}\n`);
    for (const m of result.falseNegatives)
      process.stdout.write(`${show('FN', result.item.text, m)}\n`);
  }
}
