import { isTargetState, type TargetState } from '../../../api/calendar.ts';

/** The calendar's views, by the names used in the address; FullCalendar's own names stay inside the page. */
export const CALENDAR_VIEWS = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  list: 'listWeek',
} as const;
export type CalendarView = keyof typeof CALENDAR_VIEWS;

const isView = (value: string | null): value is CalendarView =>
  value !== null && Object.hasOwn(CALENDAR_VIEWS, value);

export function viewFromFullCalendar(type: string): CalendarView {
  const found = (Object.keys(CALENDAR_VIEWS) as CalendarView[]).find((v) => CALENDAR_VIEWS[v] === type);
  return found ?? 'month';
}

export interface CalendarFilters {
  channels: string[];
  departments: string[];
  campaigns: string[];
  states: TargetState[];
}

/** What the address says: view, shown date and filters, so a filtered calendar can be bookmarked and shared. */
export interface CalendarParams extends CalendarFilters {
  view: CalendarView;
  /** YYYY-MM-DD in the user's time zone, or null for today. */
  date: string | null;
}

const FILTER_PARAMS = {
  channels: 'channel',
  departments: 'department',
  campaigns: 'campaign',
  states: 'state',
} as const;

export function readCalendarParams(params: URLSearchParams): CalendarParams {
  const date = params.get('date');
  return {
    view: isView(params.get('view')) ? (params.get('view') as CalendarView) : 'month',
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    channels: params.getAll(FILTER_PARAMS.channels),
    departments: params.getAll(FILTER_PARAMS.departments),
    campaigns: params.getAll(FILTER_PARAMS.campaigns),
    states: params.getAll(FILTER_PARAMS.states).filter(isTargetState),
  };
}

export function writeCalendarParams(p: CalendarParams): URLSearchParams {
  const params = new URLSearchParams();
  params.set('view', p.view);
  if (p.date) params.set('date', p.date);
  for (const key of Object.keys(FILTER_PARAMS) as (keyof CalendarFilters)[]) {
    for (const value of p[key]) params.append(FILTER_PARAMS[key], value);
  }
  return params;
}
