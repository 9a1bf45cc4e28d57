import type { StoredEvent } from '@tenderledger/event-store';
import type { Projection } from '@tenderledger/projections';
import type { OrganisationEvent, OrganisationRegistered } from '../domain/organisation/events';

export type OrganisationView = OrganisationRegistered['data'];

/** Read model: every registered organisation, for listing and for checks across streams. */
export class OrganisationDirectory implements Projection {
  readonly name = 'organisation-directory';
  readonly handles = ['OrganisationRegistered', 'OrganisationMembersChanged'] as const;
  private readonly byId = new Map<string, OrganisationView>();
  private readonly byOdsCode = new Map<string, string>();

  apply(stored: StoredEvent): void {
    const event = { type: stored.type, data: stored.data } as OrganisationEvent;
    switch (event.type) {
      case 'OrganisationRegistered':
        this.byId.set(event.data.organisationId, event.data);
        if (event.data.odsCode) this.byOdsCode.set(event.data.odsCode, event.data.organisationId);
        return;
      case 'OrganisationMembersChanged': {
        const current = this.byId.get(event.data.organisationId);
        if (current) this.byId.set(event.data.organisationId, { ...current, members: event.data.members });
        return;
      }
    }
  }

  get(id: string): OrganisationView | undefined {
    return this.byId.get(id);
  }

  idOfOdsCode(odsCode: string): string | undefined {
    return this.byOdsCode.get(odsCode.toUpperCase());
  }

  ids(): ReadonlySet<string> {
    return new Set(this.byId.keys());
  }

  list(filter: { kind?: string } = {}): OrganisationView[] {
    return [...this.byId.values()].filter((o) => !filter.kind || o.kind === filter.kind).sort((a, b) => a.name.localeCompare(b.name));
  }
}
