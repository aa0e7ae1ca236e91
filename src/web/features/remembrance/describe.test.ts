import { describe, expect, it } from 'vitest';
import { byMonth, dayWords, feedAddress, monthWords, timeWords, yearsLine } from './describe.js';

describe('calendar words', () => {
  it('says times the way people do', () => {
    expect(timeWords('19:00')).toBe('7 pm');
    expect(timeWords('09:30')).toBe('9:30 am');
    expect(timeWords('12:00')).toBe('midday');
    expect(timeWords('00:00')).toBe('midnight');
    expect(timeWords('00:15')).toBe('12:15 am');
  });

  it('says dates and months in words, never shifted by a zone', () => {
    expect(dayWords('2027-10-15')).toBe('Friday 15 October');
    expect(monthWords('2027-10-15')).toBe('October 2027');
  });

  it('says how long it has been, gently, and never "Happy birthday"', () => {
    const today = '2026-11-27';
    expect(yearsLine({ kind: 'loss_anniversary', years: 2, date: '2027-03-14' }, today)).toBe(
      'It will be two years',
    );
    expect(yearsLine({ kind: 'loss_anniversary', years: 1, date: today }, today)).toBe(
      'It is one year today',
    );
    expect(yearsLine({ kind: 'birthday', years: 2, date: '2027-01-02' }, today)).toBe(
      'Would have turned two',
    );
    expect(yearsLine({ kind: 'due_date', years: 2, date: '2027-07-20' }, today)).toBe(
      'It will be two years since the due date',
    );
    expect(yearsLine({ kind: 'awareness', years: null, date: '2027-10-15' }, today)).toBeNull();
    expect(yearsLine({ kind: 'birthday', years: 0, date: '2027-01-02' }, today)).toBeNull();
  });

  it('groups days by month in order', () => {
    const groups = byMonth([{ date: '2027-03-14' }, { date: '2027-03-20' }, { date: '2027-07-20' }]);
    expect(groups.map((g) => [g.month, g.days.length])).toEqual([
      ['2027-03', 2],
      ['2027-07', 1],
    ]);
  });
});

describe('the calendar address', () => {
  const path = '/calendar/abc.ics';
  it('is the server’s own when it names a real address', () => {
    expect(feedAddress(`https://alongside.example.org${path}`, 'http://192.168.1.20:3000')).toBe(
      `https://alongside.example.org${path}`,
    );
    expect(feedAddress(`http://127.0.0.1:3000${path}`, 'http://127.0.0.1:3000')).toBe(
      `http://127.0.0.1:3000${path}`,
    );
  });

  it('uses the address this device reaches when the server only knows its default', () => {
    expect(feedAddress(`http://localhost:3000${path}`, 'http://192.168.1.20:3000')).toBe(
      `http://192.168.1.20:3000${path}`,
    );
    expect(feedAddress(`http://127.0.0.1:0${path}`, 'http://127.0.0.1:41234')).toBe(
      `http://127.0.0.1:41234${path}`,
    );
  });
});
