import { request } from './client.ts';
import type {
  ComplianceReport,
  Readiness,
  ReadinessAssessment,
  ReviewFilter,
  ReviewItem,
  ReviewPage,
} from './governance-types.ts';

export const fetchReviewQueue = (filter: ReviewFilter, before: string | null) =>
  request<ReviewPage>('/api/v1/guidelines/review-queue', {
    query: { status: filter.status, kind: filter.kind, before, limit: 50 },
  });

export const markReviewed = (id: string, note: string) =>
  request<ReviewItem>(`/api/v1/guidelines/review-queue/${encodeURIComponent(id)}/review`, {
    method: 'POST',
    body: { note },
  });

export const fetchComplianceReport = () => request<ComplianceReport>('/api/v1/guidelines/compliance');

/** A plain link, so the browser downloads the file with the session cookie and no script in between. */
export const complianceExportUrl = '/api/v1/guidelines/compliance/export';

export const fetchReadiness = () => request<Readiness>('/api/v1/guidelines/readiness');

export const saveReadiness = (answers: Record<string, number>) =>
  request<ReadinessAssessment>('/api/v1/guidelines/readiness', { method: 'POST', body: { answers } });
