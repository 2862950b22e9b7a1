import type { ActionOutcome } from './stsActions';
import { accountOf } from './stsCredentials';
import { Params } from './stsParams';
import { Identity } from './stsTypes';

export function getCallerIdentity(_params: Params, caller: Identity): ActionOutcome {
  return { result: { UserId: caller.userId, Account: accountOf(caller.arn), Arn: caller.arn } };
}
