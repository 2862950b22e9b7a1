import { AwsenvError } from '../../src/core/errors';
import { pickForAwsuse } from '../../src/cli/pickForAwsuse';
import { wire } from '../../src/cli/wire';
import { iniFiles, removeIniFiles } from '../support/iniFiles';
import { recordingLogger } from '../support/recordingLogger';

afterAll(removeIniFiles);

// Only the ways that never open a picker: a test run from a developer's terminal has that terminal as /dev/tty.
// The picker itself is tested on a pseudo-terminal of its own (tests/shell/awsusePicker.test.ts).
describe(pickForAwsuse.name, () => {
  const failure = async (promise: Promise<string>) => {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof AwsenvError)) throw new Error(`not an awsenv error: ${String(error)}`);
    return { kind: error.kind, message: error.message, hint: error.hint };
  };

  it('refuses to wait for a person where it may not, naming the way out', async () => {
    const log = recordingLogger();
    const env = iniFiles({ credentials: '[p]\naws_access_key_id = AKIAP\naws_secret_access_key = s\n' });
    expect(await failure(pickForAwsuse(wire(env, log), false))).toEqual({
      kind: 'usage',
      message: 'awsuse needs a profile, and may not wait for a person to pick one',
      hint: "Run awsuse PROFILE with one of the profiles above, or awsuse -u to clear the shell's credentials.",
    });
    expect(log.debugs).toEqual([]);
  });

  it.each([true, false])('with no profile at all, says so whether or not it may ask (%s)', async (interactive) => {
    const env = iniFiles({ config: '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n' });
    expect(await failure(pickForAwsuse(wire(env, recordingLogger()), interactive))).toEqual({
      kind: 'config',
      message: `awsuse has no profile to pick from: ${env.AWS_CONFIG_FILE} and ${env.AWS_SHARED_CREDENTIALS_FILE} hold none`,
      hint: "Add a profile (see the README's examples), or run awsuse -u to clear the shell's credentials.",
    });
  });
});
