/**
 * Narrows a stored enum value back to its type. Values were validated on the way in; should a row
 * ever hold something unexpected, the list's last entry (by convention "other" or "unknown") is
 * shown rather than failing the whole page.
 */
export const oneOf = <T extends string>(values: readonly T[], value: string): T =>
  values.includes(value as T) ? (value as T) : values[values.length - 1]!;
