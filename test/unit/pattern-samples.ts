/**
 * Sample texts a data pattern (topic-data.ts syntax) matches: every branch of every alternation,
 * optional parts both present and absent, repeats at their minimum and one or two more, a letter
 * class as "x". Enough to check a claim about every match ("each contains one of these stems")
 * on all the shapes a pattern allows; not a general regex enumerator.
 */

const LIMIT = 3000;

interface Cursor {
  source: string;
  at: number;
}

/** Up to LIMIT texts that `pattern` matches (sampled evenly when there are more). */
export function patternSamples(pattern: string): string[] {
  const cursor: Cursor = { source: pattern, at: 0 };
  const samples = alternation(cursor);
  if (cursor.at !== pattern.length) {
    throw new Error(`pattern-samples: stopped at ${cursor.at} of ${JSON.stringify(pattern)}`);
  }
  return samples;
}

function alternation(c: Cursor): string[] {
  const out: string[] = [...sequence(c)];
  while (c.source[c.at] === '|') {
    c.at++;
    out.push(...sequence(c));
  }
  return capped(out);
}

function sequence(c: Cursor): string[] {
  let out = [''];
  while (c.at < c.source.length && c.source[c.at] !== '|' && c.source[c.at] !== ')') {
    const options = quantified(c, atom(c));
    const next: string[] = [];
    for (const head of out) for (const tail of options) next.push(head + tail);
    out = capped(next);
  }
  return out;
}

function atom(c: Cursor): string[] {
  const s = c.source;
  const ch = s[c.at] as string;
  if (s.startsWith('(?:', c.at)) {
    c.at += 3;
    const inner = alternation(c);
    c.at++; // ')'
    return inner;
  }
  const lookaround = /^\(\?<?[=!]/.exec(s.slice(c.at));
  if (lookaround !== null) {
    // A lookaround matches no text of its own.
    c.at += lookaround[0].length;
    alternation(c);
    c.at++;
    return [''];
  }
  if (ch === '[') {
    const end = s.indexOf(']', c.at + 2);
    const body = s.slice(c.at + 1, end);
    c.at = end + 1;
    if (body.startsWith('^')) return ['x'];
    return [body.replace(/\\p\{L\}/g, 'x').replace(/\\(.)/g, '$1')[0] ?? 'x'];
  }
  if (ch === '\\') {
    if (s.startsWith('\\p{L}', c.at)) {
      c.at += 5;
      return ['x'];
    }
    const escaped = s[c.at + 1] as string;
    c.at += 2;
    if (escaped === 'd') return ['1'];
    if (escaped === 's') return [' '];
    if (escaped === 'b' || escaped === 'B') return [''];
    if (escaped === 'w') return ['x'];
    return [escaped];
  }
  c.at++;
  return [ch === '.' ? 'x' : ch];
}

function quantified(c: Cursor, options: string[]): string[] {
  const s = c.source;
  let min = 1;
  let max = 1;
  const q = s[c.at];
  if (q === '?' || q === '*' || q === '+') {
    min = q === '+' ? 1 : 0;
    max = q === '?' ? 1 : min + 2;
    c.at++;
  } else if (q === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(c.at));
    if (m) {
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[2] === '' ? min + 2 : Number(m[2]);
      c.at += m[0].length;
    }
  } else {
    return options;
  }
  if (s[c.at] === '?') c.at++; // lazy
  const out: string[] = [];
  for (let n = min; n <= Math.min(max, min + 2); n++) {
    let texts = [''];
    for (let i = 0; i < n; i++) {
      texts = capped(texts.flatMap((head) => options.map((tail) => head + tail)));
    }
    out.push(...texts);
  }
  return capped(out);
}

/** Keeps at most LIMIT texts, taken evenly over the list so every branch stays represented. */
function capped(texts: string[]): string[] {
  if (texts.length <= LIMIT) return texts;
  const step = texts.length / LIMIT;
  return Array.from({ length: LIMIT }, (_, i) => texts[Math.floor(i * step)] as string);
}
