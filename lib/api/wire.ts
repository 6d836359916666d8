// Server types as they arrive over JSON: dates become ISO strings. Browser code derives its
// types of API answers from the server's with this, instead of keeping a copy by hand.
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
