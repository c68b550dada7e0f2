// Unread markers: a case is unread for this staff member when its last contact is newer than when they last opened it.
const key = (userId: string) => `kontakt.seen.${userId}`;

function load(userId: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(key(userId)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

export function isUnread(userId: string, caseId: string, lastContactAt: string, seen = load(userId)): boolean {
  const at = seen[caseId];
  return !at || Date.parse(at) < Date.parse(lastContactAt);
}

export function markSeen(userId: string, caseId: string, lastContactAt: string) {
  const seen = load(userId);
  seen[caseId] = lastContactAt;
  localStorage.setItem(key(userId), JSON.stringify(seen));
}

export const seenOf = load;
