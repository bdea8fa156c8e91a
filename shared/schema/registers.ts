import { defineRegister, type FieldDef, type RegisterDef, type RegisterRecord } from './types';
import { VALUE_LISTS, VALUE_LIST_KEYS, ANONYMOUS, CANNOT_BE_DONE, DISSATISFIED } from './valueLists';

/** The schema version written into every workbook; bump it when a register gains or renames a column. */
export const SCHEMA_VERSION = 3;

const filled = (field: string) => ({ when: { field, filled: true } }) as const;
const dissatisfied = { when: { field: 'rating', is: [DISSATISFIED] } } as const;

/** 职工诉求记录表: one row per appeal; the paper form plus the dates of the appeal's life. */
export const appealRegister = defineRegister({
  key: 'appeals',
  sheet: '职工诉求记录表',
  table: 'Appeals',
  title: '职工诉求记录表',
  step: 3,
  kind: 'register',
  idField: 'id',
  fields: [
    {
      key: 'id',
      header: '编号',
      type: 'text',
      required: true,
      unique: true,
      width: 11,
      prompt: '唯一编号，如 2025-017',
    },
    { key: 'intakeMethod', header: '受理方式', type: 'enum', list: 'intakeMethod', required: true, width: 9 },
    { key: 'channel', header: '受理渠道', type: 'enum', list: 'channel', width: 9 },
    { key: 'receivedOn', header: '受理时间', type: 'date', required: true, width: 11 },
    { key: 'category', header: '受理类别', type: 'enum', list: 'category', required: true, width: 11 },
    { key: 'topicKind', header: '议题类别', type: 'enum', list: 'topicKind', width: 11, since: 2 },
    {
      key: 'appellant',
      header: '诉求人',
      type: 'person',
      required: true,
      identity: 'name',
      allowAnonymous: true,
      width: 8,
      prompt: `实名填写姓名，匿名填“${ANONYMOUS}”；仅工会可见`,
    },
    { key: 'unit', header: '单位', type: 'text', width: 12, prompt: '诉求人所在分厂、车间或班组' },
    {
      key: 'phone',
      header: '电话',
      type: 'phone',
      identity: 'phone',
      forbidden: { when: { field: 'appellant', is: [ANONYMOUS] } },
      width: 14,
    },
    { key: 'content', header: '诉求内容', type: 'text', required: true, width: 36 },
    { key: 'unionOpinion', header: '工会初步意见', type: 'text', width: 20 },
    { key: 'unionChair', header: '工会主席签字', type: 'person', needs: ['unionOpinion'], width: 9 },
    {
      key: 'adminApproval',
      header: '行政分管负责人审批意见',
      type: 'text',
      needs: ['unionOpinion'],
      width: 20,
    },
    { key: 'adminSigner', header: '行政分管负责人签字', type: 'person', needs: ['adminApproval'], width: 9 },
    { key: 'deptOpinion', header: '职能部门意见（解决措施）', type: 'text', width: 24 },
    { key: 'deptHead', header: '职能部门负责人签字', type: 'person', needs: ['deptOpinion'], width: 9 },
    { key: 'handling', header: '办理方式', type: 'enum', list: 'handling', width: 12 },
    {
      key: 'department',
      header: '承办部门',
      type: 'enum',
      list: 'department',
      required: filled('handling'),
      width: 11,
    },
    { key: 'owner', header: '责任人', type: 'person', width: 8 },
    { key: 'dueOn', header: '完成时限', type: 'date', future: true, notBefore: ['receivedOn'], width: 11 },
    {
      key: 'finishedOn',
      header: '办结日期',
      type: 'date',
      notBefore: ['receivedOn'],
      needs: ['department'],
      width: 11,
      prompt: '办结（或判定无法办理）的日期',
    },
    { key: 'impossibleReason', header: '无法办理说明', type: 'text', needs: ['finishedOn'], width: 20 },
    {
      key: 'reportedOn',
      header: '部门反馈日期',
      type: 'date',
      needs: ['finishedOn'],
      notBefore: ['finishedOn'],
      width: 11,
    },
    {
      key: 'toldOn',
      header: '告知诉求人日期',
      type: 'date',
      needs: ['reportedOn'],
      notBefore: ['reportedOn'],
      width: 11,
    },
    {
      key: 'toldHow',
      header: '告知方式',
      type: 'enum',
      list: 'toldHow',
      required: filled('toldOn'),
      since: 2,
      width: 9,
    },
    {
      key: 'publishedOn',
      header: '公示日期',
      type: 'date',
      needs: ['reportedOn'],
      notBefore: ['reportedOn'],
      since: 3,
      width: 11,
      prompt: '匿名诉求无法逐一告知：办理结果公示的日期，计为告知日期',
    },
    { key: 'escalatedOn', header: '上报日期', type: 'date', notBefore: ['receivedOn'], since: 2, width: 11 },
    {
      key: 'escalatedTo',
      header: '上级单位',
      type: 'text',
      required: filled('escalatedOn'),
      since: 2,
      width: 14,
    },
  ],
});

/** 征集协商议题记录本: topics collected in a branch factory, workshop or team. */
export const topicRegister = defineRegister({
  key: 'topics',
  sheet: '征集协商议题记录本',
  table: 'Topics',
  title: '分厂（车间、班组）征集协商议题记录本',
  step: 3,
  kind: 'register',
  fields: [
    { key: 'workshop', header: '分厂（车间、班组）', type: 'text', required: true, width: 14 },
    { key: 'seq', header: '序号', type: 'number', required: true, min: 1, width: 6 },
    {
      key: 'name',
      header: '姓名',
      type: 'person',
      required: true,
      identity: 'name',
      allowAnonymous: true,
      width: 8,
    },
    { key: 'content', header: '内容', type: 'text', required: true, width: 36 },
    { key: 'raisedOn', header: '时间', type: 'date', required: true, width: 11 },
    { key: 'signature', header: '提出人签字', type: 'text', identity: 'name', width: 10 },
    {
      key: 'appealId',
      header: '诉求编号',
      type: 'ref',
      ref: { register: 'appeals', field: 'id' },
      width: 11,
    },
  ],
});

/** 领导小组成员: the leading group's roster (step 1). */
export const rosterRegister = defineRegister({
  key: 'roster',
  sheet: '领导小组',
  table: 'Roster',
  title: '工会与行政沟通协商机制领导小组成员',
  step: 1,
  kind: 'register',
  fields: [
    { key: 'role', header: '小组职务', type: 'enum', list: 'rosterRole', required: true, width: 10 },
    { key: 'name', header: '姓名', type: 'person', required: true, width: 8 },
    {
      key: 'position',
      header: '单位职务',
      type: 'text',
      required: true,
      width: 20,
      prompt: '如：企业行政负责人、工会主席',
    },
    { key: 'phone', header: '联系方式', type: 'phone', width: 14 },
  ],
});

/** 协商会议: meetings of every form, including the quarterly group meeting and monthly scheduling meeting. */
export const meetingRegister = defineRegister({
  key: 'meetings',
  sheet: '协商会议',
  table: 'Meetings',
  title: '工会与行政沟通协商会议',
  step: 4,
  kind: 'register',
  idField: 'id',
  fields: [
    {
      key: 'id',
      header: '会议编号',
      type: 'text',
      required: true,
      unique: true,
      width: 11,
      prompt: '如 2025-H1',
    },
    { key: 'type', header: '会议形式', type: 'enum', list: 'meetingType', required: true, width: 16 },
    { key: 'ordinal', header: '届次', type: 'number', min: 1, width: 6, prompt: '本年第几次会议' },
    { key: 'date', header: '会议日期', type: 'date', future: true, required: true, width: 11 },
    { key: 'place', header: '地点', type: 'text', width: 14 },
    { key: 'moderator', header: '主持人', type: 'person', width: 8 },
    { key: 'adminHead', header: '企业行政负责人', type: 'person', width: 10 },
    { key: 'participants', header: '参会人员', type: 'text', width: 30 },
    {
      key: 'replyBy',
      future: true,
      header: '名单报送截止',
      type: 'date',
      width: 11,
      prompt: '与会人员名单报工会办公室的截止日期',
    },
  ],
});

/** 会议议题及决议: each topic of a meeting, with the administration's reply, departments and deadline. */
export const agendaRegister = defineRegister({
  key: 'agenda',
  sheet: '会议议题及决议',
  table: 'Agenda',
  title: '协商会议议题及决议',
  step: 5,
  kind: 'register',
  fields: [
    {
      key: 'meetingId',
      header: '会议编号',
      type: 'ref',
      ref: { register: 'meetings', field: 'id' },
      required: true,
      width: 11,
    },
    { key: 'seq', header: '议题序号', type: 'number', required: true, min: 1, width: 8 },
    {
      key: 'appealId',
      header: '诉求编号',
      type: 'ref',
      ref: { register: 'appeals', field: 'id' },
      width: 11,
    },
    { key: 'topic', header: '议题内容', type: 'text', required: true, width: 30 },
    { key: 'employeeRep', header: '职工代表', type: 'person', width: 8 },
    { key: 'adminReply', header: '行政方答复', type: 'text', width: 30 },
    { key: 'departments', header: '责任部门', type: 'text', width: 16, prompt: '一个或多个部门，用“、”分隔' },
    { key: 'owner', header: '责任人', type: 'person', width: 8 },
    {
      key: 'dueOn',
      header: '完成时限',
      type: 'date',
      future: true,
      required: filled('adminReply'),
      width: 11,
    },
    { key: 'chairSummary', header: '工会主席小结', type: 'text', width: 24 },
  ],
});

/** 会议签到表: who signed in at a meeting, by group. */
export const signInRegister = defineRegister({
  key: 'signIn',
  sheet: '会议签到表',
  table: 'SignIn',
  title: '工会与行政沟通协商会议签到表',
  step: 5,
  kind: 'register',
  fields: [
    {
      key: 'meetingId',
      header: '会议编号',
      type: 'ref',
      ref: { register: 'meetings', field: 'id' },
      required: true,
      width: 11,
    },
    { key: 'group', header: '会议参加人员', type: 'enum', list: 'signInGroup', required: true, width: 10 },
    {
      key: 'position',
      header: '职务或部门',
      type: 'text',
      required: true,
      width: 14,
      prompt: '如：总经理、人力资源部、一车间',
    },
    { key: 'name', header: '姓名', type: 'person', width: 8 },
    { key: 'signature', header: '本人签字', type: 'text', width: 10 },
    { key: 'contact', header: '联系方式', type: 'phone', width: 14 },
  ],
});

/** 职工诉求工作进展情况跟踪表: several supervision entries per appeal. */
export const trackingRegister = defineRegister({
  key: 'tracking',
  sheet: '进展情况跟踪表',
  table: 'Tracking',
  title: '职工诉求工作进展情况跟踪表',
  step: 6,
  kind: 'register',
  fields: [
    {
      key: 'appealId',
      header: '诉求编号',
      type: 'ref',
      ref: { register: 'appeals', field: 'id' },
      required: true,
      width: 11,
    },
    { key: 'trackedOn', header: '跟踪时间', type: 'date', required: true, width: 11 },
    { key: 'status', header: '办理状态', type: 'enum', list: 'trackingStatus', required: true, width: 16 },
    {
      key: 'feedback',
      header: '受理结果反馈',
      type: 'text',
      required: { when: { field: 'status', is: [CANNOT_BE_DONE] } },
      width: 30,
      prompt: `状态为“${CANNOT_BE_DONE}”时必须写明原因`,
    },
    { key: 'method', header: '督导方式', type: 'enum', list: 'supervisionMethod', width: 10 },
    { key: 'supervisors', header: '督导人员', type: 'text', width: 16 },
  ],
});

/** 职工诉求满意度调查表: one row per person surveyed about an appeal. */
export const surveyRegister = defineRegister({
  key: 'surveys',
  sheet: '满意度调查表',
  table: 'Surveys',
  title: '职工诉求满意度调查表',
  step: 7,
  kind: 'register',
  fields: [
    {
      key: 'appealId',
      header: '诉求编号',
      type: 'ref',
      ref: { register: 'appeals', field: 'id' },
      required: true,
      width: 11,
    },
    {
      key: 'respondent',
      header: '调查对象',
      type: 'enum',
      list: 'respondent',
      required: true,
      since: 2,
      width: 9,
    },
    { key: 'method', header: '调查方式', type: 'enum', list: 'surveyMethod', required: true, width: 14 },
    { key: 'rating', header: '诉求满意度', type: 'enum', list: 'satisfaction', required: true, width: 10 },
    { key: 'supervisor', header: '诉求督办人', type: 'person', width: 9 },
    { key: 'surveyedOn', header: '满意度调查时间', type: 'date', required: true, width: 12 },
    { key: 'unionReview', header: '工会审阅反馈', type: 'text', width: 20 },
    { key: 'reason', header: '不满意原因', type: 'text', required: dissatisfied, width: 20 },
    {
      key: 'remedyDepartment',
      header: '责任部门',
      type: 'enum',
      list: 'department',
      required: dissatisfied,
      width: 11,
    },
    { key: 'remedy', header: '解决措施', type: 'text', required: dissatisfied, width: 24 },
    {
      key: 'remedyDueOn',
      future: true,
      header: '整改时限',
      type: 'date',
      required: dissatisfied,
      notBefore: ['surveyedOn'],
      width: 11,
    },
    {
      key: 'remedyDoneOn',
      header: '整改完成日期',
      type: 'date',
      needs: ['remedy'],
      notBefore: ['surveyedOn'],
      width: 11,
    },
  ],
});

/** 设置: the unit's single-valued settings as 设置项 / 值 rows. */
export const settingsRegister = defineRegister({
  key: 'settings',
  sheet: '设置',
  table: 'Settings',
  title: '基本设置',
  step: 0,
  kind: 'settings',
  idField: 'item',
  fields: [
    { key: 'item', header: '设置项', type: 'text', required: true, unique: true, width: 22 },
    { key: 'value', header: '值', type: 'text', width: 30 },
    { key: 'note', header: '说明', type: 'text', width: 40 },
  ],
});

/** 值列表: one column per extensible value list, so Excel validation lists follow what the clerk adds. */
export const valueListRegister = defineRegister({
  key: 'valueLists',
  sheet: '值列表',
  table: 'ValueLists',
  title: '值列表',
  step: 0,
  kind: 'settings',
  // Only the lists clerks may extend; fixed lists carry meaning the rules rely on and stay inline.
  fields: VALUE_LIST_KEYS.filter((k) => VALUE_LISTS[k].extensible).map((k): FieldDef => ({
    key: k,
    header: VALUE_LISTS[k].name,
    type: 'text',
    width: 14,
  })),
});

/** 参会部门表: which departments attend when a topic of a category is discussed. */
export const categoryDepartmentRegister = defineRegister({
  key: 'categoryDepartments',
  sheet: '参会部门表',
  table: 'CategoryDepartments',
  title: '议题类别与参会部门',
  step: 4,
  kind: 'settings',
  fields: [
    { key: 'category', header: '受理类别', type: 'enum', list: 'category', required: true, width: 12 },
    { key: 'department', header: '参会部门', type: 'enum', list: 'department', required: true, width: 12 },
  ],
});

/** 部门负责人: who heads each department, so notices, sign-in sheets and scripts name them. */
export const departmentHeadRegister = defineRegister({
  key: 'departmentHeads',
  sheet: '部门负责人',
  table: 'DepartmentHeads',
  title: '职能部门负责人',
  step: 4,
  kind: 'settings',
  idField: 'department',
  fields: [
    {
      key: 'department',
      header: '部门',
      type: 'enum',
      list: 'department',
      required: true,
      unique: true,
      width: 12,
    },
    { key: 'head', header: '负责人', type: 'person', required: true, width: 10 },
    { key: 'position', header: '职务', type: 'text', width: 12, prompt: '如：部长、主任' },
    { key: 'phone', header: '联系方式', type: 'phone', width: 14 },
  ],
});

/** 日历调整: new years' statutory schedules and the unit's own rest or working days. */
export const calendarRegister = defineRegister({
  key: 'calendarDays',
  sheet: '日历调整',
  table: 'CalendarDays',
  title: '工作日历调整',
  step: 0,
  kind: 'settings',
  fields: [
    { key: 'date', header: '日期', type: 'date', future: true, required: true, width: 11 },
    { key: 'type', header: '类型', type: 'enum', list: 'calendarDayType', required: true, width: 11 },
    { key: 'note', header: '说明', type: 'text', width: 30 },
  ],
});

/** 职工诉求工作台账: the quarterly work ledger (generated, one sheet per quarter). */
export const workLedgerSheet = defineRegister({
  key: 'workLedger',
  sheet: '台账',
  table: 'WorkLedger',
  title: '工会与行政沟通协商职工诉求工作台账',
  step: 8,
  kind: 'generated',
  fields: [
    { key: 'id', header: '编号', type: 'text', width: 10 },
    { key: 'receivedOn', header: '受理时间', type: 'date', width: 11 },
    { key: 'category', header: '受理类别', type: 'text', width: 11 },
    { key: 'appellant', header: '诉求人', type: 'person', identity: 'name', width: 8 },
    { key: 'content', header: '诉求内容', type: 'text', width: 34 },
    { key: 'unit', header: '部门(单位)', type: 'text', width: 12 },
    { key: 'phone', header: '电话', type: 'phone', identity: 'phone', width: 14 },
    { key: 'progress', header: '办理情况', type: 'text', width: 26 },
    { key: 'rating', header: '职工诉求满意度', type: 'text', width: 10 },
    { key: 'supervisor', header: '诉求监督人', type: 'person', width: 9 },
    { key: 'unionReview', header: '工会审阅反馈', type: 'text', width: 18 },
    { key: 'remarks', header: '备注', type: 'text', width: 18 },
  ],
});

/** 职工诉求满意度整理台账: the satisfaction ledger (generated). */
export const satisfactionLedgerSheet = defineRegister({
  key: 'satisfactionLedger',
  sheet: '满意度整理台账',
  table: 'SatisfactionLedger',
  title: '职工诉求满意度整理台账',
  step: 7,
  kind: 'generated',
  fields: [
    { key: 'content', header: '诉求内容', type: 'text', width: 34 },
    { key: 'rating', header: '诉求满意度', type: 'text', width: 10 },
    { key: 'department', header: '承办部门', type: 'text', width: 11 },
    { key: 'owner', header: '责任人', type: 'person', width: 8 },
    { key: 'reason', header: '不满意原因', type: 'text', width: 20 },
    { key: 'remedyDepartment', header: '责任部门', type: 'text', width: 11 },
    { key: 'remedyWithDeadline', header: '解决措施及时限', type: 'text', width: 28 },
  ],
});

/** 议题梳理汇总分类表: the classification table (generated from the appeals). */
export const classificationSheet = defineRegister({
  key: 'classification',
  sheet: '议题梳理汇总分类表',
  table: 'Classification',
  title: '议题梳理汇总分类表',
  step: 3,
  kind: 'generated',
  fields: [
    { key: 'kind', header: '类别', type: 'text', width: 12 },
    { key: 'content', header: '内容', type: 'text', width: 36 },
    { key: 'department', header: '责任部门', type: 'text', width: 11 },
    { key: 'owner', header: '责任人', type: 'person', width: 8 },
    { key: 'remarks', header: '备注', type: 'text', width: 18 },
  ],
});

/** 职工诉求分类汇总表: the annual summary by quarter and category (generated). */
export const annualSummarySheet = defineRegister({
  key: 'annualSummary',
  sheet: '分类汇总表',
  table: 'AnnualSummary',
  title: '职工诉求分类汇总表',
  step: 8,
  kind: 'generated',
  fields: [
    { key: 'quarter', header: '时间', type: 'text', width: 8 },
    { key: 'category', header: '类别', type: 'text', width: 12 },
    { key: 'count', header: '件数', type: 'number', width: 6 },
    { key: 'content', header: '诉求内容', type: 'text', width: 50 },
  ],
});

/** The registers clerks type into, in workbook order. */
export const INPUT_REGISTERS = [
  settingsRegister,
  valueListRegister,
  categoryDepartmentRegister,
  departmentHeadRegister,
  calendarRegister,
  rosterRegister,
  topicRegister,
  appealRegister,
  meetingRegister,
  agendaRegister,
  signInRegister,
  trackingRegister,
  surveyRegister,
] as const;

/** The sheets the add-in builds from the registers. */
export const GENERATED_SHEETS = [
  workLedgerSheet,
  satisfactionLedgerSheet,
  classificationSheet,
  annualSummarySheet,
] as const;

/** Every form of the handbook, input and generated. */
export const ALL_REGISTERS: readonly RegisterDef[] = [...INPUT_REGISTERS, ...GENERATED_SHEETS];

/** The key of a register clerks type into. */
export type InputRegisterKey = (typeof INPUT_REGISTERS)[number]['key'];

/** Looks a register up by key; throws for an unknown key (a programming error). */
export function registerByKey(key: string): RegisterDef {
  const r = ALL_REGISTERS.find((x) => x.key === key);
  if (!r) throw new Error(`unknown register ${key}`);
  return r;
}

/** The fields a workbook made by schema `version` has, in order. */
export const fieldsAtVersion = (register: RegisterDef, version: number): FieldDef[] =>
  register.fields.filter((f) => (f.since ?? 1) <= version);

/** An appeal register row. */
export type AppealRecord = RegisterRecord<typeof appealRegister>;
/** A topic collection row. */
export type TopicRecord = RegisterRecord<typeof topicRegister>;
/** A roster row. */
export type RosterRecord = RegisterRecord<typeof rosterRegister>;
/** A meeting row. */
export type MeetingRecord = RegisterRecord<typeof meetingRegister>;
/** An agenda and resolution row. */
export type AgendaRecord = RegisterRecord<typeof agendaRegister>;
/** A sign-in row. */
export type SignInRecord = RegisterRecord<typeof signInRegister>;
/** A tracking entry. */
export type TrackingRecord = RegisterRecord<typeof trackingRegister>;
/** A survey response. */
export type SurveyRecord = RegisterRecord<typeof surveyRegister>;
/** A settings row. */
export type SettingsRecord = RegisterRecord<typeof settingsRegister>;
/** A category → department row. */
export type CategoryDepartmentRecord = RegisterRecord<typeof categoryDepartmentRegister>;
/** A department head row. */
export type DepartmentHeadRecord = RegisterRecord<typeof departmentHeadRegister>;
/** A calendar override row. */
export type CalendarDayRecord = RegisterRecord<typeof calendarRegister>;
/** A quarterly work ledger row. */
export type WorkLedgerRow = RegisterRecord<typeof workLedgerSheet>;
/** A satisfaction ledger row. */
export type SatisfactionLedgerRow = RegisterRecord<typeof satisfactionLedgerSheet>;
/** A classification table row. */
export type ClassificationRow = RegisterRecord<typeof classificationSheet>;
/** An annual summary row. */
export type AnnualSummaryRow = RegisterRecord<typeof annualSummarySheet>;
