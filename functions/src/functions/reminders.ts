import { chinaDay, type RemindersResponse, remindersQuerySchema } from '../../../shared';
import { remindersFor } from '../domain/reminders';
import { httpFunction, registerHttp } from '../http/define';
import { parseWire } from '../http/errors';

/**
 * GET /api/units/{unitId}/reminders: today's due and overdue items on the working-day calendar,
 * the unit's own and those of appeals escalated to it. Items name the 编号 and department only.
 */
export const remindersFunction = httpFunction({
  name: 'reminders-list',
  route: 'units/{unitId}/reminders',
  methods: ['GET'],
  access: 'reminders',
  scope: 'unitId',
  async run({ request, services, unitId }) {
    parseWire(remindersQuerySchema, Object.fromEntries(request.query));
    const today = chinaDay(services.now());
    const body: RemindersResponse = {
      unitId,
      today,
      reminders: await remindersFor(services.store, unitId, today),
    };
    return { status: 200, jsonBody: body };
  },
});

registerHttp(remindersFunction);
