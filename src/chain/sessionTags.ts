import { configError } from '../core/errors';
import type { Profile } from '../config/profile';
import type { SessionTag } from './types';

// IAM's rules for a session tag: AWS refuses the call otherwise, so resolve() refuses the profile first.
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;
const MAX_TAGS = 50;

/**
 * A role profile's session_tags (`key1=value1,key2=value2`) and transitive_session_tags (`key1,key2`), aws-vault's
 * keys, as the AssumeRole step carries them; nothing when the profile has neither, so other steps keep their cache keys.
 */
export function sessionTagsOf(name: string, profile: Profile): { tags?: SessionTag[]; transitiveTagKeys?: string[] } {
  const tags = profile.session_tags === undefined ? [] : profile.session_tags.split(',').map((pair) => tagOf(name, pair.trim()));
  if (tags.length > MAX_TAGS) throw configError(`has ${tags.length} session_tags; AWS takes at most ${MAX_TAGS}`, name, 'Keep the tags the role\'s policies use.');
  const seen = new Set<string>();
  for (const { key } of tags) {
    // AWS compares tag keys without regard to case.
    if (seen.has(key.toLowerCase())) throw configError(`has the session tag "${key}" twice in session_tags`, name, 'Tag keys are compared without regard to case: keep one.');
    seen.add(key.toLowerCase());
  }
  const transitive = profile.transitive_session_tags === undefined ? [] : profile.transitive_session_tags.split(',').map((key) => key.trim());
  for (const key of transitive) {
    if (!seen.has(key.toLowerCase())) {
      throw configError(`has "${key}" in transitive_session_tags, which session_tags does not set`, name, 'A transitive tag is one of the session tags: add it to session_tags (key=value), or remove it from transitive_session_tags.');
    }
  }
  return { ...(tags.length && { tags }), ...(transitive.length && { transitiveTagKeys: transitive }) };
}

function tagOf(name: string, pair: string): SessionTag {
  const equals = pair.indexOf('=');
  const key = equals < 0 ? pair : pair.slice(0, equals).trim();
  const value = equals < 0 ? '' : pair.slice(equals + 1).trim();
  if (equals < 0 || !TAG_KEY.test(key) || !TAG_VALUE.test(value)) {
    throw configError(`has session_tags with "${pair}", which is not key=value`, name, 'Write session_tags = key1=value1,key2=value2: keys of 1 to 128 and values of up to 256 letters, digits, spaces or _.:/=+-@.');
  }
  return { key, value };
}
