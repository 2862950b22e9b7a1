/**
 * Splits a command line into words as a POSIX shell would, without running one: Python's shlex.split, which the
 * AWS CLI uses for credential_process. Quotes group, backslashes escape; nothing is expanded.
 */
export function shellSplit(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '\\"'.includes(line[i + 1])) word += line[++i];
      else word += c;
    } else if (' \t\r\n'.includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word ??= '';
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\') {
        if (i + 1 >= line.length) throw new Error('it ends with a lone backslash');
        word += line[++i];
      } else word += c;
    }
  }
  if (quote) throw new Error(`a ${quote} quote is never closed`);
  if (word !== undefined) words.push(word);
  return words;
}
