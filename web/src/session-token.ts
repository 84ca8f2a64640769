/**
 * The ingest token, remembered only when the user asks and only for this tab (sessionStorage: gone
 * when the tab closes, never shared with other tabs, never in localStorage or a cookie).
 */

const KEY = "parley.ingest-token";

/** Storage can be switched off (privacy modes): then nothing is remembered and nothing fails. */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function rememberedToken(): string | null {
  return storage()?.getItem(KEY) ?? null;
}

export function rememberToken(token: string): void {
  try {
    storage()?.setItem(KEY, token);
  } catch {
    // Full or refused storage: the token is simply not remembered.
  }
}

export function forgetToken(): void {
  storage()?.removeItem(KEY);
}
