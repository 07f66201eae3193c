// The route wrapper's hook: at the end of an API request, observe its duration (metrics) and log
// one line with a request id (the caller's X-Request-Id or a new one, echoed back), the route
// shape, status and duration. Never the body, the query or the headers.
import { randomUUID } from 'node:crypto';
import { logger } from './logger';
import { metrics, routeLabel, type RouteParams } from './metrics';

const REQUEST_ID = /^[\w.-]{1,100}$/;

export function startRequestTimer(request: Request, params?: RouteParams): (response: Response) => Response {
  const started = performance.now();
  const end = metrics.httpDuration.startTimer();
  const given = request.headers.get('x-request-id');
  const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
  return (response) => {
    try {
      const status = response.status;
      const { pathname } = new URL(request.url);
      const route = routeLabel(pathname, params);
      end({ route, method: request.method, status: String(status) });
      const durationMs = Math.round(performance.now() - started);
      // The path too (cut short), so a 404 or 400 says what was asked for; never the query.
      logger[status >= 500 ? 'error' : 'info']({ requestId, method: request.method, route, path: pathname.slice(0, 200), status, durationMs }, 'request');
      response.headers.set('X-Request-Id', requestId);
    } catch {
      // never fail a request over its observation (a Response may have immutable headers)
    }
    return response;
  };
}
