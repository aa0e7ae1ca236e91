/**
 * A child's age in whole years on a day, from the month they were born ('YYYY-MM'); null when the
 * month is not known or lies after the day. Only the month is asked for, so within the birth month
 * the child counts as having had their birthday: a label may be a few days early, never a year off.
 */
export function ageOn(birthMonth: string | null, isoDate: string): number | null {
  if (!birthMonth) return null;
  const [bornYear, bornMonth] = birthMonth.split('-').map(Number) as [number, number];
  const [year, month] = isoDate.slice(0, 7).split('-').map(Number) as [number, number];
  const age = year - bornYear - (month < bornMonth ? 1 : 0);
  return age >= 0 ? age : null;
}
