import { open } from 'node:fs/promises';
import { TRAVEL_INPUT_MAX_BYTES } from '../contracts/travel-rules.js';
import {
  coverageSummary,
  duplicateKeys,
  evaluateShipment,
  evaluateTrip,
  lintRuleFiles,
  type Parsed,
  parseShipmentInput,
  parseTravelRulesInput,
  RULE_FILES,
  RULES,
  utf8Text,
} from '../domain/travel-rules/index.js';
import type { Output } from './run.js';

// `alongside rules check <trip.json>`, `rules ship <shipment.json>` and `rules lint`: the
// travel-rules engine and its data, from the command line. None of them needs a database.

/** Reads a JSON file of at most TRAVEL_INPUT_MAX_BYTES, never more, or says kindly why not. */
async function readJson(file: string, io: Output): Promise<{ ok: true; value: unknown } | { ok: false }> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(TRAVEL_INPUT_MAX_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > TRAVEL_INPUT_MAX_BYTES) {
        io.err(
          `${file}: it is larger than ${TRAVEL_INPUT_MAX_BYTES / 1024} KB; a trip file is a few kilobytes.\n`,
        );
        return { ok: false };
      }
      const decoded = utf8Text(buffer.subarray(0, bytesRead));
      if (!decoded.ok) {
        io.err(
          `${file}: it is not saved as UTF-8 text, so a letter on line ${decoded.line} cannot be read (an accented name such as José saved in another encoding, perhaps). Please save the file again as UTF-8: most editors offer it under "Save as" or "Encoding".\n`,
        );
        return { ok: false };
      }
      text = decoded.text;
    } finally {
      await handle.close();
    }
  } catch (error) {
    io.err(`${file}: ${unreadable(error as NodeJS.ErrnoException)}\n`);
    return { ok: false };
  }
  // Some editors start a UTF-8 file with an invisible byte-order mark; it is not part of the JSON.
  const json = text.replace(/^\uFEFF/, '');
  // "Unexpected end of JSON input" says nothing a family can act on (review 19, finding 8).
  if (json.trim() === '') {
    io.err(`${file}: the file is empty. Please check it is the right file, and that it was saved.\n`);
    return { ok: false };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    io.err(`${file}: it is not valid JSON (${(error as Error).message}).\n`);
    return { ok: false };
  }
  // JSON.parse would keep the second of two "legs" and drop the first without a word.
  const twice = duplicateKeys(json);
  if (twice.length > 0) {
    io.err(
      `${file} needs a few changes:\n${twice.map((path) => `  ${path}: this is given twice; please keep one, so nothing you wrote is left out.\n`).join('')}`,
    );
    return { ok: false };
  }
  return { ok: true, value };
}

/** Why a file could not be read, in words rather than an error code. */
function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'there is no file by that name here. Please check the name and the folder.';
    case 'EISDIR':
      return 'that is a folder, not a file. Please give the trip file inside it.';
    case 'EACCES':
    case 'EPERM':
      return 'this account is not allowed to read it. Please check its permissions.';
    default:
      return `it could not be read (${error.message}).`;
  }
}

async function evaluateFile<T>(
  args: string[],
  io: Output,
  usage: string,
  parse: (raw: unknown) => Parsed<T>,
  evaluate: (value: T) => unknown,
): Promise<number> {
  const [file] = args;
  if (!file) {
    io.err(`Please give the file: ${usage}\n`);
    return 2;
  }
  const raw = await readJson(file, io);
  if (!raw.ok) return 2;
  const parsed = parse(raw.value);
  if (!parsed.ok) {
    io.err(`${file} needs a few changes:\n${parsed.problems.map((p) => `  ${p}\n`).join('')}`);
    return 2;
  }
  io.out(`${JSON.stringify(evaluate(parsed.value), null, 2)}\n`);
  return 0;
}

export function rulesCheck(args: string[], io: Output, today: string): Promise<number> {
  return evaluateFile(args, io, 'alongside rules check <trip.json>', parseTravelRulesInput, (trip) =>
    evaluateTrip(trip, { today }),
  );
}

export function rulesShip(args: string[], io: Output, today: string): Promise<number> {
  return evaluateFile(args, io, 'alongside rules ship <shipment.json>', parseShipmentInput, (shipment) =>
    evaluateShipment(shipment, { today }),
  );
}

export async function rulesLint(_args: string[], io: Output, today: string): Promise<number> {
  const report = lintRuleFiles(RULE_FILES, { today });
  for (const fault of report.faults) {
    io.err(`fault: ${[fault.file, fault.rule_id].filter(Boolean).join(' ')}: ${fault.message}\n`);
  }
  if (report.stale.length > 0) {
    const never = report.stale.filter((s) => s.rechecked_on === null).length;
    io.out(
      `warning: ${report.stale.length} of ${RULES.length} rule(s) are stale: ${never} never re-checked by a person against the live source, ${report.stale.length - never} last re-checked more than 12 months ago. They are still shown, marked "not re-checked". Re-read each source and set rechecked_on:\n`,
    );
    for (const s of report.stale) {
      io.out(
        `  ${s.rule_id} (source ${s.source_date ?? 'undated'}; read ${s.read_on}; ${s.rechecked_on ? `re-checked ${s.rechecked_on}` : 'never re-checked'})\n`,
      );
    }
  }
  io.out(`${RULES.length} rules; coverage: ${JSON.stringify(coverageSummary(RULES))}\n`);
  if (report.faults.length > 0) {
    io.err(`${report.faults.length} fault(s) found.\n`);
    return 1;
  }
  io.out('The rules data has no faults.\n');
  return 0;
}
