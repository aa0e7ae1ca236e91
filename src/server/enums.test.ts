import { describe, expect, it } from 'vitest';
import { StoredValueError, storedEnum } from './enums.js';

describe('a stored enum value', () => {
  const modes = ['air', 'rail', 'road', 'sea'] as const;

  it('is narrowed back to its type when it is one of the values', () => {
    expect(storedEnum(modes, 'rail', 'trip_legs.mode')).toBe('rail');
  });

  it('is an error naming where it was read when unknown, never the list’s last entry', () => {
    expect(() => storedEnum(modes, 'hovercraft', 'trip_legs.mode')).toThrow(StoredValueError);
    expect(() => storedEnum(modes, 'hovercraft', 'trip_legs.mode')).toThrow(
      'trip_legs.mode holds "hovercraft", which is not one of: air, rail, road, sea.',
    );
    expect(() => storedEnum(modes, '', 'trip_legs.mode')).toThrow(StoredValueError);
  });
});
