import { startFakeFederation, type FakeFederation } from '../fakes/federation';
import type { FakeSts } from '../fakes/sts';
import { startWorld } from './stsWorld';

/** The IAM-user world's fake STS and a fake federation endpoint that knows its sessions, fresh for each test. */
export function useConsoleWorld(): { sts(): FakeSts; federation(): FakeFederation } {
  let sts: FakeSts;
  let federation: FakeFederation;
  beforeEach(async () => {
    sts = await startWorld();
    federation = await startFakeFederation(sts);
  });
  afterEach(async () => {
    await federation.close();
    await sts.close();
  });
  return { sts: () => sts, federation: () => federation };
}
