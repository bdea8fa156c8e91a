// The register rows a phone's rating and sign-in become once the pane has decrypted them.
import { chinaDay, chinaTime } from '../calendar/dates';
import type { SignInRecord, SurveyRecord } from '../schema/registers';
import { QR_SIGNATURE, RESPONDENT_APPELLANT, SURVEY_ONLINE } from '../schema/valueLists';
import type { RatingPayload, SignInPayload } from './envelope';

/** The fields that tell one phone survey row from another (the register has no 编号 of its own). */
export const PHONE_SURVEY_KEY = ['appealId', 'respondent', 'surveyedOn', 'rating'] as const;
/** The fields that tell one sign-in row from another. */
export const PHONE_SIGN_IN_KEY = ['meetingId', 'name', 'position'] as const;

/**
 * The 满意度调查表 row of a rating from the receipt link: 调查对象 诉求人, 调查方式 网络或问卷调查, on the
 * day (China time) it was given. A 不满意 row's remedy (责任部门, 解决措施, 整改时限) is the union's to fill:
 * the check asks for it, and the appeal is back in 不满意整改中 meanwhile.
 */
export function surveyFromRating(appealId: string, p: RatingPayload): SurveyRecord {
  return {
    appealId,
    respondent: RESPONDENT_APPELLANT,
    method: SURVEY_ONLINE,
    rating: p.rating,
    surveyedOn: chinaDay(p.ratedAt),
    ...(p.reason ? { reason: p.reason } : {}),
  };
}

/** The 会议签到表 row of a phone sign-in; 本人签字 says it was by QR, at what time (China time). */
export function signInFromPhone(p: SignInPayload): SignInRecord {
  return {
    meetingId: p.meetingId,
    group: p.group,
    position: p.position,
    name: p.name,
    signature: `${QR_SIGNATURE} ${chinaTime(p.signedAt)}`,
    ...(p.contact ? { contact: p.contact } : {}),
  };
}
