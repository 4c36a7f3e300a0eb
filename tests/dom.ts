// Parse HTML into a Document in Node for adapter unit tests (linkedom: fast on 1 MB pages).
import { parseHTML } from 'linkedom';

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
