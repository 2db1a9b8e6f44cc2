import type { Session, TestApp } from '../app.ts';
import type { Call } from './publishing-scenarios.ts';

export const LISTENING_NOT_WRITES: Record<string, string> = {
  'POST /api/v1/listening/query-check': 'parses a query and answers; stores nothing',
};

/** The write routes of listening (and the sandbox's public post), in an order where each finds what it needs. */
export function listeningScenarios(
  get: () => { t: TestApp; admin: Session },
): Record<string, () => Promise<Call>> {
  const st: Record<string, string> = {};
  const search = { name: 'Audit-Suche', query: 'Beispiel OR "Beispiel GmbH"', language: null };
  const rule = { name: 'Jeder Treffer', kind: 'every_match', emails: ['presse@beispiel.example'] };
  return {
    'POST /api/v1/sandbox/public-posts': async () => ({
      method: 'POST',
      url: '/api/v1/sandbox/public-posts',
      headers: get().admin.headers,
      payload: { text: 'Die Beispiel GmbH hat heute geöffnet' },
    }),
    'POST /api/v1/listening/searches': async () => ({
      method: 'POST',
      url: '/api/v1/listening/searches',
      headers: get().admin.headers,
      payload: search,
      after: (b) => {
        st.searchId = b.id as string;
      },
    }),
    'PUT /api/v1/listening/searches/:id': async () => ({
      method: 'PUT',
      url: `/api/v1/listening/searches/${st.searchId}`,
      headers: get().admin.headers,
      payload: { ...search, language: 'de' },
    }),
    'POST /api/v1/listening/searches/:id/run': async () => ({
      method: 'POST',
      url: `/api/v1/listening/searches/${st.searchId}/run`,
      headers: get().admin.headers,
    }),
    'POST /api/v1/listening/searches/:id/rules': async () => ({
      method: 'POST',
      url: `/api/v1/listening/searches/${st.searchId}/rules`,
      headers: get().admin.headers,
      payload: rule,
      after: (b) => {
        st.ruleId = b.id as string;
      },
    }),
    'PUT /api/v1/listening/searches/:id/rules/:ruleId': async () => ({
      method: 'PUT',
      url: `/api/v1/listening/searches/${st.searchId}/rules/${st.ruleId}`,
      headers: get().admin.headers,
      payload: { ...rule, quietMinutes: 5 },
    }),
    'DELETE /api/v1/listening/searches/:id/rules/:ruleId': async () => ({
      method: 'DELETE',
      url: `/api/v1/listening/searches/${st.searchId}/rules/${st.ruleId}`,
      headers: get().admin.headers,
    }),
    'DELETE /api/v1/listening/searches/:id': async () => ({
      method: 'DELETE',
      url: `/api/v1/listening/searches/${st.searchId}`,
      headers: get().admin.headers,
    }),
  };
}
