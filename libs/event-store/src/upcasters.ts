/**
 * Old event shapes are read through upcasters keyed by type and schema version (DESIGN §4).
 * An upcaster turns version N's data into version N+1's; they chain until none applies.
 * Stored bytes never change, so hashes stay verifiable.
 */
export type Upcaster = (data: unknown) => unknown;

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(type: string, fromSchemaVersion: number, upcaster: Upcaster): this {
    this.byKey.set(`${type}@${fromSchemaVersion}`, upcaster);
    return this;
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    let version = schemaVersion;
    let current = data;
    for (let upcaster = this.byKey.get(`${type}@${version}`); upcaster; upcaster = this.byKey.get(`${type}@${version}`)) {
      current = upcaster(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}

/** A stored event as readers see it: upcast to its newest shape (the stored bytes and hash stay as written). */
export function upcastStored<E extends { readonly type: string; readonly schemaVersion: number; readonly data: unknown }>(upcasters: UpcasterRegistry, event: E): E {
  if (upcasters.isEmpty) return event;
  const { schemaVersion, data } = upcasters.upcast(event.type, event.schemaVersion, event.data);
  return schemaVersion === event.schemaVersion ? event : { ...event, schemaVersion, data };
}
