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
  merchant_required: { zh: '商户账号必须关联商户', en: 'a merchant account needs a merchant' },
  merchant_not_found: { zh: '商户不存在', en: 'no such merchant' },
  taken: { zh: '已被使用', en: 'is already in use' },
  weak_password: { zh: '密码至少 10 个字符', en: 'must be at least 10 characters' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type FieldReason = keyof typeof FIELD_REASONS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
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
