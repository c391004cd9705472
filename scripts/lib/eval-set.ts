/**
 * Loads the labelled evaluation set (test/fixtures/eval/<lang>.jsonl) and scores the detector on
 * it. Gold mentions are given as exact substrings in order of appearance; they are located in the
 * text here. A predicted mention is a true positive when its topic matches and its span overlaps
 * a gold span not yet matched.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Mention, TopicId } from '../../src/core/types';
import { TOPIC_IDS } from '../../src/core/types';
import { ROOT } from './paths';

export const EVAL_DIR = path.join(ROOT, 'test/fixtures/eval');

export interface EvalItem {
  id: string;
  lang: string;
  text: string;
  gold: Mention[];
}

interface RawItem {
  id: string;
  lang: string;
  text: string;
  mentions: { topic: TopicId; text: string }[];
}

function isRawItem(value: unknown): value is RawItem {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === 'string' &&
    typeof item.lang === 'string' &&
    typeof item.text === 'string' &&
    Array.isArray(item.mentions)
  );
}

/** Gold spans: each mention text searched from the end of the previous one, else from the start. */
function locate(item: RawItem): Mention[] {
  const gold: Mention[] = [];
  let cursor = 0;
  for (const mention of item.mentions) {
    let at = item.text.indexOf(mention.text, cursor);
    if (at < 0) at = item.text.indexOf(mention.text);
    if (at < 0) throw new Error(`${item.id}: "${mention.text}" is not in the text`);
    gold.push({ topic: mention.topic, start: at, end: at + mention.text.length });
    cursor = at + mention.text.length;
  }
  return gold;
}

export function loadEvalSet(dir = EVAL_DIR): EvalItem[] {
  if (!fs.existsSync(dir)) return [];
  const items: EvalItem[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const parsed: unknown = JSON.parse(line);
      if (!isRawItem(parsed)) throw new Error(`${file}:${index + 1}: not an eval item`);
      items.push({ id: parsed.id, lang: parsed.lang, text: parsed.text, gold: locate(parsed) });
    });
  }
  return items;
}

export interface Counts {
  predicted: number;
  gold: number;
  /** Predicted mentions that overlap a gold mention of the same topic. */
  truePositives: number;
  /** Gold mentions found by some overlapping prediction. */
  found: number;
  exact: number;
}

export interface ItemResult {
  item: EvalItem;
  predicted: Mention[];
  falsePositives: Mention[];
  falseNegatives: Mention[];
}

const overlaps = (a: Mention, b: Mention): boolean =>
  a.topic === b.topic && a.start < b.end && b.start < a.end;

export function scoreItem(item: EvalItem, predicted: Mention[]): ItemResult {
  const used = new Set<number>();
  const falsePositives: Mention[] = [];
  for (const mention of predicted) {
    const index = item.gold.findIndex((gold, k) => !used.has(k) && overlaps(gold, mention));
    if (index < 0) falsePositives.push(mention);
    else used.add(index);
  }
  const falseNegatives = item.gold.filter(
    (gold, k) => !used.has(k) && !predicted.some((p) => overlaps(p, gold)),
  );
  return { item, predicted, falsePositives, falseNegatives };
}

export function emptyCounts(): Counts {
  return { predicted: 0, gold: 0, truePositives: 0, found: 0, exact: 0 };
}

/** Adds one item's figures for `topic` to `counts`. */
export function addCounts(counts: Counts, result: ItemResult, topic: TopicId): void {
  const predicted = result.predicted.filter((m) => m.topic === topic);
  const gold = result.item.gold.filter((m) => m.topic === topic);
  counts.predicted += predicted.length;
  counts.gold += gold.length;
  counts.truePositives +=
    predicted.length - result.falsePositives.filter((m) => m.topic === topic).length;
  counts.found += gold.length - result.falseNegatives.filter((m) => m.topic === topic).length;
  counts.exact += gold.filter((g) =>
    predicted.some((p) => p.start === g.start && p.end === g.end),
  ).length;
}

export const precision = (c: Counts): number =>
  c.predicted === 0 ? 1 : c.truePositives / c.predicted;
export const recall = (c: Counts): number => (c.gold === 0 ? 1 : c.found / c.gold);

export interface EvalReport {
  results: ItemResult[];
  /** Keyed by topic, then by language ('all' for every language). */
  counts: Record<TopicId | 'all', Record<string, Counts>>;
}

export function evaluate(items: EvalItem[], detect: (text: string) => Mention[]): EvalReport {
  const results = items.map((item) => scoreItem(item, detect(item.text)));
  const counts = {} as EvalReport['counts'];
  for (const key of [...TOPIC_IDS, 'all' as const]) counts[key] = {};
  for (const result of results) {
    for (const topic of TOPIC_IDS) {
      for (const lang of [result.item.lang, 'all']) {
        for (const key of [topic, 'all' as const]) {
          const byLang = counts[key];
          byLang[lang] ??= emptyCounts();
          addCounts(byLang[lang], result, topic);
        }
      }
    }
  }
  return { results, counts };
}
