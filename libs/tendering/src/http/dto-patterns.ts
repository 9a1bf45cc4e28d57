/** Shared shapes for the tendering DTOs: ids as the registry takes them, ISO 8601 timestamps. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const ID_MESSAGE = 'must be 1–100 letters, digits, dots, dashes, colons or underscores';
export const ISO_OPTIONS = { strict: true, strictSeparator: true } as const;
export const ISO_MESSAGE = 'must be an ISO 8601 date and time, e.g. 2026-04-06T12:00:00Z';
