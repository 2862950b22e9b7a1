import { isAscii, isUtf8 } from 'node:buffer';
import { configError } from '../core/errors';
import type { IniNote } from './parseIni';

const SAVE_AS_UTF8 = 'Save it as UTF-8: the AWS CLI cannot read it either.';

const BOM_NOTE: IniNote = {
  line: 1,
  message: 'the file starts with a byte-order mark, which awsenv and the AWS SDKs skip but the AWS CLI refuses ("File contains no section headers"); save it as UTF-8 without one',
};

/**
 * The text of a shared file, which must be UTF-8 as the AWS CLI reads it. A UTF-16 file (a Windows editor's
 * "Unicode") is refused by its byte-order mark or, without one, by its NUL bytes: decoded as UTF-8 it would read as a
 * few mangled sections, a silently shorter config. A UTF-8 byte-order mark is skipped, with a note.
 */
export function decodeSharedFile(bytes: Buffer, file: string): { text: string; notes: IniNote[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw configError(`${file} line 1: the file is UTF-16 (it starts with a UTF-16 byte-order mark)`, undefined, SAVE_AS_UTF8);
  }
  if (bytes.includes(0)) throw badLine(bytes, file);
  // Nearly every config is ASCII, whose bytes are its text: copied as Latin-1, without UTF-8's checking and decoding
  // (a tenth of the time a warm export spends on a config of 20,000 profiles).
  if (isAscii(bytes)) return { text: bytes.toString('latin1'), notes: [] };
  if (!isUtf8(bytes)) throw badLine(bytes, file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.toString('utf8', bom ? 3 : 0), notes: bom ? [BOM_NOTE] : [] };
}

/** The error for the first line holding a NUL or a byte that is not UTF-8, counted as the reader counts lines. */
function badLine(bytes: Buffer, file: string): Error {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    // CR and LF never occur inside a multi-byte UTF-8 sequence, so lines can be cut before decoding.
    if (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) continue;
    const text = bytes.subarray(start, i);
    // The AWS CLI would keep a lone NUL in a value, but no AWS setting holds one, and a shell cannot export it.
    if (text.includes(0)) return configError(`${file} line ${line}: a NUL byte, so the file is not UTF-8 text (UTF-16 or binary?)`, undefined, 'Save it as UTF-8 (an editor\'s "Unicode" is UTF-16).');
    if (!isUtf8(text)) return configError(`${file} line ${line}: bytes that are not UTF-8`, undefined, SAVE_AS_UTF8);
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i++;
    start = i + 1;
    line++;
  }
  throw new Error(`${file}: isUtf8 refused the whole file but no line of it`);
}
