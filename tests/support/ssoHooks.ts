import type { FakeSso, FakeSsoOptions } from '../fakes/sso';
import type { FakeSts } from '../fakes/sts';
import { makeHome } from './cli';
import { killRunningClis } from './ssoCli';
import { endpointsOf, startSsoWorld, type SsoWorld } from './ssoWorld';

export interface SsoFakes {
  readonly sso: FakeSso;
  readonly sts: FakeSts;
  /** A fresh HOME with this config and no sign-in, and the environment that points the CLI at the fakes. */
  signedOutHome(config: string): { home: string; env: NodeJS.ProcessEnv };
  /** The IAM Identity Center instance recreated mid-test: the same start URL, none of its clients or tokens. */
  restart(): Promise<void>;
}

/** A fresh SSO world before each test of the calling file; no sign-in a failed test left waiting outlives it. */
export function useSsoWorld(options: () => Partial<FakeSsoOptions> = () => ({})): SsoFakes {
  let world: SsoWorld;
  beforeEach(async () => {
    world = await startSsoWorld(options());
  });
  afterEach(async () => {
    killRunningClis();
    await world.close();
  });
  return {
    get sso() {
      return world.sso;
    },
    get sts() {
      return world.sts;
    },
    signedOutHome(config) {
      const { home, env } = makeHome({ config });
      return { home, env: { ...env, ...endpointsOf(world) } };
    },
    async restart() {
      await world.close();
      world = await startSsoWorld(options());
    },
  };
}
