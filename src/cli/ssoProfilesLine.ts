import { quoteSh } from '../render/sh';
import type { SsoProfilesOptions } from './command';

// Words a shell takes as they are: anything else is quoted, so the line works when pasted.
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+=,-]+$/;
const word = (text: string) => (PLAIN_WORD.test(text) ? text : quoteSh(text));

/** The `awsenv sso profiles` line of these options, for hints that tell the person what to run. */
export function ssoProfilesLine(options: SsoProfilesOptions): string {
  const flags: Array<[string, string | undefined]> = [
    ['--start-url', options.startUrl],
    ['--sso-region', options.ssoRegion],
    ['--session-name', options.sessionName],
    ['--region', options.region],
  ];
  return [
    'awsenv sso profiles',
    ...(options.profile ? [word(options.profile)] : []),
    ...flags.flatMap(([flag, value]) => (value ? [flag, word(value)] : [])),
    ...(options.write ? ['--write'] : []),
  ].join(' ');
}
