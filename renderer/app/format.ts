import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../shared/domain/calendar';
import { dateFormat } from '../../shared/domain/format';
import { useBridge } from '../bridge/context';
import { shellQueries } from './queries';

/** The controller's deadline settings (Land, time zone, pause policy), from the console. */
export function useClock() {
  const bridge = useBridge();
  return useQuery(shellQueries.clock(bridge));
}

/** Dates and instants in the user's language and the controller's time zone (Berlin until it is known). */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const clock = useClock();
  const language = i18n.language === 'en' ? 'en' : 'de';
  const timeZone = clock.data?.timeZone ?? 'Europe/Berlin';
  return useMemo(() => dateFormat(language, timeZone), [language, timeZone]);
}

/** Today's date in the controller's time zone (YYYY-MM-DD), for the registry's date rules and reminders. */
export function useToday(): string {
  const clock = useClock();
  return localDate(new Date(), clock.data?.timeZone ?? 'Europe/Berlin');
}
