import { Body1, Button, Field, Image, Link, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { chineseDate } from '../../../shared';
import type { PhoneCloud } from '../../cloud/phone';
import { ErrorBar } from '../common/ErrorBar';
import { Notice } from '../common/Notice';
import { bytesOfBase64, offerDownload } from '../common/download';
import { useTask } from '../common/useTask';
import { useI18n } from '../i18n/I18nContext';
import { usePane } from '../pane/PaneContext';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  code: { width: '160px', height: '160px', imageRendering: 'pixelated' },
});

/** A QR code shown in the pane, offered as a PNG: saved by the link, or copied from the picture itself. */
interface ShownCode {
  readonly base64: string;
  readonly fileName: string;
  readonly alt: string;
  readonly save: string;
  readonly testId: string;
}

// The QR library loads when a code is first drawn, not with the pane.
const pngOf = async (link: string): Promise<string> => (await import('../../intake/qr')).qrPng(link);

function Code({ code }: { code: ShownCode }) {
  const styles = useStyles();
  const href = `data:image/png;base64,${code.base64}`;
  return (
    <div>
      <Image className={styles.code} src={href} alt={code.alt} data-testid={`${code.testId}-image`} />
      <div>
        <Link href={href} download={code.fileName} data-testid={code.testId}>
          {code.save}
        </Link>
      </div>
    </div>
  );
}

/**
 * Step 二's QR codes: the poster 扫码反映诉求 as a printable sheet, the code as a PNG (which works in
 * every Excel, pictures or not), and QR sign-in for a meeting of 协商会议 on its day.
 */
export function PhoneQrPanel({ phone }: { phone: PhoneCloud }) {
  const { t, said } = useI18n();
  const styles = useStyles();
  const { operations, workbook, today } = usePane();
  const poster = operations.documents?.poster;
  const task = useTask<string>();
  const [code, setCode] = useState<ShownCode | null>(null);
  const meetings = (workbook?.check.meetings ?? []).filter((m) => m.id && m.date);
  const [meetingId, setMeetingId] = useState('');
  const chosen = meetingId || (meetings.at(-1)?.id ?? '');

  const fileLink = async (): Promise<string> => {
    const link = await phone.fileLink();
    if (!link) throw new Error(t('qr.noKey'));
    return link;
  };
  const download = async (link: string, shown: Omit<ShownCode, 'base64'>): Promise<void> => {
    const base64 = await pngOf(link);
    setCode({ ...shown, base64 });
    offerDownload(bytesOfBase64(base64), shown.fileName, 'image/png');
  };

  return (
    <section aria-label={t('qr.image')}>
      <Body1>{t('qr.intro')}</Body1>
      <div className={styles.row}>
        {poster && (
          <Button
            data-testid="intake-poster"
            disabled={task.busy}
            onClick={() =>
              void task.run(async (progress) => {
                const outcome = await poster({ issuedOn: today, link: await fileLink() }, {}, progress);
                if (outcome.status === 'blocked')
                  throw Object.assign(new Error(said(outcome.reason)), outcome);
                if (outcome.status === 'questions')
                  return t('qr.posterQuestions', {
                    questions: outcome.questions.map((q) => said({ zh: q.zh, en: q.en })).join('；'),
                  });
                const missing = (outcome.missing ?? []).map((m) => said(m.what)).join('；');
                return [t('qr.posterDone', { sheet: outcome.sheet }), missing].filter(Boolean).join('。');
              })
            }
          >
            {t('qr.poster')}
          </Button>
        )}
        <Button
          data-testid="intake-qr-png"
          disabled={task.busy}
          onClick={() =>
            void task.run(async () => {
              await download(await fileLink(), {
                fileName: '扫码反映诉求二维码.png',
                alt: t('qr.image'),
                save: t('qr.save'),
                testId: 'intake-qr-download',
              });
              return t('qr.downloaded');
            })
          }
        >
          {t('qr.download')}
        </Button>
      </div>
      <Body1>
        <strong>{t('qr.signIn')}</strong>
      </Body1>
      <Body1>{t('qr.signInIntro')}</Body1>
      {meetings.length === 0 ? (
        <Body1>{t('qr.noMeetings')}</Body1>
      ) : (
        <div className={styles.row}>
          <Field label={t('qr.meeting')}>
            <Select
              data-testid="intake-sign-in-meeting"
              value={chosen}
              onChange={(_e, d) => setMeetingId(d.value)}
            >
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.id}（${chineseDate(m.date ?? '')}）`}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            data-testid="intake-open-sign-in"
            disabled={task.busy || !chosen}
            onClick={() =>
              void task.run(async () => {
                const opened = await phone.openSignIn(chosen, today);
                await download(opened.link, {
                  fileName: `会议签到二维码-${opened.meetingId}.png`,
                  alt: t('qr.signInImage'),
                  save: t('qr.saveSignIn'),
                  testId: 'intake-sign-in-download',
                });
                return t('qr.opened', { meeting: opened.meetingId, day: chineseDate(opened.day) });
              })
            }
          >
            {t('qr.openSignIn')}
          </Button>
        </div>
      )}
      <Notice>{task.result}</Notice>
      <ErrorBar error={task.error} />
      {code && <Code code={code} />}
    </section>
  );
}
