import type { Target } from './paths';

/** Gecko id: fixed so Firefox keeps the user's settings and permissions across updates. */
export const GECKO_ID = 'backstory@backstory.invalid';

/**
 * The base manifest.json is shared; only what the browsers disagree on is patched here:
 * Chrome runs the background as a service worker, Firefox as an event page with gecko settings.
 */
export function patchManifest(
  base: Record<string, unknown>,
  target: Target,
  version: string,
): Record<string, unknown> {
  const manifest: Record<string, unknown> = structuredClone(base);
  manifest.version = version;
  if (target === 'chrome') {
    manifest.background = { service_worker: 'background.js' };
  } else {
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest;
}
