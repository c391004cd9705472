/**
 * The vocabulary mark.js is given, read from the detector's own topic files
 * (src/core/topics/*.json), so both sides look for the same words:
 * - RegExp mode: every alias pattern in one alternation, longest first, flags `giu`. Patterns
 *   are already regex fragments; a literal space becomes `\s+` as in the detector. mark.js cannot
 *   do the detector's boundaries, case-sensitive acronyms or context rules, so it does less work
 *   per match than we do — that favours the peer.
 * - Term mode: mark.js takes plain strings, so each pattern that is plain text is a term as it
 *   is; a pattern with regex syntax contributes its literal prefix (≥ 4 characters).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface Vocabulary {
  terms: string[];
  regexpSource: string;
  patterns: number;
  topics: string[];
}

interface TopicFile {
  topic: string;
  aliases: { patterns: string[] }[];
}

const META = /[\\[\](){}|*+?.^$]/;

function toSource(pattern: string): string {
  return pattern.replace(/ +/g, '\\s+');
}

export async function loadVocabulary(topicsDir: string): Promise<Vocabulary> {
  const files = (await readdir(topicsDir)).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no topic files (*.json) in ${topicsDir}`);
  const patterns: string[] = [];
  const topics: string[] = [];
  for (const file of files) {
    const data = JSON.parse(await readFile(path.join(topicsDir, file), 'utf8')) as TopicFile;
    topics.push(data.topic);
    for (const alias of data.aliases) patterns.push(...alias.patterns);
  }
  const terms = new Set<string>();
  for (const p of patterns) {
    const cut = p.search(META);
    const literal = (cut < 0 ? p : p.slice(0, cut)).trim();
    if (literal.length >= 4 || (cut < 0 && literal.length > 0)) terms.add(literal);
  }
  const sorted = [...patterns].sort((a, b) => b.length - a.length);
  return {
    terms: [...terms],
    regexpSource: sorted.map((p) => `(?:${toSource(p)})`).join('|'),
    patterns: patterns.length,
    topics,
  };
}
