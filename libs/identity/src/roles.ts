export const ROLES = ['agent', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PRESENCES = ['available', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];
