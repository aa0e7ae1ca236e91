import { describe, expect, it } from 'vitest';
import { dayKinds, preferencesBody, type ReminderPreference } from '../../../contracts/remembrance.js';
import { errorFor, toBody, valuesOf } from './reminder-groups.js';

const preference = (dayKind: ReminderPreference['dayKind']): ReminderPreference => ({
  dayKind,
  inApp: true,
  email: false,
  leads: ['on_day'],
  remindAt: '09:00',
  quietStart: null,
  quietEnd: null,
});

describe('reminder settings in groups', () => {
  it('gives every kind of day its group’s choices, with one set of quiet hours', () => {
    const values = valuesOf(dayKinds.map(preference));
    values.groups.loved = { inApp: true, email: false, leads: ['on_day', 'week_before'], remindAt: '08:30' };
    values.quietStart = '22:00';
    values.quietEnd = '07:00';
    const body = toBody(values);
    expect(preferencesBody.safeParse(body).success).toBe(true);
    expect(body.preferences.map((p) => p.dayKind)).toEqual([...dayKinds]);
    const due = body.preferences.find((p) => p.dayKind === 'due_date')!;
    // Leads in the contract's order, whatever order they were ticked in.
    expect(due).toMatchObject({ leads: ['on_day', 'week_before'], remindAt: '08:30', quietStart: '22:00' });
    expect(body.preferences.find((p) => p.dayKind === 'awareness')).toMatchObject({ remindAt: '09:00' });
  });

  it('puts a message about any kind of day back on its group’s field', () => {
    const i = dayKinds.indexOf('birthday');
    const errors = { [`preferences.${i}.remindAt`]: 'Please give the time.' };
    expect(errorFor(errors, 'remindAt', ['loss_anniversary', 'birthday'])).toBe('Please give the time.');
    expect(errorFor(errors, 'remindAt', ['awareness'])).toBeUndefined();
    expect(errorFor({ 'preferences.0.quietEnd': 'Both, or neither.' }, 'quietEnd')).toBe('Both, or neither.');
  });
});
