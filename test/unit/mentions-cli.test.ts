/**
 * The mentions CLI as a user runs it: JSON Lines in order, bad lines reported without stopping the
 * run, HTML reduced to visible text, nothing but results on stdout.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'scripts/mentions.ts');

function run(
  args: string[],
  input = '',
): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(TSX, [CLI, ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('mentions CLI', () => {
  it('answers JSON Lines in input order, one line per non-blank input line', () => {
    const input = [
      JSON.stringify({ id: 'a', text: '😀 The CSTO left.' }),
      '',
      'not json',
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 'd', text: 'Протесты в Казахстане' }),
    ].join('\n');
    const { stdout, stderr, status } = run(['--jsonl'], input);
    expect(status).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([
      { id: 'a', mentions: [{ topic: 'csto', start: 7, end: 11, text: 'CSTO' }] },
      { id: null, mentions: [], error: expect.stringContaining('not JSON') },
      { id: 'c', mentions: [], error: 'no "text" string' },
      {
        id: 'd',
        mentions: [
          { topic: 'kazakhstan-unrest', start: 0, end: 21, text: 'Протесты в Казахстане' },
        ],
      },
    ]);
    expect(stderr).toMatch(/line 3: not JSON/);
    expect(stderr).toMatch(/line 4: no "text"/);
  }, 30_000);

  it('prints the mentions of an HTML file, ignoring script, style, noscript and template', () => {
    const { stdout, status } = run([path.join(ROOT, 'test/fixtures/detector/page.html')]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/page\.html: 5 mentions/);
    expect(stdout).toContain('[Collective Security Treaty Organization]');
    expect(stdout).toContain('[protests in Kazakhstan]');
    expect(stdout).toContain('[unrest]');
    expect(stdout).not.toContain('template text');
  }, 30_000);

  it('explains itself with --help and fails on a missing file', () => {
    expect(run(['--help']).stdout).toMatch(/--jsonl/);
    const missing = run(['no-such-file.txt']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-file\.txt/);
  }, 30_000);
});
