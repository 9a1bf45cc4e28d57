/** A nominal type: a string that is a TenderId cannot be passed where a BidId is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
