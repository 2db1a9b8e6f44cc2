import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import FullCalendar, { type DatesSetInfo, type EventDropInfo, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import deLocale from '@fullcalendar/react/locales/de';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CalendarEvent } from '../../../api/calendar.ts';
import { useSession } from '../../../session/session-context.ts';
import {
  CALENDAR_VIEWS,
  type CalendarView as ViewName,
  viewFromFullCalendar,
} from './calendar-search-params.ts';
import { stateColourVar } from './state-colours.ts';

// Module constants: FullCalendar compares options by identity, and new ones would lay out the view anew.
const PLUGINS = [classicTheme, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const LOCALES = [deLocale, enGbLocale];
const TOOLBAR = {
  start: 'prev,next today',
  center: 'title',
  end: `${CALENDAR_VIEWS.month},${CALENDAR_VIEWS.week},${CALENDAR_VIEWS.list}`,
};

/** The first day shown, as YYYY-MM-DD in the user's zone: what the address keeps between visits. */
function isoDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export interface VisibleRange {
  view: ViewName;
  /** First day of the period (the month, the week), YYYY-MM-DD in the user's zone. */
  date: string;
  from: string;
  to: string;
}

interface CalendarViewProps {
  events: CalendarEvent[];
  view: ViewName;
  date: string | null;
  onRangeChange: (range: VisibleRange) => void;
  /** The server decides; on refusal the page calls revert and says why. */
  onMove: (event: CalendarEvent, to: Date, revert: () => void) => void;
}

/**
 * FullCalendar in the user's language and time zone (the profile's, not the browser's). Only events the
 * server marks movable can be dragged, and only their start: a post has no duration.
 */
export function CalendarView({ events, view, date, onRangeChange, onMove }: CalendarViewProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const byTarget = useMemo(() => new Map(events.map((e) => [e.targetId, e])), [events]);

  const inputs: EventInput[] = useMemo(
    () =>
      events.map((e) => ({
        id: e.targetId,
        start: e.at,
        allDay: false,
        title: t('calendar.eventTitle', {
          channel: e.channel.name,
          state: t(`calendar.states.${e.state}`),
          excerpt: e.excerpt || t('calendar.noText'),
        }),
        url: `/publishing/posts/${e.postId}`,
        color: stateColourVar(e.state),
        startEditable: e.movable,
        durationEditable: false,
      })),
    [events, t],
  );

  // FullCalendar may report the same range again after a re-render; only a real change is passed on.
  const last = useRef<VisibleRange | null>(null);
  const datesSet = useCallback(
    (info: DatesSetInfo) => {
      const range: VisibleRange = {
        view: viewFromFullCalendar(info.view.type),
        date: isoDay(info.view.currentStart, user.timeZone),
        from: info.start.toISOString(),
        to: info.end.toISOString(),
      };
      const before = last.current;
      if (before && (Object.keys(range) as (keyof VisibleRange)[]).every((k) => before[k] === range[k]))
        return;
      last.current = range;
      onRangeChange(range);
    },
    [onRangeChange, user.timeZone],
  );

  const eventDrop = (info: EventDropInfo) => {
    const event = byTarget.get(info.event.id);
    if (!event || !info.event.start) {
      info.revert();
      return;
    }
    onMove(event, info.event.start, info.revert);
  };

  return (
    <FullCalendar
      plugins={PLUGINS}
      locales={LOCALES}
      locale={i18n.language === 'de' ? 'de' : 'en-gb'}
      timeZone={user.timeZone}
      firstDay={1}
      initialView={CALENDAR_VIEWS[view]}
      initialDate={date ?? undefined}
      headerToolbar={TOOLBAR}
      height="auto"
      nowIndicator
      // Posts go out at a time; an all-day row would only invite drops that mean nothing.
      allDaySlot={false}
      timedText={t('calendar.timed')}
      editable
      eventDurationEditable={false}
      // A post's time matters: its copy in the week view is as long as the grid's smallest step.
      defaultTimedEventDuration="00:30"
      scrollTime="08:00"
      events={inputs}
      datesSet={datesSet}
      eventDrop={eventDrop}
      eventClick={(info) => {
        // The link stays a real link (new tab, keyboard); a plain click stays inside the app.
        info.jsEvent.preventDefault();
        const event = byTarget.get(info.event.id);
        if (event) void navigate(`/publishing/posts/${event.postId}`);
      }}
    />
  );
}
