// What the monitor reads when a save fails: a reason in the UI's language for
// the failures we know (a full disk, a silent background), the error's own
// words for the rest.
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_ANSWER, SaveRefusedError, saveFailedMessage, saveFailureReason } from '@/components/save-failed-message';
import { FLAG_ERRORS } from '@/lib/flagging/flag-errors';
import { useVietnameseMessages } from './support/vietnamese-messages';

beforeEach(useVietnameseMessages);

describe('saveFailureReason', () => {
  it('names a full disk, whether the background said so or Dexie threw it here', () => {
    expect(saveFailureReason(new SaveRefusedError(FLAG_ERRORS.storageFailed))).toBe('bộ nhớ đầy hoặc không ghi được, hãy kiểm tra dung lượng trống');
    const dexieAbort = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(saveFailureReason(dexieAbort)).toBe('bộ nhớ đầy hoặc không ghi được, hãy kiểm tra dung lượng trống');
  });

  it('names a background that did not answer', () => {
    expect(saveFailureReason(new SaveRefusedError(NO_ANSWER))).toBe('tiện ích không phản hồi, hãy mở lại cửa sổ');
  });

  it('names an unexpected failure in the background', () => {
    expect(saveFailureReason(new SaveRefusedError('internal-error'))).toBe('lỗi bên trong tiện ích');
  });

  it('keeps an unknown code or error message as it is, without the "Error:" prefix', () => {
    expect(saveFailureReason(Object.assign(new Error(''), { name: 'ConstraintError' }))).toBe('ConstraintError');
    expect(saveFailureReason(new SaveRefusedError('invalid-message'))).toBe('invalid-message');
    expect(saveFailureReason(new TypeError('x is undefined'))).toBe('x is undefined');
    expect(saveFailureReason('plain')).toBe('plain');
  });

  it('puts the reason in the saveFailed sentence', () => {
    expect(saveFailedMessage(new SaveRefusedError(NO_ANSWER))).toBe('Không lưu được: tiện ích không phản hồi, hãy mở lại cửa sổ');
    expect(saveFailedMessage(new Error('boom'))).toBe('Không lưu được: boom');
  });
});
