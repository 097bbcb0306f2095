import { STORE_ERROR_MESSAGES } from './errorMessages.js';
import { StoreError } from './storeError.js';
import { STORE_RULES, type LeaderboardQuery } from './types.js';

/**
 * The page a leaderboard query asks for, checked: every `Store` implementation refuses the same
 * out-of-range `limit` and `offset`.
 * @throws StoreError `invalid-input`
 */
export function leaderboardWindow(query: LeaderboardQuery): { limit: number; offset: number } {
  const { limit, offset = 0 } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > STORE_RULES.maxLeaderboardLimit) {
    throw new StoreError(
      'invalid-input',
      STORE_ERROR_MESSAGES.invalidInput(
        STORE_ERROR_MESSAGES.leaderboardLimit(limit, STORE_RULES.maxLeaderboardLimit),
      ),
    );
  }
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new StoreError(
      'invalid-input',
      STORE_ERROR_MESSAGES.invalidInput(STORE_ERROR_MESSAGES.leaderboardOffset(offset)),
    );
  }
  return { limit, offset };
}
