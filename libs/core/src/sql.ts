/**
 * The one way domain code talks to PostgreSQL: parameterised SQL returning typed rows.
 * Repositories take a `Sql` so the same named query runs inside or outside a transaction.
 */
export interface Sql {
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
  one<T>(text: string, params?: unknown[]): Promise<T | undefined>;
}

/** PostgreSQL's SQLSTATE for a unique violation, and a check for it on a driver error. */
export const UNIQUE_VIOLATION = '23505';

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e?.code ?? e?.driverError?.code;
  const name = e?.constraint ?? e?.driverError?.constraint;
  return code === UNIQUE_VIOLATION && (constraint === undefined || name === constraint);
}
