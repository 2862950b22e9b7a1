const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Element name → text, nested elements, a list (each item a <member>), or undefined to leave the element out. */
export interface XmlFields {
  [name: string]: string | number | XmlFields | XmlFields[] | undefined;
}

/** A Query protocol answer; STS's namespace unless another service's is given (IAM's, for the fake IAM). */
export function renderResult(action: string, result: XmlFields, requestId: string, namespace = NAMESPACE): string {
  return `<${action}Response xmlns="${namespace}">`
    + `<${action}Result>${renderFields(result)}</${action}Result>`
    + `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>`
    + `</${action}Response>`;
}

/** Server faults are "Receiver" errors in the Query protocol; everything the caller did wrong is "Sender". */
export function renderError(status: number, code: string, message: string, requestId: string, namespace = NAMESPACE): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${namespace}">`
    + renderFields({ Error: { Type: type, Code: code, Message: message }, RequestId: requestId })
    + `</ErrorResponse>`;
}

function renderFields(fields: XmlFields): string {
  return Object.entries(fields)
    .map(([name, value]) => {
      if (value === undefined) return '';
      const content = Array.isArray(value)
        ? value.map((member) => `<member>${renderFields(member)}</member>`).join('')
        : typeof value === 'object' ? renderFields(value) : escapeXml(String(value));
      return `<${name}>${content}</${name}>`;
    })
    .join('');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
