/**
 * Every IANA zone the browser knows. The profile's own zone is always offered, even when this browser's
 * list lacks it (older engines omit "UTC", for example), so saving the form never changes it silently.
 */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
