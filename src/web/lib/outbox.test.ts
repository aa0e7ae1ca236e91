import { describe, expect, it } from 'vitest';
import { drop, keep, keyOf, outboxState, withChange, type Change, type Waiting } from './outbox.js';

let n = 0;
const entry = (change: Change, memberId = 'anna'): Waiting => ({
  id: `w${++n}`,
  memberId,
  madeAt: '2026-07-01T09:00:00.000Z',
  change,
});
const tick = (itemId: string, checked: boolean): Change => ({
  kind: 'checklist',
  tripId: 't',
  itemId,
  checked,
  confirmUntick: !checked,
  label: itemId,
});
const confirm = (travellerId = 'anna'): Change => ({
  kind: 'confirm',
  tripId: 't',
  checkId: 'c',
  tripKeepsakeId: 'k',
  travellerId,
  travellerName: travellerId,
  label: 'Jack',
});
const unconfirm = (travellerId = 'anna'): Change => ({
  ...confirm(travellerId),
  kind: 'unconfirm',
  confirmationId: 'x',
});

const states = (list: Waiting[]) =>
  list.map((w) => (w.change.kind === 'checklist' ? w.change.checked : w.change.kind));

describe('the outbox', () => {
  it('keeps the latest state of each thing, in the order of the last change', () => {
    let list: Waiting[] = [];
    list = withChange(list, entry(tick('a', true)));
    list = withChange(list, entry(tick('b', true)));
    list = withChange(list, entry(tick('a', false)));
    expect(list.map((w) => keyOf(w.change))).toEqual(['checklist:b', 'checklist:a']);
    expect(states(list)).toEqual([true, false]);
  });

  it('sends absolute states, so a replay after a partial success changes nothing twice', () => {
    const list = withChange([], entry(tick('a', true)));
    // Whether the server already has it or not, the body says "packed", never "toggle".
    expect(list[0]!.change).toMatchObject({ checked: true });
  });

  it('lets a confirmation and its undo cancel out', () => {
    expect(withChange([entry(confirm())], entry(unconfirm()))).toEqual([]);
    expect(withChange([entry(unconfirm())], entry(confirm()))).toEqual([]);
  });

  it('keeps confirmations by different people apart', () => {
    const list = withChange([entry(confirm('anna'))], entry(confirm('mia')));
    expect(list).toHaveLength(2);
  });

  it('never mixes two members’ changes', () => {
    const list = withChange([entry(tick('a', true), 'anna')], entry(tick('a', false), 'ben'));
    expect(list).toHaveLength(2);
  });
});

describe('the moment of a change', () => {
  it('keeps when the person tapped, not when the change is kept or sent', () => {
    keep('anna', confirm(), '2026-07-01T21:34:00.000Z');
    const [kept] = outboxState().waiting;
    expect(kept).toMatchObject({ memberId: 'anna', madeAt: '2026-07-01T21:34:00.000Z' });
    drop(kept!.id);
    expect(outboxState().waiting).toEqual([]);
  });
});

describe('ritual marks in the outbox (issue 12)', () => {
  const mark = (outcome: 'done' | 'not_today', photoKey: string | null = null): Change => ({
    kind: 'ritualMark',
    tripId: 't',
    ritualId: 'water',
    occurrenceKey: 'arrival:leg1',
    outcome,
    tookPart: outcome === 'done' ? 'The children' : '',
    line: '',
    photoKey,
    label: 'Water for Jack',
  });

  it('keeps one mark per ritual and time: the later one, with its photo', () => {
    let list: Waiting[] = [];
    list = withChange(list, entry(mark('not_today')));
    list = withChange(list, entry(tick('a', true)));
    list = withChange(list, entry(mark('done', 'photo-key-1')));
    expect(list.map((w) => w.change.kind)).toEqual(['checklist', 'ritualMark']);
    expect(list[1]!.change).toMatchObject({ outcome: 'done', photoKey: 'photo-key-1' });
    expect(keyOf(mark('done'))).toBe('ritual:water:arrival:leg1');
    // Another time of the same ritual is another mark.
    const other = { ...mark('done'), occurrenceKey: 'arrival:leg2' };
    expect(withChange(list, entry(other))).toHaveLength(3);
  });
});
