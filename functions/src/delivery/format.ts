import type { ReminderView } from '../../../shared';
import type { ChannelKind } from './channels';

/** One webhook message and the reminder items it carries. */
export interface OutgoingMessage {
  readonly body: unknown;
  readonly keys: readonly string[];
}

// Each robot caps a message: WeCom markdown at 4,096 bytes, DingTalk at 20,000, Teams cards at ~28 KB.
const LIMIT: Readonly<Record<ChannelKind, number>> = { wecom: 3800, dingtalk: 18000, teams: 24000 };

const line = (kind: ChannelKind, r: ReminderView): string => {
  const from = r.fromUnit ? `［下级单位 ${r.fromUnit} 上报］` : '';
  const text = kind === 'teams' ? `${r.message.zh} / ${r.message.en}` : r.message.zh;
  const mark = r.status === 'overdue' ? '🔴' : '🟡';
  return `- ${mark} ${from}${text}${r.warning ? `（${r.warning.zh}）` : ''}`;
};

function wrap(kind: ChannelKind, title: string, lines: readonly string[]): unknown {
  const text = lines.join('\n');
  switch (kind) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: `**${title}**\n${text}` } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title, text: `#### ${title}\n${text}` } };
    case 'teams':
      return {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
                { type: 'TextBlock', text, wrap: true },
              ],
            },
          },
        ],
      };
  }
}

/**
 * The messages that carry `reminders` to a channel, split so none exceeds the robot's size limit,
 * with a closing line counting `more` items not listed. They name the 编号 and the department,
 * never the appellant (the core's reminders never hold one).
 */
export function formatMessages(
  kind: ChannelKind,
  unitName: string,
  date: string,
  reminders: readonly ReminderView[],
  more = 0,
): OutgoingMessage[] {
  const title = `【协商提醒】${unitName} ${date}`;
  const out: OutgoingMessage[] = [];
  let lines: string[] = [];
  let keys: string[] = [];
  let size = Buffer.byteLength(title) + 200;
  for (const r of reminders) {
    const l = line(kind, r);
    const n = Buffer.byteLength(l) + 1;
    if (lines.length > 0 && size + n > LIMIT[kind]) {
      out.push({ body: wrap(kind, title, lines), keys });
      lines = [];
      keys = [];
      size = Buffer.byteLength(title) + 200;
    }
    lines.push(l);
    keys.push(r.key);
    size += n;
  }
  // Items beyond the day's detailed list are counted, not listed: a chat is no place for hundreds of lines.
  if (more > 0)
    lines.push(
      `- ……另有 ${more} 项待办，请在协商插件的提醒面板查看（${more} more in the add-in's reminders panel）`,
    );
  if (lines.length > 0) out.push({ body: wrap(kind, title, lines), keys });
  return out;
}
