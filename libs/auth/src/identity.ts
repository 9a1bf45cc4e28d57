/** Who is acting: every appended event records it (DESIGN §4: actor {userId, role, organisationId}). */
export const ROLES = ['commissioner', 'bidder', 'evaluator', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  readonly userId: string;
  readonly role: Role;
  /** Every role is scoped to an organisation; an admin may be the platform operator's. */
  readonly organisationId: string;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
