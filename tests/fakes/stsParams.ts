import { validationError } from './stsError';

export type Params = Record<string, string>;

/** AWS names the member in camelCase in its validation messages ("roleSessionName"), whatever the wire name. */
function memberName(param: string): string {
  return param[0].toLowerCase() + param.slice(1);
}

function constraintFailed(param: string, value: string | null, constraint: string) {
  const shown = value === null ? 'null' : `'${value}'`;
  return validationError(
    `1 validation error detected: Value ${shown} at '${memberName(param)}' failed to satisfy constraint: ${constraint}`,
  );
}

export function requiredParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined) throw constraintFailed(name, null, 'Member must not be null');
  return value;
}

export function roleSessionNameParam(params: Params): string {
  const name = requiredParam(params, 'RoleSessionName');
  if (!/^[\w+=,.@-]*$/.test(name)) {
    throw constraintFailed('RoleSessionName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
  if (name.length < 2 || name.length > 64) {
    throw constraintFailed('RoleSessionName', name, 'Member must have length between 2 and 64');
  }
  return name;
}

/** The API's own bounds; per-role limits are checked by the action, with their own messages. */
export function durationParam(params: Params, defaultSeconds: number, maxSeconds: number): number {
  const text = params.DurationSeconds;
  if (text === undefined) return defaultSeconds;
  if (!/^\d+$/.test(text)) throw constraintFailed('DurationSeconds', text, 'Member must be an integer');
  const seconds = Number(text);
  if (seconds < 900) throw constraintFailed('DurationSeconds', text, 'Member must have value greater than or equal to 900');
  if (seconds > maxSeconds) {
    throw constraintFailed('DurationSeconds', text, `Member must have value less than or equal to ${maxSeconds}`);
  }
  return seconds;
}
