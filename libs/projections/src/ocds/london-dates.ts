// Contract terms are England calendar dates (YYYY-MM-DD); OCDS periods are date-times. A day is
// given as its start and end in London time, with the offset (GMT or BST) that applied that day.

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/** "+00:00" or "+01:00": London's offset at noon UTC of that day (clocks change at 01:00 UTC). */
function londonOffset(date: string): string {
  const name = offsetFormat.formatToParts(new Date(`${date}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return match ? match[1]! : '+00:00';
}

export const londonDayStart = (date: string): string => `${date}T00:00:00${londonOffset(date)}`;
export const londonDayEnd = (date: string): string => `${date}T23:59:59${londonOffset(date)}`;
