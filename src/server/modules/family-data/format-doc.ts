import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  archiveCollections,
  archiveJsonSchema,
  type Field,
} from '../../../contracts/family-archive.js';

// The generated half of docs/export-format.md: each collection's fields in a table, and the JSON
// Schema every archive carries. `npm run docs:export-format` writes it; format-doc.test.ts fails when
// the document and the declaration differ, so the document cannot fall behind the format.

export const DOC_START = '<!-- generated: npm run docs:export-format -->';
export const DOC_END = '<!-- end of generated -->';

function kindOf(f: Field): string {
  switch (f.is.kind) {
    case 'id':
      return 'id (UUID; new on import)';
    case 'ref':
      return `id of a record in \`${f.is.to}\`${f.is.nullable ? ', or null' : ''}`;
    case 'tag':
      return 'id telling records apart (new on import)';
    case 'key':
      return 'text holding ids of this archive (each replaced on import)';
    case 'file':
      return `path of a file in \`${f.is.folder}/\`${f.is.nullable ? ', or null' : ''}`;
    case 'flag':
      return `true or false${f.is.nullable ? ', or null (not said)' : ''}`;
    case 'value': {
      const schema = JSON.stringify(
        (archiveJsonSchemaOf(f) as { type?: unknown; enum?: unknown; anyOf?: unknown }) ?? {},
      );
      return schema.length > 90 ? `${schema.slice(0, 87)}…` : schema;
    }
  }
}

function archiveJsonSchemaOf(f: Field): unknown {
  // The field's own JSON Schema, without the draft header.
  const { $schema: _draft, ...rest } = f.schema.toJSONSchema({
    unrepresentable: 'any',
    io: 'input',
  }) as Record<string, unknown>;
  return rest;
}

export function generatedDoc(): string {
  const sections = Object.entries(archiveCollections).map(
    ([name, c]) =>
      `### \`${name}\`\n\n${c.about}\n\n| field | what it holds |\n| --- | --- |\n${Object.entries(c.fields)
        .map(([field, f]) => `| \`${field}\` | ${kindOf(f).replace(/\|/g, '\\|')} |`)
        .join('\n')}\n`,
  );
  return `${DOC_START}

Format \`${ARCHIVE_FORMAT}\`, version ${ARCHIVE_VERSION}.

## Collections

${sections.join('\n')}
## schema.json

\`\`\`json
${JSON.stringify(archiveJsonSchema(), null, 2)}
\`\`\`

${DOC_END}`;
}

/** The document with its generated half replaced by the current one. */
export function withGeneratedDoc(document: string): string {
  const start = document.indexOf(DOC_START);
  const end = document.indexOf(DOC_END);
  if (start < 0 || end < start) return `${document.trimEnd()}\n\n${generatedDoc()}\n`;
  return `${document.slice(0, start)}${generatedDoc()}${document.slice(end + DOC_END.length)}`;
}
