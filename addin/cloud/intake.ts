import { base64url } from 'jose';
import {
  ANONYMOUS,
  appealRegister,
  chinaDay,
  INTAKE_LIMITS,
  ONLINE_INTAKE,
  PHONE_SIGN_IN_KEY,
  PHONE_SURVEY_KEY,
  QR_CHANNEL,
  receiptStatus,
  say,
  signInFromPhone,
  signInRegister,
  statusFingerprint,
  surveyFromRating,
  surveyRegister,
  type Bilingual,
  type IntakeForm,
  type IntakeSubmission,
  type RatingPayload,
  type ReceiptStatusUpdate,
  type RegisterDef,
  type SignInPayload,
  type SubmissionPayload,
  type ValueLists,
  type WorkbookCheck,
} from '../../shared';
import { appellantIdentities, identityScrubber } from '../documents/identities';
import type { ExcelRun } from '../excel/context';
import { readAppealIndex } from '../excel/escalation';
import type { IsSetSupported } from '../excel/capabilities';
import { saveWorkbook } from '../excel/save';
import { writeExternalRecords } from '../excel/external';
import { currentIntakeKey } from '../excel/intakeKeys';
import {
  readIntakeReplies,
  readIntakeTaken,
  rememberIntakeReplies,
  rememberIntakeTaken,
  type IntakeReply,
} from '../excel/intakeTaken';
import { writeValueLists } from '../excel/records';
import { decryptFromPhone, encryptStatus, IntakeError, type IntakeKeyring } from '../intake/envelope';
import { noIntakeKeys } from '../intake/keys';
import type { IntakeApi } from '../sync';

/** What one pull of phone submissions did. */
export interface IntakePullReport {
  /** New appeals written to 职工诉求记录表, by 编号. */
  readonly written: readonly string[];
  /** Submissions found already written (a confirmation lost, or a phone's retry): confirmed now. */
  readonly confirmed: number;
  /** Ratings written to 满意度调查表, by the 编号 they rate. */
  readonly rated: readonly string[];
  /** Sign-ins written to 会议签到表. */
  readonly signedIn: number;
  /** Submissions left in the cloud, and why (a key this workbook lacks, a row the register refused). */
  readonly left: readonly { readonly receiptId: string; readonly reason: Bilingual }[];
  /** Receipt statuses sent to the phones (only those that changed). */
  readonly statuses: StatusReport;
  /**
   * True when items were taken in but this Excel cannot be told to save (Office 2019): the cloud has
   * deleted them, so the clerk must save the workbook now.
   */
  readonly unsaved: boolean;
}

/** What publishing receipt statuses did. */
export interface StatusReport {
  /** Statuses sent and stored. */
  readonly sent: number;
  /** Receipts the cloud no longer holds (purged by retention): nothing to send them. */
  readonly gone: number;
}

/** The pane's side of phone intake for one unit. */
export interface IntakeCloud {
  /** Publishes the workbook's current public key and the form's lists (workshops, categories). */
  publishKey(): Promise<IntakeForm>;
  /**
   * Pulls, decrypts and writes every pending appeal, rating and sign-in, tells the cloud each is
   * written, then sends the receipts' statuses that changed. A sync passes the value lists it has
   * just read, sparing a second read and check of the whole workbook.
   */
  pull(keyring: IntakeKeyring, today: string, lists?: ValueLists): Promise<IntakePullReport>;
  /** Sends each phone whose appeal changed its new status, encrypted to its reply key (no key needed). */
  publishStatuses(today: string): Promise<StatusReport>;
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
  /** The workbook read and checked on `today`: the appeals' cases, settings and calendar. */
  readonly workbook: (today: string) => Promise<WorkbookCheck>;
  /** The time now (ISO), for a status's updatedAt. */
  readonly now?: () => string;
  /** Which ExcelApi sets this Excel has: the workbook is saved before the cloud deletes (1.9). */
  readonly isSetSupported?: IsSetSupported;
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

const RATING_ELSEWHERE = say(
  '这条评价与本工作簿登记的诉求对不上（回执或编号不符），未写入',
  'this rating does not match an appeal this workbook holds (receipt or 编号 differ); not written',
);
const SIGN_IN_ELSEWHERE = say(
  '这条签到所属的会议与云端记录不符，未写入',
  'this sign-in names another meeting than the cloud says; not written',
);

/**
 * When the cloud received an item: the day an appeal counts as received (受理时间), a rating's survey
 * day and a sign-in's time follow the cloud's clock, not the phone's, which may be wrong or set.
 * The phone's own time stands only if the cloud's is missing.
 */
const cloudTime = (item: IntakeSubmission, phoneTime: string): string =>
  Number.isNaN(Date.parse(item.submittedAt)) ? phoneTime : item.submittedAt;

const atCloudTime = (p: SubmissionPayload, item: IntakeSubmission): SubmissionPayload => ({
  ...p,
  submittedAt: cloudTime(item, p.submittedAt),
});

/**
 * A status's fingerprint as the workbook keeps it: 128 bits of its SHA-256, base64url. The status
 * itself (a result runs to 2,000 characters) would grow the settings by a page per receipt.
 */
async function shortHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return base64url.encode(new Uint8Array(digest).slice(0, 16));
}

/** Opens intake for the pane: nothing is deleted in the cloud before its row is in the workbook. */
export function createIntakeCloud(o: IntakeCloudOptions): IntakeCloud {
  // One pull or status publication at a time (the sync button, 收取 and a hand-up's sync may all
  // start one): two reading the same pending page would write the same appeals twice.
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const publishStatuses = async (today: string): Promise<StatusReport> => {
    const replies = await readIntakeReplies(o.run);
    if (replies.size === 0) return { sent: 0, gone: 0 };
    const held = await readIntakeTaken(o.run);
    const check = await o.workbook(today);
    const cases = new Map(check.cases.map((c) => [c.appeal.id, c]));
    const scrub = identityScrubber(appellantIdentities(check));
    const updatedAt = o.now?.() ?? new Date().toISOString();
    // The phone encrypts its rating only to the key this names (the status itself it cannot doubt).
    const kid = (await currentIntakeKey(o.run))?.kid;
    const updates: { update: ReceiptStatusUpdate; sent: IntakeReply }[] = [];
    for (const [receiptId, reply] of replies) {
      const c = cases.get(held.get(receiptId));
      if (!c) continue;
      const status = receiptStatus(c, check.settings, check.calendar, today, updatedAt, scrub, kid);
      const fingerprint = await shortHash(statusFingerprint(status));
      if (fingerprint === reply.sent) continue;
      updates.push({
        update: { receiptId, jwe: await encryptStatus(status, reply.key), rateable: status.rateable },
        sent: { key: reply.key, sent: fingerprint },
      });
    }
    let sent = 0;
    let gone = 0;
    for (let i = 0; i < updates.length; i += INTAKE_LIMITS.statusBatch) {
      const batch = updates.slice(i, i + INTAKE_LIMITS.statusBatch);
      const answer = await o.api.publishStatuses(
        o.unitId,
        batch.map((b) => b.update),
      );
      const unknown = new Set(answer.unknown);
      // A receipt the cloud no longer holds is marked sent too: it would be refused on every sync.
      await rememberIntakeReplies(o.run, new Map(batch.map((b) => [b.update.receiptId, b.sent])));
      sent += batch.length - unknown.size;
      gone += unknown.size;
    }
    return { sent, gone };
  };

  /**
   * One pull: decrypt each pending item, write it, remember it, and only then tell the cloud. An
   * appeal's receipt → 编号 is remembered before its row is written, and a remembered receipt is
   * confirmed only when its row is there with its content (else it is written again): a pull cut
   * short writes nothing twice and loses nothing. The cloud is told once the workbook is saved
   * (ExcelApi 1.9); where Excel cannot be told to save (Office 2019) the report asks the clerk to.
   */
  const pull = async (
    keyring: IntakeKeyring,
    today: string,
    given?: ValueLists,
  ): Promise<IntakePullReport> => {
    const written: string[] = [];
    const rated: string[] = [];
    let signedIn = 0;
    let confirmed = 0;
    const left: { receiptId: string; reason: Bilingual }[] = [];
    const held = await readIntakeTaken(o.run);
    const replies = await readIntakeReplies(o.run);
    let lists = given ?? (await o.lists());
    if (!lists.channel.includes(QR_CHANNEL)) {
      // 二维码 joins the workbook's 受理渠道 list the first time a phone submission arrives.
      lists = { ...lists, channel: [...lists.channel, QR_CHANNEL] };
      await writeValueLists(o.run, lists);
    }
    const refuse = (receiptId: string, e: unknown): void => {
      left.push({
        receiptId,
        reason:
          e instanceof IntakeError
            ? e.reason
            : say('无法解密该提交', 'this submission could not be decrypted'),
      });
    };
    // Items written in this pull (or found written), to confirm once the workbook is saved.
    const toConfirm = new Map<string, string>();
    let continuation: string | undefined;
    do {
      const page = await o.api.pending(o.unitId, continuation);
      continuation = page.continuation;
      const appeals: { item: IntakeSubmission; payload: SubmissionPayload }[] = [];
      const ratings: { item: IntakeSubmission; appealId: string; payload: RatingPayload }[] = [];
      const signIns: { item: IntakeSubmission; payload: SignInPayload }[] = [];
      for (const s of page.submissions) {
        try {
          if (s.kind === 'appeal')
            appeals.push({ item: s, payload: await decryptFromPhone('appeal', s.jwe, keyring) });
          else if (s.kind === 'rating') {
            const payload = await decryptFromPhone('rating', s.jwe, keyring);
            // The workbook's own link decides which appeal is rated, never the cloud's word for it.
            const appealId = held.get(payload.receiptId);
            if (payload.receiptId !== s.ratesReceiptId || !appealId || appealId !== s.appealId)
              throw new IntakeError('invalid-payload', RATING_ELSEWHERE);
            ratings.push({ item: s, appealId, payload });
          } else {
            const payload = await decryptFromPhone('signIn', s.jwe, keyring);
            if (payload.meetingId !== s.meetingId)
              throw new IntakeError('invalid-payload', SIGN_IN_ELSEWHERE);
            signIns.push({ item: s, payload });
          }
        } catch (e) {
          refuse(s.receiptId, e);
        }
      }
      if (appeals.length > 0) {
        // One read of the register for the remembered rows' contents and the new 编号.
        const index = await readAppealIndex(o.run);
        const inRegister = index.contents;
        const byReplyKey = new Map(
          [...replies].flatMap(([receipt, r]) => {
            const id = held.get(receipt);
            return id ? [[r.key, id] as const] : [];
          }),
        );
        const fresh: typeof appeals = [];
        const planned = new Map<string, string>();
        // A retry arriving in the same page as the filing it repeats: written once, both confirmed.
        const firstByKey = new Map<string, string>();
        const repeats: [receiptId: string, of: string][] = [];
        for (const a of appeals) {
          // Written before (its confirmation lost), or a retry of a filing already written (same
          // reply key): confirmed as that 编号 once the row holds this content.
          const before =
            held.get(a.item.receiptId) ?? (a.payload.replyKey && byReplyKey.get(a.payload.replyKey));
          if (before && inRegister.get(before) === a.payload.content) {
            toConfirm.set(a.item.receiptId, before);
            if (!held.has(a.item.receiptId)) held.set(a.item.receiptId, before);
            confirmed++;
            continue;
          }
          const first = a.payload.replyKey ? firstByKey.get(a.payload.replyKey) : undefined;
          if (
            first &&
            appeals.find((x) => x.item.receiptId === first)?.payload.content === a.payload.content
          ) {
            repeats.push([a.item.receiptId, first]);
            continue;
          }
          if (a.payload.replyKey) firstByKey.set(a.payload.replyKey, a.item.receiptId);
          fresh.push(a);
        }
        if (fresh.length > 0) {
          const ids = index.nextIds(today.slice(0, 4), fresh.length);
          fresh.forEach((f, i) => planned.set(f.item.receiptId, ids[i] as string));
          // Remembered before the rows are written: a pull cut short between the two finds them by
          // content next time instead of writing them again.
          await rememberIntakeTaken(o.run, planned);
          const done = await writeAll(
            appealRegister,
            fresh.map((f) => ({
              receiptId: f.item.receiptId,
              id: planned.get(f.item.receiptId) as string,
              row: appealFromSubmission(
                planned.get(f.item.receiptId) as string,
                atCloudTime(f.payload, f.item),
                lists,
              ),
            })),
            undefined,
            // New rows only: a 编号 taken meanwhile is refused and tried again next pull.
            { onlyNew: true },
          );
          for (const [receiptId, id] of done) {
            held.set(receiptId, id);
            toConfirm.set(receiptId, id);
            written.push(id);
          }
          const again = new Map<string, string>();
          for (const [receiptId, of] of repeats) {
            const id = done.get(of);
            if (!id) continue; // its filing was refused: the repeat waits in the cloud with it
            again.set(receiptId, id);
            toConfirm.set(receiptId, id);
            confirmed++;
          }
          if (again.size) {
            await rememberIntakeTaken(o.run, again);
            for (const [receiptId, id] of again) held.set(receiptId, id);
          }
        }
        // Every receipt taken in gets the statuses, a retry's too (the phone may know only that one).
        const keys = new Map<string, IntakeReply>();
        for (const a of appeals)
          if (a.payload.replyKey && !replies.has(a.item.receiptId) && toConfirm.has(a.item.receiptId))
            keys.set(a.item.receiptId, { key: a.payload.replyKey });
        if (keys.size) await rememberIntakeReplies(o.run, keys);
      }
      if (ratings.length > 0) {
        // Ratings and sign-ins are keyed by their content (PHONE_SURVEY_KEY, PHONE_SIGN_IN_KEY): one
        // written twice lands on its own row again, so they need no memory of their own.
        const done = await writeAll(
          surveyRegister,
          ratings.map((r) => ({
            receiptId: r.item.receiptId,
            id: r.appealId,
            row: surveyFromRating(r.appealId, {
              ...r.payload,
              ratedAt: cloudTime(r.item, r.payload.ratedAt),
            }),
          })),
          PHONE_SURVEY_KEY,
        );
        for (const [receiptId, id] of done) toConfirm.set(receiptId, id);
        rated.push(...done.values());
      }
      if (signIns.length > 0) {
        const done = await writeAll(
          signInRegister,
          signIns.map((r) => ({
            receiptId: r.item.receiptId,
            id: r.payload.meetingId,
            row: signInFromPhone({ ...r.payload, signedAt: cloudTime(r.item, r.payload.signedAt) }),
          })),
          PHONE_SIGN_IN_KEY,
        );
        for (const [receiptId, id] of done) toConfirm.set(receiptId, id);
        signedIn += done.size;
      }
    } while (continuation);
    // Deleted in the cloud only once the rows are in the saved file. An Excel that cannot be told to
    // save (Office 2019) confirms at once, and the pane asks the clerk to save.
    const saved = toConfirm.size > 0 && (await saveWorkbook(o.run, o.isSetSupported ?? (() => false)));
    for (const [receiptId, id] of toConfirm) await o.api.taken(o.unitId, receiptId, id);
    const statuses = await publishStatuses(today);
    return { written, confirmed, rated, signedIn, left, statuses, unsaved: toConfirm.size > 0 && !saved };

    /** Writes the rows; answers receipt → record for those written, leaving the refused with their reason. */
    async function writeAll(
      register: RegisterDef,
      items: readonly { receiptId: string; id: string; row: Readonly<Record<string, unknown>> }[],
      naturalKey?: readonly string[],
      options: { readonly onlyNew?: boolean } = {},
    ): Promise<Map<string, string>> {
      const report = await writeExternalRecords(
        o.run,
        register,
        items.map((x) => x.row),
        lists,
        naturalKey,
        options,
      );
      const refused = new Map(report.rejected.map((r) => [r.index, r.message]));
      const done = new Map<string, string>();
      items.forEach((x, i) => {
        const why = refused.get(i);
        if (why) left.push({ receiptId: x.receiptId, reason: why });
        else done.set(x.receiptId, x.id);
      });
      return done;
    }
  };
  return {
    async publishKey() {
      const current = await currentIntakeKey(o.run);
      if (!current) throw noIntakeKeys();
      const { kid, publicJwk } = current;
      const form = await o.form();
      await o.api.publishKey(o.unitId, { publicJwk, kid, form });
      return form;
    },
    pull: (keyring, today, lists) => oneAtATime(() => pull(keyring, today, lists)),
    publishStatuses: (today) => oneAtATime(() => publishStatuses(today)),
  };
}
