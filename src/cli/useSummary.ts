import { knownIdentity } from '../chain/knownIdentity';
import type { Chain } from '../chain/types';
import { secondsLeft, type Credentials } from '../core/credentials';
import { printable } from '../core/printable';
import { localClock, shortLeft } from '../core/time';

/**
 * The line awsuse prints on stderr after an export: the profile, what the chain knows of the account and role
 * without asking AWS, and until when the credentials last, on the person's clock.
 *
 *   awsenv: using profile "admin": role admin in account 222222222222, until 15:42 (59m left)
 */
export function useSummary(chain: Chain, credentials: Credentials, now: Date): string {
  const { account, role, mfaSession } = knownIdentity(chain);
  const who = role ? `role ${role}` : mfaSession ? 'MFA session' : undefined;
  const parts = [who && account ? `${who} in account ${account}` : (who ?? (account && `account ${account}`))];
  if (credentials.expiration) parts.push(`until ${localClock(credentials.expiration)} (${shortLeft(secondsLeft(credentials, now))} left)`);
  else parts.push(credentials.sessionToken ? 'expiry unknown' : 'long-term keys');
  return `awsenv: using profile "${printable(chain.profile)}": ${parts.filter(Boolean).join(', ')}`;
}
