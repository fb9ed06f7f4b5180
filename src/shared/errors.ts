// One error vocabulary for server and web (DESIGN.md rule 7): every code maps to one HTTP
// status and one message per language. Later stages add their codes here.

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

interface ErrorDef {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  validation_failed: {
    status: 400,
    zh: '提交的内容有误，请检查标出的字段',
    en: 'Some fields are invalid; please check them',
  },
  malformed_json: {
    status: 400,
    zh: '请求内容不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  payload_too_large: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  malformed_multipart: {
    status: 400,
    zh: '上传内容不完整或格式有误，请重新上传',
    en: 'The upload is incomplete or malformed; please upload again',
  },
  unauthenticated: { status: 401, zh: '请先登录', en: 'Please log in first' },
  session_expired: {
    status: 401,
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  invalid_credentials: { status: 401, zh: '邮箱或密码不正确', en: 'Incorrect email or password' },
  invalid_token: {
    status: 401,
    zh: 'API 令牌无效或已被撤销',
    en: 'The API token is invalid or has been revoked',
  },
  invalid_code: {
    status: 401,
    zh: '验证码不正确或已过期',
    en: 'The verification code is wrong or has expired',
  },
  account_disabled: {
    status: 403,
    zh: '该账号已停用，请联系管理员',
    en: 'This account is disabled; contact an administrator',
  },
  forbidden: {
    status: 403,
    zh: '您没有权限进行此操作',
    en: 'You do not have permission to do this',
  },
  csrf_invalid: {
    status: 403,
    zh: '页面已失效，请刷新后重试',
    en: 'The page is out of date; refresh and try again',
  },
  not_found: { status: 404, zh: '请求的内容不存在', en: 'Not found' },
  route_not_found: { status: 404, zh: '接口不存在', en: 'No such API endpoint' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  conflict: { status: 409, zh: '与已有数据冲突', en: 'Conflicts with existing data' },
  email_taken: { status: 409, zh: '该邮箱已被使用', en: 'This email is already in use' },
  phone_taken: { status: 409, zh: '该手机号已被使用', en: 'This phone number is already in use' },
  complaint_not_found: {
    status: 404,
    zh: '投诉不存在，或您无权查看',
    en: 'No such complaint, or you may not see it',
  },
  track_not_found: {
    status: 404,
    zh: '投诉编号或联系方式不正确',
    en: 'The complaint number or contact does not match',
  },
  category_not_accepted: {
    status: 422,
    zh: '该类诉求不在受理范围内',
    en: 'We do not accept this kind of claim',
  },
  transition_not_allowed: {
    status: 409,
    zh: '投诉当前所处阶段不能进行此操作',
    en: 'This action is not possible at the complaint\u2019s current stage',
  },
  same_person_reconsideration: {
    status: 403,
    zh: '复议必须由原处理人以外的人员进行',
    en: 'Reconsideration must be done by someone other than the person who resolved it',
  },
  appeal_window_closed: {
    status: 409,
    zh: '申诉期已过：处理完成后 7 天内可以申诉',
    en: 'The appeal window has closed: appeals are possible within 7 days of the result',
  },
  already_rated: {
    status: 409,
    zh: '您已评价过该投诉',
    en: 'You have already rated this complaint',
  },
  evidence_upload_closed: {
    status: 409,
    zh: '投诉当前阶段不能再上传证据',
    en: 'Evidence can no longer be uploaded at this stage',
  },
  idempotency_key_reused: {
    status: 422,
    zh: 'Idempotency-Key 已用于另一份不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  filing_rate_limited: {
    status: 429,
    zh: '提交投诉过于频繁，请稍后再试',
    en: 'Too many complaints filed; please try again later',
  },
  rate_limited: {
    status: 429,
    zh: '操作过于频繁，请稍后再试',
    en: 'Too many attempts; please try again later',
  },
  otp_unavailable: {
    status: 503,
    zh: '验证码暂时无法发送，请稍后再试',
    en: 'Verification codes cannot be sent right now',
  },
  // Stage 3: case handling.
  not_assignee: {
    status: 403,
    zh: '该投诉未分配给您，请先认领或由主管转派',
    en: 'This complaint is not assigned to you; claim it or ask a supervisor to reassign it',
  },
  version_conflict: {
    status: 409,
    zh: '该投诉已被他人更新，请刷新后再操作（您的内容未保存）',
    en: 'Someone else changed this complaint; refresh and try again (nothing of yours was saved)',
  },
  team_not_found: { status: 404, zh: '团队不存在', en: 'No such team' },
  calendar_not_found: { status: 404, zh: '工作日历不存在', en: 'No such business calendar' },
  calendar_year_missing: {
    status: 422,
    zh: '该工作日历缺少所涉年份的节假日数据，无法计算时限，请先导入该年份的官方安排',
    en: 'The business calendar has no holiday data for a year the span reaches; import that year first',
  },
  rule_not_found: { status: 404, zh: '升级规则不存在', en: 'No such escalation rule' },
  rule_code_taken: {
    status: 409,
    zh: '该规则编码已被使用',
    en: 'This rule code is already in use',
  },
  alert_not_found: { status: 404, zh: '升级提醒不存在', en: 'No such escalation alert' },
  press_too_soon: {
    status: 429,
    zh: '48 小时内只能催办一次，请在下次可催办时间之后再试',
    en: 'You can press for progress once every 48 hours; please try again after the time shown',
  },
  agent_not_found: { status: 404, zh: '该人员不存在或不是坐席', en: 'No such staff member' },
  at_capacity: {
    status: 409,
    zh: '您手上的投诉已达处理上限，请先办结一些再认领',
    en: 'You already hold as many complaints as your capacity allows; finish some first',
  },
  macro_not_found: { status: 404, zh: '快捷回复不存在', en: 'No such canned reply' },
  macro_title_taken: {
    status: 409,
    zh: '已有同名的快捷回复',
    en: 'A canned reply with this title already exists',
  },
  merchant_not_found: { status: 404, zh: '商户不存在', en: 'No such merchant' },
  merchant_unknown: {
    status: 422,
    zh: '该投诉未关联商户，请先指定商户',
    en: 'This complaint is not linked to a merchant; choose the merchant first',
  },
  remedy_not_found: { status: 404, zh: '解决方案不存在', en: 'No such remedy' },
  remedy_not_open: {
    status: 409,
    zh: '该解决方案已答复或已过期',
    en: 'This remedy has already been answered or has expired',
  },
  platform_unknown: {
    status: 422,
    zh: '外部平台不存在或已停用',
    en: 'No such external platform, or it is disabled',
  },
  external_case_not_found: {
    status: 404,
    zh: '找不到该外部平台案件编号对应的投诉',
    en: 'No complaint matches this external case number',
  },
  external_number_taken: {
    status: 409,
    zh: '该外部平台案件编号已登记在另一投诉上',
    en: 'This external case number is already recorded on another complaint',
  },
  collective_not_found: { status: 404, zh: '集体投诉不存在', en: 'No such collective case' },
  already_in_collective: {
    status: 409,
    zh: '投诉已属于另一个集体投诉',
    en: 'The complaint already belongs to another collective case',
  },
  call_not_found: { status: 404, zh: '通话记录不存在', en: 'No such call' },
  caller_not_verified: {
    status: 403,
    zh: '来电人尚未通过身份核验，不能透露投诉详情',
    en: 'The caller has not been verified; complaint details may not be disclosed',
  },
  call_ended: { status: 409, zh: '通话已结束', en: 'The call has ended' },
  collective_closed: {
    status: 409,
    zh: '该集体投诉已关闭（成员不足两件），不能再更新',
    en: 'This collective case is closed (fewer than two complaints) and can no longer change',
  },
  link_invalid: {
    status: 403,
    zh: '链接无效或已被改动，请登录后查看，或凭投诉编号查询',
    en: 'This link is not valid; please log in, or track the complaint by its number',
  },
  link_expired: {
    status: 410,
    zh: '链接已过期（有效期 90 天），请登录后查看，或凭投诉编号查询',
    en: 'This link has expired (links last 90 days); please log in, or track the complaint by its number',
  },
  receipt_not_found: {
    status: 404,
    zh: '未找到该回执，请核对验证码',
    en: 'No receipt has this code; please check it',
  },
  receipt_not_issued: {
    status: 409,
    zh: '该投诉尚无处理结果，暂无处理回执',
    en: 'This complaint has no result yet, so there is no receipt',
  },
  outbox_not_found: { status: 404, zh: '消息不存在', en: 'No such message' },
  outbox_not_retryable: {
    status: 409,
    zh: '只有投递失败（死信）或未能发送的消息可以重试',
    en: 'Only messages that failed for good (dead letters) or were not sent can be retried',
  },
  conversation_not_found: {
    status: 404,
    zh: '会话不存在或已过期，请重新开始对话',
    en: 'No such conversation (it may have expired); start a new one',
  },
  conversation_closed: {
    status: 409,
    zh: '会话已结束，如需帮助请重新开始对话',
    en: 'This conversation has ended; start a new one if you need help',
  },
  conversation_taken: {
    status: 409,
    zh: '该会话已被其他客服接入',
    en: 'Another agent has already taken this conversation',
  },
  conversation_not_yours: {
    status: 403,
    zh: '该会话不由您接待，请先接入',
    en: 'You are not serving this conversation; take it first',
  },
  kb_entry_exists: {
    status: 409,
    zh: '已存在相同编号的知识条目',
    en: 'An entry with this id already exists',
  },
  kb_version_conflict: {
    status: 409,
    zh: '该条目已被他人修改，请刷新后再编辑（您的内容未保存）',
    en: 'Someone else changed this entry; refresh and edit again (nothing of yours was saved)',
  },
  db_unavailable: { status: 503, zh: '数据库暂时不可用', en: 'The database is unavailable' },
  internal: {
    status: 500,
    zh: '服务器内部错误，请稍后再试',
    en: 'Internal server error; please try again later',
  },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

/** Reasons attached to individual fields of a validation error. */
export const FIELD_REASONS = {
  required: { zh: '必填', en: 'is required' },
  unknown_field: { zh: '不允许的字段', en: 'is not an allowed field' },
  wrong_type: { zh: '类型不正确', en: 'has the wrong type' },
  too_short: { zh: '长度不足（至少 {n} 个字符）', en: 'is too short (at least {n} characters)' },
  too_long: { zh: '过长（最多 {n} 个字符）', en: 'is too long (at most {n} characters)' },
  invalid_format: { zh: '格式不正确', en: 'has an invalid format' },
  invalid_email: { zh: '邮箱格式不正确', en: 'is not a valid email address' },
  invalid_phone: {
    zh: '手机号格式不正确（11 位中国大陆手机号）',
    en: 'is not a valid mainland China mobile number',
  },
  invalid_target: {
    zh: '请输入 11 位手机号或邮箱',
    en: 'enter an 11-digit mobile number or an email address',
  },
  invalid_value: { zh: '取值不在允许范围内', en: 'is not an allowed value' },
  out_of_range: { zh: '超出允许范围', en: 'is out of range' },
  invalid_icalendar: {
    zh: '不是可用的 iCalendar 文件（需为全天事件；调休上班日请标注 CATEGORIES:WORKDAY 或在标题中写“上班”）',
    en: 'is not a usable iCalendar file (all-day events; mark make-up working days CATEGORIES:WORKDAY or "上班")',
  },
  one_target: {
    zh: '请至少设置首次响应、处理时限、最长时限中的一项',
    en: 'set at least one of first response, resolution and hard maximum',
  },
  years_ambiguous: {
    zh: '文件涉及多个年份（{years}），请选择要导入的年份',
    en: 'the file spans several years ({years}); choose the years to import',
  },
  year_not_in_file: { zh: '文件中没有 {year} 年的日期', en: 'the file has no dates in {year}' },
  one_duration: {
    zh: '请只填写一项：workingDays、workingHours 或 hours',
    en: 'give exactly one of workingDays, workingHours or hours',
  },
  merchant_required: { zh: '商户账号必须关联商户', en: 'a merchant account needs a merchant' },
  merchant_not_found: { zh: '商户不存在', en: 'no such merchant' },
  taken: { zh: '已被使用', en: 'is already in use' },
  weak_password: { zh: '密码至少 10 个字符', en: 'must be at least 10 characters' },
  invalid_complaint_number: {
    zh: '投诉编号格式不正确（例如 TS20261122-000124-8）',
    en: 'is not a complaint number (e.g. TS20261122-000124-8)',
  },
  bad_check_character: {
    zh: '投诉编号校验位不符，请检查是否输错',
    en: 'has a wrong check character; the number was probably mistyped',
  },
  unknown_type: { zh: '问题类型不存在', en: 'is not a known problem type' },
  type_disabled: { zh: '该问题类型已停用', en: 'is a problem type no longer in use' },
  staff_only: {
    zh: '仅工作人员代为登记时可填写',
    en: 'may only be given by staff filing on behalf',
  },
  not_a_complainant: {
    zh: '该联系方式属于工作人员账号，不能作为投诉人',
    en: 'belongs to a staff account, not a complainant',
  },
  contact_required: { zh: '请提供手机号或邮箱', en: 'needs a phone number or an email' },
  invalid_order_number: {
    zh: '订单号应为 4–40 位字母、数字或连字符',
    en: 'must be 4–40 letters, digits or hyphens',
  },
  invalid_waybill_number: {
    zh: '运单号应为 8–30 位字母或数字',
    en: 'must be 8–30 letters or digits',
  },
  invalid_amount: {
    zh: '金额应为大于 0 的数字，最多两位小数',
    en: 'must be a number above 0 with at most two decimals',
  },
  invalid_date: { zh: '日期格式应为 YYYY-MM-DD', en: 'must be a date as YYYY-MM-DD' },
  future_date: { zh: '日期不能晚于今天', en: 'cannot be in the future' },
  invalid_id_number: {
    zh: '身份证号码不正确（18 位，校验位不符）',
    en: 'is not a valid 18-digit resident ID number',
  },
  invalid_url: { zh: '链接应以 http:// 或 https:// 开头', en: 'must be an http(s) link' },
  too_many_files: {
    zh: '每次最多上传 {n} 个文件，更多文件请分次提交',
    en: 'at most {n} files per submission; send more in a later submission',
  },
  file_type_not_allowed: {
    zh: '文件类型不支持（识别为 {detected}）；仅支持 JPG、PNG 图片、PDF 文档和 MP4 视频',
    en: 'is not an allowed type (detected {detected}); only JPG, PNG, PDF and MP4 are accepted',
  },
  file_too_large: {
    zh: '文件过大：{kind}最大 {limit}',
    en: 'is too large: {kind} may be at most {limit}',
  },
  video_too_long: {
    zh: '视频时长 {actual} 秒，超过 {max} 秒上限',
    en: 'is {actual} s long; videos may be at most {max} s',
  },
  file_damaged: {
    zh: '文件不完整或已损坏，无法读取',
    en: 'is incomplete or damaged and cannot be read',
  },
  file_empty: { zh: '文件为空', en: 'is empty' },
  range_too_long: {
    zh: '查询时间范围最长 {n} 天',
    en: 'the time range may be at most {n} days',
  },
  appeal_reason_or_evidence: {
    zh: '申诉需填写理由或先上传新的证据',
    en: 'an appeal needs a reason or new evidence uploaded first',
  },
  materials_needed: {
    zh: '请先上传所要求的材料，或说明无法提供的原因',
    en: 'upload the requested materials first, or explain why you cannot',
  },
  invalid_evidence_key: {
    zh: '不是该问题类型的证据项',
    en: 'is not an evidence item of this problem type',
  },
  not_found_value: { zh: '不存在', en: 'does not exist' },
  // Catalogue editing (src/modules/catalog/validate.ts).
  invalid_catalog_code: {
    zh: '须以小写字母开头，只含小写字母、数字和下划线（2–40 个字符）',
    en: 'must start with a lower-case letter and use only a–z, 0–9 and _ (2–40 characters)',
  },
  invalid_key: {
    zh: '须为小写字母开头的 snake_case（最多 40 个字符），例如 order_number',
    en: 'must be snake_case starting with a letter (at most 40 characters), e.g. order_number',
  },
  duplicate_key: { zh: '与列表中另一项重复', en: 'duplicates another item in the list' },
  unknown_variable: {
    zh: '包含未知变量 {name}',
    en: 'uses an unknown variable {name}',
  },
  not_a_merchant_shop: { zh: '不是已登记的店铺', en: 'is not a registered shop' },
  self_link: { zh: '不能关联投诉本身', en: 'cannot link a complaint to itself' },
  invalid_time: { zh: '时间格式应为 HH:MM', en: 'must be a time as HH:MM' },
  too_many_items: { zh: '最多 {n} 项', en: 'may have at most {n} items' },
  negative_number: { zh: '不能为负数', en: 'cannot be negative' },
  refusal_guidance_required: {
    zh: '不受理的类别须填写中英文引导说明',
    en: 'a category that is not accepted needs guidance in both languages',
  },
  unknown_category: { zh: '投诉类别不存在', en: 'is not a known category' },
  // Routing (src/modules/routing).
  not_team_member: { zh: '不是该团队的成员', en: 'is not a member of this team' },
  at_capacity: {
    zh: '手上的投诉已达处理上限（{n} 件）',
    en: 'already holds as many complaints as allowed ({n})',
  },
  not_queue_staff: {
    zh: '只能是客服、专家或主管账号',
    en: 'must be an agent, expert or supervisor account',
  },
  account_inactive: { zh: '该账号已停用', en: 'is a disabled account' },
  team_disabled: { zh: '该团队已停用', en: 'is a team no longer in use' },
  ends_before_start: { zh: '须晚于开始时间', en: 'must be later than the start' },
  gave_the_result: {
    zh: '是作出被申诉结果的人，复议须由他人进行',
    en: 'gave the result under appeal; someone else must reconsider it',
  },
  not_a_member: { zh: '不是该集体投诉的成员', en: 'is not a member of this collective case' },
  split_side_empty: {
    zh: '拆分后两边都至少要有一件投诉',
    en: 'each side of a split must keep at least one complaint',
  },
  not_caller_complaint: {
    zh: '不是该来电号码的投诉',
    en: 'is not a complaint of this caller\u2019s phone number',
  },
  stray_braces: {
    zh: '有不成对的 {{ 或 }}，变量应写作 {{变量名}}',
    en: 'has an unmatched {{ or }}; write variables as {{name}}',
  },
  invalid_time_zone: {
    zh: '不是有效的时区（例如 Asia/Shanghai）',
    en: 'is not a valid time zone (e.g. Asia/Shanghai)',
  },
  unknown_team: { zh: '不是已启用的团队', en: 'is not an enabled team' },
  channel_unavailable: {
    zh: '该渠道尚未配置，无法开启',
    en: 'cannot be turned on: this channel is not set up',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type FieldReason = keyof typeof FIELD_REASONS;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
    /** A specific explanation or guidance for this case (e.g. where to take a judicial claim). */
    detail?: string;
  };
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const def: ErrorDef = ERRORS[code];
  return locale === 'en' ? def.en : def.zh;
}

export function fieldReasonMessage(
  reason: FieldReason,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const def = FIELD_REASONS[reason];
  let text: string = locale === 'en' ? def.en : def.zh;
  for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, String(v));
  return text;
}
