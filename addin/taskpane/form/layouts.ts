import { DISSATISFIED, type Condition, type RegisterDef } from '../../../shared';
import type { StringKey } from '../i18n/strings';

/** A titled group of fields on a form, shown only while its condition holds. */
export interface FormSection {
  readonly title: StringKey;
  readonly fields: readonly string[];
  readonly showWhen?: Condition;
}

const LAYOUTS: Readonly<Record<string, readonly FormSection[]>> = {
  appeals: [
    {
      title: 'section.intake',
      fields: [
        'id',
        'intakeMethod',
        'channel',
        'receivedOn',
        'category',
        'topicKind',
        'appellant',
        'unit',
        'phone',
        'content',
      ],
    },
    {
      title: 'section.opinions',
      fields: ['unionOpinion', 'unionChair', 'adminApproval', 'adminSigner', 'deptOpinion', 'deptHead'],
    },
    {
      title: 'section.handling',
      fields: ['handling', 'department', 'owner', 'dueOn', 'finishedOn', 'impossibleReason'],
    },
    { title: 'section.feedback', fields: ['reportedOn', 'toldOn', 'toldHow'] },
    { title: 'section.escalation', fields: ['escalatedOn', 'escalatedTo'] },
  ],
  surveys: [
    {
      title: 'section.rating',
      fields: ['appealId', 'respondent', 'method', 'rating', 'supervisor', 'surveyedOn', 'unionReview'],
    },
    // The handbook asks for these only when the rating is 不满意.
    {
      title: 'section.dissatisfied',
      fields: ['reason', 'remedyDepartment', 'remedy', 'remedyDueOn', 'remedyDoneOn'],
      showWhen: { field: 'rating', is: [DISSATISFIED] },
    },
  ],
};

/** The sections of a register's form: its layout, or all fields in one section. */
export const sectionsOf = (register: RegisterDef): readonly FormSection[] =>
  LAYOUTS[register.key] ?? [{ title: 'section.main', fields: register.fields.map((f) => f.key) }];

/** Whether a section is shown for the form's current values. */
export function isShown(section: FormSection, values: Readonly<Record<string, string>>): boolean {
  const c = section.showWhen;
  if (!c) return true;
  const v = values[c.field]?.trim() ?? '';
  if (c.filled !== undefined) return (v !== '') === c.filled;
  return (c.is ?? []).includes(v);
}
