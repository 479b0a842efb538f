import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { DataField, MarcRead, MarcRecord } from './marc.js';
import { defaultRecordLimits, type RecordLimits } from './limits.js';
import { FileFormatError, firstInvalidUtf8, notUtf8Hint } from './problems.js';

const MARC_NS = 'http://www.loc.gov/MARC21/slim';
const decoders: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  'iso-8859-15': 'iso-8859-15',
};

/** The encoding named by the XML declaration at the start of the file (UTF-8 when none is named). */
function declaredEncoding(start: Uint8Array): string {
  const head = Buffer.from(start.buffer, start.byteOffset, Math.min(start.byteLength, 200)).toString('latin1');
  const named = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  if (!named) return 'utf-8';
  const decoder = decoders[named];
  if (!decoder)
    throw new FileFormatError(1, `The file declares the encoding "${named}"; MARCXML is read as UTF-8 or ISO-8859-1.`);
  return decoder;
}

/**
 * Reads MARCXML (a <collection> of <record>s, or one <record>, with or without the `marc:` prefix, also
 * inside OAI-PMH answers) as it streams in, with saxes: a strict parser, so a file that is not well-formed
 * XML stops with the line and column where it breaks, and the records before it are kept.
 */
export async function* readMarcXml(
  source: AsyncIterable<Uint8Array>,
  limits: RecordLimits = defaultRecordLimits,
): AsyncGenerator<MarcRead> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: MarcRead[] = [];
  let number = 0;
  let record: MarcRecord | undefined;
  let notes: string[] = [];
  /** Characters of the open record so far; past the limit, the record is read on but nothing more is kept. */
  let recordChars = 0;
  let overLimit = false;
  /** Characters written to the parser since it last reported something: what it holds unreported. */
  let stretch = 0;
  const maxNotes = 10;
  let field: DataField | undefined;
  let text: string | undefined;
  let attribute: string | undefined;

  const isMarc = (tag: SaxesTagNS) => tag.uri === MARC_NS || tag.uri === '';
  parser.on('opentag', (tag) => {
    const marcTag = tag as SaxesTagNS;
    const at = (name: string) => marcTag.attributes[name]?.value;
    stretch = 0;
    if (!isMarc(marcTag)) return;
    if (marcTag.local === 'record') {
      number++;
      record = { leader: '', controlFields: [], dataFields: [] };
      notes = [];
      recordChars = 0;
      overLimit = false;
      return;
    }
    if (!record) return;
    // An element costs memory even when empty: counted as a few characters.
    recordChars += 8;
    if (recordChars > limits.recordChars) overLimit = true;
    switch (marcTag.local) {
      case 'leader':
        text = '';
        break;
      case 'controlfield':
        attribute = at('tag') ?? '';
        text = '';
        break;
      case 'datafield':
        field = { tag: at('tag') ?? '', ind1: at('ind1') || ' ', ind2: at('ind2') || ' ', subfields: [] };
        break;
      case 'subfield':
        attribute = at('code') ?? '';
        text = '';
        break;
      default:
        if (notes.length < maxNotes) notes.push(`The element <${marcTag.name}> is not MARCXML; it was ignored.`);
    }
  });
  const addText = (chunk: string) => {
    stretch = 0;
    if (text === undefined || overLimit) return;
    recordChars += chunk.length;
    // Values are checked against the field limit before mapping; a record this long is not kept at all.
    if (recordChars > limits.recordChars) {
      overLimit = true;
      text = '';
    } else text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const marcTag = tag as SaxesTagNS;
    stretch = 0;
    if (!record || !isMarc(marcTag)) return;
    if (overLimit && marcTag.local !== 'record') {
      text = undefined;
      return;
    }
    switch (marcTag.local) {
      case 'leader':
        record.leader = text ?? '';
        break;
      case 'controlfield':
        record.controlFields.push({ tag: attribute ?? '', value: text ?? '' });
        break;
      case 'subfield':
        field?.subfields.push({ code: attribute ?? '', value: text ?? '' });
        break;
      case 'datafield':
        if (field) record.dataFields.push(field);
        field = undefined;
        break;
      case 'record':
        ready.push(
          overLimit
            ? {
                number,
                error: `The record holds more than ${limits.recordChars} characters; a record may hold at most ${limits.recordChars}. It was skipped.`,
              }
            : notes.length
              ? { number, record, notes }
              : { number, record },
        );
        record = undefined;
        field = undefined;
        break;
    }
    text = undefined;
  });

  const notWellFormed = (error: unknown) => {
    const message = (error as Error).message.replace(/^(\d+):(\d+): /, 'line $1, column $2: ').replace(/\.$/, '');
    return new FileFormatError(
      number + (record ? 0 : 1),
      `The file is not well-formed XML (${message}). Reading stopped here.`,
    );
  };

  let decoder: TextDecoder | undefined;
  for await (const chunk of source) {
    decoder ??= new TextDecoder(declaredEncoding(chunk), { fatal: true });
    let decoded: string;
    try {
      decoded = decoder.decode(chunk, { stream: true });
    } catch {
      const offset = firstInvalidUtf8(chunk);
      throw new FileFormatError(
        Math.max(number, 1),
        `The file is not valid UTF-8 near line ${parser.line}${offset >= 0 ? ` (byte ${offset} of this part)` : ''}. ${notUtf8Hint}`,
      );
    }
    try {
      stretch += decoded.length;
      parser.write(decoded);
    } catch (error) {
      yield* ready.splice(0);
      throw notWellFormed(error);
    }
    yield* ready.splice(0);
    if (stretch > limits.xmlStretchChars) {
      // One text, comment or tag this long is held whole by the parser until it ends: stop before it grows.
      throw new FileFormatError(
        Math.max(number, 1),
        `More than ${limits.xmlStretchChars} characters without markup near line ${parser.line}: no catalogue value is that long. Reading stopped here.`,
      );
    }
  }
  try {
    parser.close();
  } catch (error) {
    yield* ready.splice(0);
    throw notWellFormed(error);
  }
  yield* ready.splice(0);
  if (number === 0) {
    throw new FileFormatError(1, `The file holds no MARCXML record (no <record> element in the ${MARC_NS} namespace).`);
  }
}
