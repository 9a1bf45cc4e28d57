/** Injection tokens for the ports (DESIGN §2.4): adapters are chosen by configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const CLOCK = Symbol('CLOCK');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
