/** Who took a decision, recorded for the audit trail (DESIGN §7: who, role, when, what, why). */
export type DecisionMaker = { readonly name: string; readonly role: string };

export const completeDecisionMakers = (people: readonly DecisionMaker[] | undefined): people is readonly DecisionMaker[] =>
  Array.isArray(people) && people.length > 0 && people.every((p) => typeof p?.name === 'string' && p.name.trim() !== '' && typeof p.role === 'string' && p.role.trim() !== '');
