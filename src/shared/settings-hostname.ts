/**
 * Which strings may stand in the list of switched-off sites. The list is matched against
 * `location.hostname`, which browsers always give in lower-case ASCII (IDNs as punycode), so
 * anything else could never match and is dropped rather than kept as junk.
 */

/** RFC 1123 label: letters, digits, inner hyphens, 1–63 characters. */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** `location.hostname` of an IPv6 page keeps the brackets: "[::1]". */
const BRACKETED_IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;
/** The longest DNS name, in characters. */
const MAX_HOSTNAME_LENGTH = 253;

export function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > MAX_HOSTNAME_LENGTH) return false;
  if (BRACKETED_IPV6.test(value)) return true;
  return value.split('.').every((label) => LABEL.test(label));
}

/**
 * The canonical form of a host name as stored, or undefined when `value` is not one.
 * Accepts what a person or an older version might have stored ("Example.COM", "example.com.").
 */
export function normalizeHostname(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const host = value.trim().toLowerCase().replace(/\.$/, '');
  return isHostname(host) ? host : undefined;
}
