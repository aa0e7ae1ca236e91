/**
 * A stored enum value, narrowed back to its type. Values are checked on the way in, so an unknown
 * one means the data and the code disagree (a hand edit, a half-applied migration, an older app
 * writing a newer kind). That is an error, never a guess: a leg read back as 'sea' because its
 * mode was unknown would be given a ferry's travel rules.
 */
export class StoredValueError extends Error {
  constructor(where: string, value: string, values: readonly string[]) {
    super(`${where} holds "${value}", which is not one of: ${values.join(', ')}.`);
    this.name = 'StoredValueError';
  }
}

export function storedEnum<T extends string>(values: readonly T[], value: string, where: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new StoredValueError(where, value, values);
}
