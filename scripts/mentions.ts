/**
 * Mentions CLI.
 *   npm run --silent mentions -- --jsonl < in.jsonl     one JSON line out per JSON line in
 *   npm run --silent mentions -- FILE...                mentions in text/HTML files, for a person
 * Only results go to stdout; problems go to stderr.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { findMentions } from '../src/core/find-mentions';
import { htmlToText } from './lib/html-text';
import { jsonlOutputLine } from './lib/mentions-jsonl';

const HELP = `Usage:
  npm run --silent mentions -- --jsonl < input.jsonl
      Reads JSON Lines {"id": "...", "text": "..."} on stdin and prints, in input order, one line
      {"id": "...", "mentions": [{"topic", "start", "end", "text"}]} per non-blank input line
      (UTF-16 offsets, end exclusive). A line that cannot be read gives
      {"id": null, "mentions": [], "error": "..."} (id kept when present) and a message on stderr
      naming the line number; the run goes on.
  npm run --silent mentions -- FILE...
      Prints the mentions found in each text or HTML file (HTML is reduced to its visible text),
      with line:column and some context.
  --help  This text.
`;

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  }
}

async function runJsonl(): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { output, error } = jsonlOutputLine(line, findMentions);
    if (error !== null) process.stderr.write(`line ${lineNumber}: ${error}\n`);
    await write(`${output}\n`);
  }
}

const CONTEXT_CHARS = 50;

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

async function runFiles(files: string[]): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`${file}: ${(error as Error).message}\n`);
      failures++;
      continue;
    }
    const isHtml = /\.x?html?$/i.test(file) || /^\s*</.test(raw);
    const text = isHtml ? htmlToText(raw) : raw;
    const mentions = findMentions(text);
    await write(`${file}: ${mentions.length} mention${mentions.length === 1 ? '' : 's'}\n`);
    for (const m of mentions) {
      const before = text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start).replace(/\s+/g, ' ');
      const after = text.slice(m.end, m.end + CONTEXT_CHARS).replace(/\s+/g, ' ');
      const where = lineAndColumn(text, m.start).padEnd(9);
      await write(
        `  ${where} ${m.topic.padEnd(17)} …${before}[${text.slice(m.start, m.end)}]${after}…\n`,
      );
    }
  }
  return failures;
}

async function main(): Promise<void> {
  // A closed pipe (`… | head`) ends the run quietly instead of with an EPIPE stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    await write(HELP);
    return;
  }
  if (args.includes('--jsonl')) {
    await runJsonl();
    return;
  }
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write(HELP);
    process.exitCode = 2;
    return;
  }
  if ((await runFiles(files)) > 0) process.exitCode = 1;
}

void main();
