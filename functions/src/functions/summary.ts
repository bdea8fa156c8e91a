import { chinaDay, type Period, summaryQuerySchema } from '../../../shared';
import { orgSummary } from '../domain/figures';
import { httpFunction, registerHttp } from '../http/define';
import { parseWire } from '../http/errors';

/** The period asked for: `year`, and `quarter` (absent, empty or 0 for the whole year). */
const period = (query: URLSearchParams): Period => parseWire(summaryQuerySchema, Object.fromEntries(query));

/**
 * GET /api/orgs/{orgId}/summary?year=&quarter=: the figures (numerators and denominators in words)
 * of each unit under orgId and of each subtree; aggregates only, so management may read it.
 */
export const summaryFunction = httpFunction({
  name: 'summary',
  route: 'orgs/{orgId}/summary',
  methods: ['GET'],
  access: 'summary',
  scope: 'orgId',
  async run({ request, services, unitId }) {
    const body = await orgSummary(services.store, unitId, period(request.query), chinaDay(services.now()));
    return { status: 200, jsonBody: body };
  },
});

registerHttp(summaryFunction);
