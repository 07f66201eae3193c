// The route wrapper's hook: at the end of an API request, observe its duration (metrics) and log
// one line with a request id (the caller's X-Request-Id or a new one, echoed back), the route
// shape, status and duration. Never the body, the query or the headers.
import { randomUUID } from 'node:crypto';
import { logger } from './logger';
import { metrics, routeLabel } from './metrics';

const REQUEST_ID = /^[\w.-]{1,100}$/;

export const NOT_FOUND_ROUTE = '(not found)';

export function startRequestTimer(request: Request): (response: Response) => Response {
  const started = performance.now();
  const end = metrics.httpDuration.startTimer();
  const given = request.headers.get('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  return (response) => {
    try {
      const status = response.status;
      // One label for every 404: a made-up path or slug would otherwise add a series each.
      const route = status === 404 ? NOT_FOUND_ROUTE : routeLabel(new URL(request.url).pathname);
      end({ route, method: request.method, status: String(status) });
      const durationMs = Math.round(performance.now() - started);
      logger[status >= 500 ? 'error' : 'info']({ requestId, method: request.method, route, status, durationMs }, 'request');
      response.headers.set('X-Request-Id', requestId);
    } catch {
      // never fail a request over its observation (a Response may have immutable headers)
    }
    return response;
  };
}
