import { app } from '@azure/functions';
import { say, type Period } from '../../../shared';
import { chinaToday } from '../domain/clock';
import { orgSummary } from '../domain/figures';
import { httpFunction } from '../http/define';
import { invalidBody } from '../http/errors';
import { underFunctionsHost } from '../http/runtime';
import { Problems } from '../util/problems';

function period(query: URLSearchParams): Period {
  const p = new Problems();
  const year = Number(query.get('year'));
  const q = query.get('quarter');
  const quarter = q === null || q === '' ? 0 : Number(q);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    p.add('year', say('年份应为 2000–2100 的整数', 'year must be a whole number 2000–2100'));
  if (![0, 1, 2, 3, 4].includes(quarter))
    p.add(
      'quarter',
      say('季度应为 1–4（0 或留空表示全年）', 'quarter must be 1–4 (0 or absent: the whole year)'),
    );
  if (!p.ok) throw invalidBody(p.list);
  return { year, quarter: quarter as Period['quarter'] };
}

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
    const body = await orgSummary(services.store, unitId, period(request.query), chinaToday(services.now()));
    return { status: 200, jsonBody: body };
  },
});

if (underFunctionsHost()) {
  app.http(summaryFunction.name, {
    route: summaryFunction.route,
    methods: [...summaryFunction.methods],
    authLevel: 'anonymous',
    handler: summaryFunction.handler,
  });
}
