/** A name as a terminal should show it: control characters (an escape sequence, a bell) as "?". */
export const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
