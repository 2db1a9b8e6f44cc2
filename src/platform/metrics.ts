import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { App } from './http/server.ts';

export interface Metrics {
  registry: Registry;
  contentType: string;
  render(): Promise<string>;
  instrument(app: App): void;
  jobsProcessed: Counter<'queue' | 'outcome'>;
}

/** One registry per process; each process exposes its own /metrics for Prometheus to scrape. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'chorus_' });
  const duration = new Histogram({
    name: 'chorus_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsProcessed = new Counter({
    name: 'chorus_jobs_processed_total',
    help: 'Jobs handled by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers: [registry],
  });
  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    jobsProcessed,
    instrument(app) {
      app.addHook('onResponse', async (req, reply) => {
        // The route pattern, not the URL, keeps the label set small (no ids in labels).
        const route = req.routeOptions.url ?? 'unmatched';
        duration.observe(
          { method: req.method, route, status: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
      });
    },
  };
}
