/** Dates and instants as the officer reads them, in the controller's time zone. */
export function dateFormats(language: string, timeZone: string) {
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(language, { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return {
    day: (value: string) => day.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)),
    longDay: (value: string) => long.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)),
    instant: (value: string) => instant.format(new Date(value)),
  };
}
