import {
  ANONYMOUS,
  appealRegister,
  chinaDay,
  ONLINE_INTAKE,
  QR_CHANNEL,
  say,
  type Bilingual,
  type IntakeForm,
  type SubmissionPayload,
  type ValueLists,
} from '../../shared';
import type { ExcelRun } from '../excel/context';
import { nextAppealIds } from '../excel/escalation';
import { writeExternalRecords } from '../excel/external';
import { readIntakeKeys } from '../excel/intakeKeys';
import { readIntakeTaken, rememberIntakeTaken } from '../excel/intakeTaken';
import { writeValueLists } from '../excel/records';
import { decryptSubmission, IntakeError, type IntakeKeyring } from '../intake/envelope';
import { currentPublicKey } from '../intake/keys';
import type { IntakeApi } from '../sync';

/** What one pull of phone submissions did. */
export interface IntakePullReport {
  /** New appeals written to 职工诉求记录表, by 编号. */
  readonly written: readonly string[];
  /** Submissions written before whose confirmation had not reached the cloud: confirmed now. */
  readonly confirmed: number;
  /** Submissions left in the cloud, and why (a key this workbook lacks, a row the register refused). */
  readonly left: readonly { readonly receiptId: string; readonly reason: Bilingual }[];
}

/** The pane's side of phone intake for one unit. */
export interface IntakeCloud {
  /** Publishes the workbook's current public key and the form's lists (workshops, categories). */
  publishKey(): Promise<IntakeForm>;
  /** Pulls, decrypts and writes every pending submission, then tells the cloud each is written. */
  pull(keyring: IntakeKeyring, today: string): Promise<IntakePullReport>;
}

/** How the pane reaches intake. */
export interface IntakeCloudOptions {
  readonly run: ExcelRun;
  readonly unitId: string;
  readonly api: IntakeApi;
  /** The workbook's value lists in force (the appeal is checked against them). */
  readonly lists: () => Promise<ValueLists>;
  /** What the phone's form offers: the workbook's workshops and its categories. */
  readonly form: () => Promise<IntakeForm>;
}

/** The appeal a decrypted submission becomes (受理方式 网络, 受理渠道 二维码). */
export function appealFromSubmission(
  id: string,
  p: SubmissionPayload,
  lists: ValueLists,
): Record<string, string> {
  const category = p.category && lists.category.includes(p.category) ? p.category : '';
  return {
    id,
    intakeMethod: ONLINE_INTAKE,
    channel: QR_CHANNEL,
    receivedOn: chinaDay(p.submittedAt),
    ...(category ? { category } : {}),
    appellant: p.anonymous ? ANONYMOUS : (p.name ?? ''),
    ...(p.anonymous || !p.phone ? {} : { phone: p.phone }),
    unit: p.workshop,
    content: p.content,
    // A category the phone offered that this workbook's list lacks is kept in words, not lost.
    ...(p.category && !category ? { unionOpinion: `扫码提交时选择的类别：${p.category}` } : {}),
  };
}

/** Opens intake for the pane: nothing is deleted in the cloud before its row is in the workbook. */
export function createIntakeCloud(o: IntakeCloudOptions): IntakeCloud {
  return {
    async publishKey() {
      const stored = await readIntakeKeys(o.run);
      if (!stored)
        throw new IntakeError(
          'no-keys',
          say(
            '本工作簿还没有收件密钥：请先在第二步创建',
            'this workbook has no intake key yet; create one in step 2',
          ),
        );
      const { kid, publicJwk } = currentPublicKey(stored);
      const form = await o.form();
      await o.api.publishKey(o.unitId, { publicJwk, kid, form });
      return form;
    },
    async pull(keyring, today) {
      const written: string[] = [];
      const left: { receiptId: string; reason: Bilingual }[] = [];
      let confirmed = 0;
      const held = await readIntakeTaken(o.run);
      let lists = await o.lists();
      if (!lists.channel.includes(QR_CHANNEL)) {
        // 二维码 joins the workbook's 受理渠道 list the first time a phone submission arrives.
        lists = { ...lists, channel: [...lists.channel, QR_CHANNEL] };
        await writeValueLists(o.run, lists);
      }
      let continuation: string | undefined;
      do {
        const page = await o.api.pending(o.unitId, continuation);
        continuation = page.continuation;
        const fresh: { receiptId: string; payload: SubmissionPayload }[] = [];
        for (const s of page.submissions) {
          const already = held.get(s.receiptId);
          if (already) {
            await o.api.taken(o.unitId, s.receiptId, already);
            confirmed++;
            continue;
          }
          try {
            fresh.push({ receiptId: s.receiptId, payload: await decryptSubmission(s.jwe, keyring) });
          } catch (e) {
            left.push({
              receiptId: s.receiptId,
              reason:
                e instanceof IntakeError
                  ? e.reason
                  : say('无法解密该提交', 'this submission could not be decrypted'),
            });
          }
        }
        if (fresh.length === 0) continue;
        // A page's appeals in one write: the register is read once for their 编号 and once to append.
        const ids = await nextAppealIds(o.run, today.slice(0, 4), fresh.length);
        const report = await writeExternalRecords(
          o.run,
          appealRegister,
          fresh.map((f, i) => appealFromSubmission(ids[i] as string, f.payload, lists)),
          lists,
        );
        const refused = new Map(report.rejected.map((r) => [r.index, r.message]));
        const done = new Map<string, string>();
        fresh.forEach((f, i) => {
          const why = refused.get(i);
          if (why) left.push({ receiptId: f.receiptId, reason: why });
          else done.set(f.receiptId, ids[i] as string);
        });
        // Remembered before the cloud is told: if a confirmation is lost, the next pull confirms
        // that 编号 instead of writing the appeal twice.
        await rememberIntakeTaken(o.run, done);
        for (const [receiptId, id] of done) {
          held.set(receiptId, id);
          await o.api.taken(o.unitId, receiptId, id);
          written.push(id);
        }
      } while (continuation);
      return { written, confirmed, left };
    },
  };
}
