import fs from 'node:fs';

/**
 * Reads a file awsenv keeps (a cache entry, an SSO token) without ever waiting on it: opened with O_NONBLOCK, so a
 * FIFO or a device where the file belongs cannot hang the run, and refused unless fstat says it is a regular file.
 * `check` may refuse it for what else its stat says (owner, mode). Throws the open's own error (ENOENT: a miss), or
 * one that says why the file was refused.
 */
export function readRegularFile(file: string, check?: (stat: fs.Stats) => void): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`it is ${kindOf(stat)}, not a regular file`);
    check?.(stat);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}
