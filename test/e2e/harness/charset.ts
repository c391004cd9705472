/**
 * The charset to announce for a saved page. Several corpus pages declare a legacy charset in a
 * <meta> (shift_jis, gb2312, iso-8859-15) while their bytes were re-encoded to UTF-8 by the
 * projects that collected them; an HTTP charset overrides the <meta>, so announcing what the
 * bytes really are keeps the text readable, as the original server did.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Browsers look for the <meta> charset in the first 1024 bytes; a little more is harmless. */
const META_SCAN_BYTES = 4096;

export function detectCharset(bytes: Uint8Array): string | undefined {
  try {
    utf8.decode(bytes);
    return 'utf-8';
  } catch {
    const head = Buffer.from(bytes.subarray(0, META_SCAN_BYTES)).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
    // Undefined lets the browser sniff, exactly as with no HTTP charset at all.
    return declared?.toLowerCase();
  }
}
