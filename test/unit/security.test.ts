/**
 * Static security checks on what ships (dist/, after `npm run build`) and on the source:
 * no dynamic code, no markup built from data, no network APIs, the default extension CSP, and
 * only the permissions SECURITY.md lists with a reason. `npm test` builds before the unit
 * tests; a missing build fails here (never skips) with a message saying so.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, TARGETS, type Target } from '../../scripts/lib/paths';

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_scripts?: { matches: string[]; all_frames?: boolean; match_about_blank?: boolean }[];
}

function requireBuild(target: Target): string {
  const dir = path.join(DIST, target);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  return dir;
}

async function filesUnder(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(extension))
    .map((e) => path.join(e.parentPath, e.name));
}

interface Finding {
  file: string;
  excerpt: string;
}

async function find(files: string[], pattern: RegExp): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const at = match.index ?? 0;
      found.push({
        file: path.relative(ROOT, file),
        excerpt: text.slice(Math.max(0, at - 40), at + match[0].length + 40),
      });
    }
  }
  return found;
}

/** Code that compiles strings: eval, the Function constructor, string timers. */
const DYNAMIC_CODE =
  /(?<![.\w$])eval\s*\(|\bnew\s+Function\s*\(|(?<![.\w$])Function\s*\(\s*["'`]|\bset(?:Timeout|Interval)\s*\(\s*["'`]/;
/** Markup from data. Preact clears a node with `innerHTML = ""`, a constant, which is allowed. */
const MARKUP_SINKS =
  /\.(?:innerHTML|outerHTML)\s*=(?!=)\s*(?!""|''|``)|\binsertAdjacentHTML\s*\(|\bdocument\.write(?:ln)?\s*\(|\bcreateContextualFragment\s*\(/;
/** Everything that could send or fetch: Backstory makes no network request at all. */
const NETWORK_APIS =
  /(?<![.\w$])fetch\s*\(|\bXMLHttpRequest\b|\bnew\s+WebSocket\b|\bEventSource\b|\bsendBeacon\b|\bimportScripts\s*\(|\bRTCPeerConnection\b/;

describe.each(TARGETS)('the %s build', (target) => {
  it('contains no dynamic code, no markup sinks fed with data and no network API', async () => {
    const scripts = await filesUnder(requireBuild(target), '.js');
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(await find(scripts, DYNAMIC_CODE)).toEqual([]);
    expect(await find(scripts, MARKUP_SINKS)).toEqual([]);
    expect(await find(scripts, NETWORK_APIS)).toEqual([]);
  });

  it('loads no remote script, style or frame from its pages', async () => {
    const pages = await filesUnder(requireBuild(target), '.html');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(await find(pages, /\b(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?\/\//i)).toEqual([]);
    // Inline scripts would be blocked by the default CSP anyway; there must be none to block.
    expect(await find(pages, /<script(?![^>]*\bsrc=)[^>]*>/i)).toEqual([]);
  });

  it('keeps the default extension CSP and asks for no host access beyond the content script reach', async () => {
    const manifest = JSON.parse(
      await readFile(path.join(requireBuild(target), 'manifest.json'), 'utf8'),
    ) as Manifest;
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    // Nothing of the package is exposed to pages (no fingerprinting through extension URLs).
    expect(manifest.web_accessible_resources).toBeUndefined();
    // Host access is exactly the content script's reach, needed to inject the card on demand.
    const reach = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect(manifest.host_permissions ?? []).toEqual(reach);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    // Top frames only: see SECURITY.md ("Frames and shadow DOM").
    for (const script of manifest.content_scripts ?? []) {
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
    }
  });

  it('asks only for permissions that SECURITY.md lists with a reason', async () => {
    const manifest = JSON.parse(
      await readFile(path.join(requireBuild(target), 'manifest.json'), 'utf8'),
    ) as Manifest;
    const documented = await documentedPermissions();
    const asked = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(asked.filter((p) => !documented.has(p))).toEqual([]);
  });
});

/** Rows of the table in SECURITY.md's "Permissions" section: | `name` | reason |. */
async function documentedPermissions(): Promise<Map<string, string>> {
  const text = await readFile(path.join(ROOT, 'SECURITY.md'), 'utf8');
  const start = text.indexOf('\n## Permissions');
  if (start < 0) throw new Error('SECURITY.md has no "## Permissions" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const rows = new Map<string, string>();
  for (const match of section.matchAll(/^\|\s*`([\w.]+)`\s*\|\s*([^|]+?)\s*\|/gm)) {
    rows.set(match[1] as string, match[2] as string);
  }
  return rows;
}

describe('SECURITY.md', () => {
  it('gives every permission a reason and lists none the manifest does not ask for', async () => {
    const documented = await documentedPermissions();
    const manifest = JSON.parse(
      await readFile(path.join(ROOT, 'manifest.json'), 'utf8'),
    ) as Manifest;
    const asked = new Set([
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
    ]);
    expect([...documented.keys()].sort()).toEqual([...asked].sort());
    for (const [name, reason] of documented) expect(reason.length, name).toBeGreaterThan(20);
  });
});

describe('the source', () => {
  it('calls no network API and compiles no strings (tests and scripts aside)', async () => {
    const files = [
      ...(await filesUnder(path.join(ROOT, 'src'), '.ts')),
      ...(await filesUnder(path.join(ROOT, 'src'), '.tsx')),
    ].filter((f) => !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    expect(await find(files, NETWORK_APIS)).toEqual([]);
    expect(await find(files, DYNAMIC_CODE)).toEqual([]);
    expect(await find(files, MARKUP_SINKS)).toEqual([]);
  });
});
