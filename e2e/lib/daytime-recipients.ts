/**
 * Recipient numbers for the abandoned-cart example that are not in its quiet hours right now.
 * The workflow waits while it is 21:00-08:00 where the customer lives (the zone comes from the
 * number). Tests and the demo must not depend on the hour they run at, so this picks the country
 * whose local time is furthest from both ends of the quiet hours now. Four single-zone countries
 * spread around the globe (UTC+0/+1, +5:30, +9, -3) always leave at least one in daytime.
 */
const DAYTIME_CANDIDATES = [
  { zone: 'Europe/London', prefix: '447700900', digits: 12 }, // +44 7700 900xxx: Ofcom's range for drama
  { zone: 'Asia/Kolkata', prefix: '9198765', digits: 12 },
  { zone: 'Asia/Tokyo', prefix: '81901234', digits: 12 },
  { zone: 'America/Argentina/Buenos_Aires', prefix: '549111234', digits: 13 },
];

export function minutesOfDay(zone: string, now: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return value('hour') * 60 + value('minute');
}

/** `count` distinct wa_ids (digits, with country code) of one country where it is daytime now. */
export function daytimeRecipients(count: number, now = new Date()): { zone: string; waIds: string[] } {
  const quietStart = 21 * 60;
  const quietEnd = 8 * 60;
  const margin = (zone: string) => {
    const minutes = minutesOfDay(zone, now);
    return minutes >= quietEnd && minutes < quietStart ? Math.min(minutes - quietEnd, quietStart - minutes) : -1;
  };
  const best = [...DAYTIME_CANDIDATES].sort((a, b) => margin(b.zone) - margin(a.zone))[0];
  if (margin(best.zone) < 15) throw new Error('No candidate country is safely outside 21:00-08:00 now; add a zone to the list above.');
  const suffixLength = best.digits - best.prefix.length;
  const waIds = Array.from({ length: count }, (_unused, index) => best.prefix + String(index + 1).padStart(suffixLength, '0'));
  return { zone: best.zone, waIds };
}
