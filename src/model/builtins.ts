/**
 * Type names that need no declaration: TypeScript's standard library (ES2023) and its
 * utility types. A signature may use these directly; any other name must be declared in
 * the spec's `types` or be one of its families.
 */
export const BUILTIN_TYPES: ReadonlySet<string> = new Set([
  "Array", "ReadonlyArray", "ArrayLike", "ArrayBuffer", "ArrayBufferLike", "ArrayBufferView", "SharedArrayBuffer",
  "DataView", "Uint8Array", "Uint8ClampedArray", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array",
  "Int32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
  "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError", "AggregateError",
  "Date", "RegExp", "Map", "ReadonlyMap", "Set", "ReadonlySet", "WeakMap", "WeakSet", "WeakRef",
  "Promise", "PromiseLike", "Awaited", "Iterable", "Iterator", "IterableIterator", "AsyncIterable",
  "AsyncIterator", "AsyncIterableIterator", "Generator", "AsyncGenerator",
  "Record", "Partial", "Required", "Readonly", "Pick", "Omit", "Exclude", "Extract", "NonNullable",
  "Parameters", "ReturnType", "InstanceType", "ConstructorParameters", "ThisType", "Uppercase", "Lowercase",
  "Capitalize", "Uncapitalize", "PropertyKey", "Function", "Object", "String", "Number", "Boolean", "Symbol",
  "BigInt", "JSON", "Math", "TemplateStringsArray",
]);
