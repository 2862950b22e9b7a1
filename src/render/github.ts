import type { Renderer } from './renderer';
import { refuseNul, unrepresentable } from './renderer';

// Values a log must never show; GitHub replaces them with *** once a step has announced them.
const SECRETS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

/**
 * GitHub Actions: stdout carries ::add-mask:: for each secret, and the variables go to the file $GITHUB_ENV names, in
 * its multi-line form (NAME<<DELIMITER), whose delimiter is chosen so that no value contains it. The file cannot
 * unset a variable, so unset entries are left out. The variables end up in the environment of the later steps, which
 * cannot hold a NUL byte.
 */
export const github: Renderer = {
  render(plan) {
    if (!plan.some(([name, value]) => name === 'AWS_ACCESS_KEY_ID' && value)) throw unrepresentable('github', 'AWS_ACCESS_KEY_ID', 'no value (it only carries credentials)');
    return refuseNul('github', plan)
      .filter(([name, value]) => value !== null && SECRETS.has(name))
      .map(([, value]) => `::add-mask::${escapeCommandData(value!)}\n`)
      .join('');
  },
  appendTo: {
    variable: 'GITHUB_ENV',
    render: (plan) =>
      refuseNul('github', plan)
        .filter((entry): entry is readonly [string, string] => entry[1] !== null)
        .map(([name, value]) => {
          let delimiter = 'AWSENV_EOF';
          for (let n = 1; value.includes(delimiter); n++) delimiter = `AWSENV_EOF_${n}`;
          return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
        })
        .join(''),
  },
};

// The workflow-command escaping of GitHub's toolkit: a line break in a value must not start a command of its own.
const escapeCommandData = (value: string) => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
