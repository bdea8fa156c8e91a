/**
 * The value lists behind every enum column, with the handbook's defaults. Clerks extend the
 * extensible ones on the 值列表 sheet; the fixed ones carry meaning the rules and figures rely on.
 */
export const VALUE_LISTS = {
  intakeMethod: { name: '受理方式', extensible: true, values: ['谈话', '电话', '转达', '网络'] },
  channel: {
    name: '受理渠道',
    extensible: true,
    values: ['信函', '电话', '企业OA', '微博', 'QQ群', '微信群', '当面', '意见箱', '热线', '其他'],
  },
  category: {
    name: '受理类别',
    extensible: true,
    values: ['工资福利类', '生活保障类', '生产经营类', '安全卫生类', '管理制度类', '其他类'],
  },
  topicKind: { name: '议题类别', extensible: true, values: ['职工诉求类', '合理化建议类', '其他类'] },
  handling: { name: '办理方式', extensible: false, values: ['部门直接办理', '提交协商会议'] },
  department: {
    name: '部门',
    extensible: true,
    values: ['行政办公室', '财务部', '人力资源部', '后勤部', '工程部', '科研部', '生产部', '安全环保部'],
  },
  toldHow: { name: '告知方式', extensible: true, values: ['面谈', '电话', '网络'] },
  trackingStatus: {
    name: '办理状态',
    extensible: false,
    values: ['已完成', '正在进行中', '不具备条件无法执行'],
  },
  supervisionMethod: { name: '督导方式', extensible: true, values: ['实地走访', '暗访', '电话了解'] },
  surveyMethod: { name: '调查方式', extensible: true, values: ['电话回访', '网络或问卷调查', '现场答复'] },
  satisfaction: { name: '诉求满意度', extensible: false, values: ['非常满意', '满意', '基本满意', '不满意'] },
  respondent: { name: '调查对象', extensible: false, values: ['诉求人', '职工代表', '相关职工'] },
  meetingType: {
    name: '会议形式',
    extensible: true,
    values: ['领导小组工作会议', '调度会议', '党政联席会议', '专题沟通协商会议'],
  },
  rosterRole: { name: '小组职务', extensible: false, values: ['组长', '副组长', '成员', '办公室主任'] },
  signInGroup: {
    name: '签到分组',
    extensible: true,
    values: ['企业行政', '企业工会', '行政部门', '职工代表'],
  },
  calendarDayType: {
    name: '日期类型',
    extensible: false,
    values: ['法定节假日', '调休上班', '单位休息日', '单位工作日'],
  },
  yesNo: { name: '是否', extensible: false, values: ['是', '否'] },
} as const;

/** The key of a value list. */
export type ValueListKey = keyof typeof VALUE_LISTS;

/** Every value-list key, in the order of the 值列表 sheet's columns. */
export const VALUE_LIST_KEYS = Object.keys(VALUE_LISTS) as ValueListKey[];

/** The values of each list in force for a workbook: the defaults plus what the clerk added. */
export type ValueLists = Readonly<Record<ValueListKey, readonly string[]>>;

/** The handbook's default lists. */
export const DEFAULT_VALUE_LISTS: ValueLists = Object.fromEntries(
  VALUE_LIST_KEYS.map((k) => [k, VALUE_LISTS[k].values]),
) as unknown as ValueLists;

/** The word an anonymous appellant is recorded as. */
export const ANONYMOUS = '匿名';

/** The rating that sends an appeal back for remediation. */
export const DISSATISFIED = '不满意';

/** A value of one of the fixed or default lists, as a literal type (a misspelt word does not compile). */
type ListValue<K extends ValueListKey> = (typeof VALUE_LISTS)[K]['values'][number];

/** The tracking status that needs an explanation. */
export const CANNOT_BE_DONE = '不具备条件无法执行' satisfies ListValue<'trackingStatus'>;

/** The tracking status of an appeal whose work is done. */
export const TRACKING_DONE = '已完成' satisfies ListValue<'trackingStatus'>;

/** The tracking status of an appeal still being worked on (a reply from above says no more). */
export const TRACKING_IN_PROGRESS = '正在进行中' satisfies ListValue<'trackingStatus'>;

/** The survey respondent who is the appellant (the rating that can reopen an appeal). */
export const RESPONDENT_APPELLANT = '诉求人' satisfies ListValue<'respondent'>;

/** The sign-in group of the employee representatives at a meeting. */
export const REPRESENTATIVES_GROUP = '职工代表' satisfies ListValue<'signInGroup'>;

/** The 受理方式 of an appeal that arrived over the network (a phone submission among them). */
export const ONLINE_INTAKE = '网络' satisfies ListValue<'intakeMethod'>;

/** The 受理渠道 of an appeal an employee filed by scanning the union's QR code (added to 值列表 on first use). */
export const QR_CHANNEL = '二维码';

/** The 调查方式 of a rating an employee gave from the receipt link on their phone. */
export const SURVEY_ONLINE = '网络或问卷调查' satisfies ListValue<'surveyMethod'>;

/** What 本人签字 holds for an attendee who signed in by scanning the meeting's QR code. */
export const QR_SIGNATURE = '扫码签到';

/** Channels the 实施意见 does not list as addresses: in person has its own sentence, 其他 is none. */
export const CHANNELS_NOT_LISTED: readonly ListValue<'channel'>[] = ['当面', '其他'];

/** The handling route that takes an appeal to a consultation meeting. */
export const TO_MEETING = '提交协商会议';
