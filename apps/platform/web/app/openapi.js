// Choices the UI offers (roles, contract types, tender statuses) come from the platform's own
// OpenAPI document, so the UI never keeps a second copy of the domain's lists.

let documentPromise = null;

function openApi() {
  documentPromise ??= fetch('/docs-json', { headers: { Accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : null))
    .catch(() => null);
  return documentPromise;
}

/** The enum of a query parameter of a GET route, or [] when the document does not say. */
export async function queryEnum(path, name) {
  const doc = await openApi();
  const parameter = doc?.paths?.[path]?.get?.parameters?.find((p) => p.name === name);
  return parameter?.schema?.enum ?? [];
}

/** The enum of a property of a named schema, or []. */
export async function schemaEnum(schema, property) {
  const doc = await openApi();
  return doc?.components?.schemas?.[schema]?.properties?.[property]?.enum ?? [];
}
