import { InputError } from '../../errors/index.ts';
import { isRecord } from './raw-fields.ts';

/**
 * A platform API's error answer, saved where an order was expected (a history captured call by
 * call keeps the calls that failed): TOP's, JD's and Pinduoduo's `error_response`, Douyin's envelope
 * with a code other than 10000 (success) and no order in it, Kuaishou's with a `result` other
 * than 1, Xiaohongshu's with `success: false`, or WeChat's with an `errcode` other than 0. Undefined for
 * anything else.
 */
export function apiErrorAnswer(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const error = raw.error_response;
  if (isRecord(error)) {
    // TOP: code and msg; JD: code and zh_desc; Pinduoduo: error_code and error_msg.
    const { sub_code, sub_msg, zh_desc, en_desc } = error;
    const code = error.code ?? error.error_code;
    const said = [error.msg ?? error.error_msg ?? zh_desc ?? en_desc, sub_msg ?? sub_code]
      .filter(isText)
      .join(': ');
    return `${isText(code) ? `${code} ` : ''}${said}`.trim() || 'no message';
  }
  const { code, msg, sub_msg, data } = raw;
  // Kuaishou: `result` 1 is success.
  if (typeof raw.result === 'number' && raw.result !== 1 && isText(raw.error_msg) && !hasOrder(data)) {
    return `${isText(code) ? code : raw.result} ${[raw.error_msg, sub_msg].filter(isText).join(': ')}`;
  }
  // Xiaohongshu: `success` false, with error_code and error_msg (msg in some answers).
  if (raw.success === false && (isText(raw.error_msg) || isText(msg)) && !hasOrder(data)) {
    const said = isText(raw.error_code) ? raw.error_code : code;
    return `${isText(said) ? `${said} ` : ''}${isText(raw.error_msg) ? raw.error_msg : msg}`;
  }
  // WeChat: `errcode` 0 is success.
  if (isText(raw.errcode) && String(raw.errcode) !== '0' && isText(raw.errmsg) && !hasOrder(raw.order)) {
    return `${raw.errcode} ${raw.errmsg}`;
  }
  if (
    (typeof code === 'number' || isText(code)) &&
    String(code) !== '10000' &&
    isText(msg) &&
    !hasOrder(data)
  ) {
    return `${code} ${[msg, sub_msg].filter(isText).join(': ')}`;
  }
  return undefined;
}

/** The error for an API's error answer given as an order. */
export function apiErrorAnswerError(said: string, line?: number): InputError {
  return new InputError(
    'api_error_answer',
    `a platform API's error answer, not an order (${said}): the call that should have fetched this order failed`,
    line === undefined ? {} : { line },
  );
}

function hasOrder(data: unknown): boolean {
  return isRecord(data) && Object.keys(data).length > 0;
}

function isText(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || typeof value === 'number';
}
