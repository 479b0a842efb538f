// `npm run generate`: everything in packages/spec that is made from openapi.yaml, written beside it.
//   schema.d.ts   the types of the contract (openapi-typescript, as its CLI prints them)
//   values.js     every named enum of the contract as a runtime array, and the import media types
//   values.d.ts   their types, in terms of schema.d.ts
// The freshness test (test/generated-types.node.test.ts) compares these files with what this script makes.
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { parse } from 'yaml';

const here = new URL('../', import.meta.url);
export const specFile = new URL('openapi.yaml', here);
export const outputs = {
  schema: new URL('schema.d.ts', here),
  valuesJs: new URL('values.js', here),
  valuesDts: new URL('values.d.ts', here),
};

interface Schema {
  type?: string;
  enum?: unknown[];
  'x-media-types'?: Record<string, string>;
}
interface Contract {
  paths: Record<string, Record<string, { operationId?: string; requestBody?: { content?: Record<string, unknown> } }>>;
  components: { schemas: Record<string, Schema> };
}

const header =
  '// Generated from openapi.yaml by `npm run generate` (packages/spec/scripts/generate.ts). Do not edit.\n';

/** `Format` → `formatValues`, `ThemeCode` → `themeCodeValues`. */
const valuesName = (schema: string) => `${schema[0]!.toLowerCase()}${schema.slice(1)}Values`;

/** What `npm run generate` writes, by file. */
export async function generate(): Promise<Record<keyof typeof outputs, string>> {
  const schema = COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(specFile.pathname), { silent: true }));
  const contract = parse(await readFile(specFile, 'utf8')) as Contract;
  const enums = Object.entries(contract.components.schemas).filter(
    ([, s]) => s.type === 'string' && Array.isArray(s.enum),
  );
  let js = header;
  let dts = `${header}import type { components } from './schema.js';\n\ntype Schemas = components['schemas'];\n`;
  for (const [name, s] of enums) {
    js += `\n/** Every value of ${name}, in the contract's order. */\nexport const ${valuesName(name)} = ${JSON.stringify(s.enum)};\n`;
    dts += `\n/** Every value of ${name}, in the contract's order. */\nexport declare const ${valuesName(name)}: readonly Schemas['${name}'][];\n`;
  }
  const mediaTypes = importMediaTypes(contract);
  js += `\n/** The media type each import format is sent as (ImportFormat's \`x-media-types\`). */\nexport const importMediaTypes = ${JSON.stringify(mediaTypes)};\n`;
  dts +=
    `\n/** A media type \`importCatalog\` takes. */\nexport type ImportMediaType = ${Object.values(mediaTypes)
      .map((t) => JSON.stringify(t))
      .join(' | ')};\n` +
    `/** The media type each import format is sent as (ImportFormat's \`x-media-types\`). */\nexport declare const importMediaTypes: Readonly<Record<Schemas['ImportFormat'], ImportMediaType>>;\n`;
  return { schema, valuesJs: js, valuesDts: dts };
}

/**
 * ImportFormat's `x-media-types`, checked against the body types of `importCatalog`: a format without a media
 * type, or a media type the operation does not take, stops the generation.
 */
function importMediaTypes(contract: Contract): Record<string, string> {
  const format = contract.components.schemas.ImportFormat;
  const mediaTypes = format?.['x-media-types'] ?? {};
  const operation = Object.values(contract.paths)
    .flatMap((item) => Object.values(item))
    .find((o) => o.operationId === 'importCatalog');
  const accepted = Object.keys(operation?.requestBody?.content ?? {}).sort();
  const named = Object.values(mediaTypes).sort();
  const formats = (format?.enum ?? []).map(String).sort();
  if (
    JSON.stringify(Object.keys(mediaTypes).sort()) !== JSON.stringify(formats) ||
    JSON.stringify(named) !== JSON.stringify(accepted)
  ) {
    throw new Error(
      `ImportFormat's x-media-types (${JSON.stringify(mediaTypes)}) must name one media type per format ` +
        `(${formats.join(', ')}) and exactly the body types of importCatalog (${accepted.join(', ')}).`,
    );
  }
  return mediaTypes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await generate();
  for (const [name, text] of Object.entries(files)) await writeFile(outputs[name as keyof typeof outputs], text);
}
