import { portalError } from './ssoError';
import type { Input, SsoState } from './ssoTypes';

/**
 * One page of `items` under `key`, with a nextToken while more remain. The token is opaque to the client but names
 * the list it belongs to, so a token from one account's roles is refused for another's.
 */
export function page<T>(items: T[], key: string, list: string, input: Input, state: SsoState) {
  const size = input.maxResults ?? state.settings.pageSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 100) {
    throw portalError('InvalidRequestException', 'maxResults must be between 1 and 100');
  }
  const start = input.nextToken === undefined ? 0 : offsetOf(input.nextToken, list);
  const end = start + size;
  return { [key]: items.slice(start, end), nextToken: end < items.length ? tokenFor(list, end) : undefined };
}

function tokenFor(list: string, offset: number): string {
  return Buffer.from(JSON.stringify({ list, offset })).toString('base64url');
}

function offsetOf(token: unknown, list: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8'));
    if (decoded.list === list && Number.isInteger(decoded.offset) && decoded.offset > 0) return decoded.offset;
  } catch {
    // Not even JSON: answered below like a token for another list.
  }
  throw portalError('InvalidRequestException', 'Invalid nextToken');
}
