/**
 * The catalogue of diagnostic codes. Codes are stable: once released, a code keeps its
 * meaning forever (retire a code rather than reuse it). `docs/diagnostics.md` is checked
 * against this table by a test, so the two cannot drift.
 *
 * Ranges: PSK1xxx reading input, PSK2xxx spec schema and semantics, PSK3xxx lifecycle
 * expressions, PSK4xxx templates and emitting, PSK5xxx config, arguments and writing,
 * PSK6xxx scaffolding user files.
 */
export const DIAGNOSTIC_CODES = {
  PSK1001: { title: "YAML syntax error", hint: "Fix the YAML syntax at the position shown." },
  PSK1002: { title: "duplicate key", hint: "Each key may appear once in a mapping; remove or rename one." },
  PSK1003: { title: "input too large or too deeply nested", hint: "Split the spec, or remove the alias expansion / nesting." },
  PSK1004: { title: "cannot read file", hint: "Check the path and the file's permissions." },
  PSK1005: { title: "unsupported YAML feature", hint: "Use plain mappings, sequences and scalars; tags, anchors on keys and complex keys are not part of the format." },

  PSK2001: { title: "missing required key", hint: "Add the key; see the spec format reference." },
  PSK2002: { title: "unknown key", hint: "Remove the key or fix its spelling." },
  PSK2003: { title: "unknown type", hint: "Declare the type under `types:`, use a TypeScript built-in, or name a family of this spec." },
  PSK2004: { title: "invalid type expression", hint: "Write exactly one TypeScript type, such as `Error | null` or `readonly string[]`." },
  PSK2005: { title: "wrong kind of value", hint: "Use the kind of value the format expects here." },
  PSK2006: { title: "unknown parent family", hint: "`extends` must name another family of the same spec." },
  PSK2007: { title: "inheritance cycle", hint: "Break the cycle: a family cannot extend itself, directly or through others." },
  PSK2008: { title: "duplicate name", hint: "Rename one of the two." },
  PSK2009: { title: "TypeScript name clash", hint: "Two names map to the same TypeScript name; rename one or set `tsName`." },
  PSK2010: { title: "reserved word", hint: "Choose another name, or set `tsName` to a name that is not reserved." },
  PSK2011: { title: "not a valid identifier", hint: "Use letters, digits and `_`, not starting with a digit." },
  PSK2012: { title: "missing default for a non-void return", hint: "Add `default:` (the value the no-op implementation returns) or `required: true`." },
  PSK2013: { title: "incompatible redeclaration", hint: "A redeclared callback may refine its docs but must keep the inherited parameters and return type." },
  PSK2014: { title: "unsupported format version", hint: "Set `protoskel: 1`." },
  PSK2015: { title: "invalid spec name", hint: "Use kebab-case: a lowercase letter, then lowercase letters, digits and `-`." },
  PSK2016: { title: "conflicting keys", hint: "Use only one of the two keys." },
  PSK2017: { title: "invalid default expression", hint: "Write one TypeScript expression, such as `undefined`, `false` or `0`." },
  PSK2018: { title: "family has no callbacks", hint: "Declare at least one callback, or `extends` another family." },

  PSK3001: { title: "lifecycle syntax error", hint: "Check the call-order notation: terms joined by `->`, groups in `( )` or `[ ]`, suffixes `?`, `*`, `+`." },
  PSK3002: { title: "unknown callback in lifecycle", hint: "Use a callback's spec name, its TS name, or an alias declared under `aliases`." },
  PSK3003: { title: "unbalanced bracket in lifecycle", hint: "Close every `(` with `)` and every `[` with `]`." },
  PSK3004: { title: "dangling arrow in lifecycle", hint: "An `->` must be followed by a term." },
  PSK3005: { title: "lifecycle allows no sequence", hint: "The order and rules together accept no sequence of calls; relax one of them." },
  PSK3006: { title: "callback not covered by the lifecycle", hint: "Name the callback in `order`, in a rule, or list it under `free`." },
  PSK3007: { title: "invalid lifecycle alias", hint: "An alias must be an identifier that names a callback of the family, and must not shadow a callback name." },
  PSK3008: { title: "misplaced anchor", hint: "`start` may only begin the `order` expression and `end` may only close it." },

  PSK4001: { title: "template error", hint: "Fix the template named in the message, or remove your override to use the built-in one." },
  PSK4002: { title: "template rendered invalid TypeScript", hint: "The template named in the message produced code that does not parse; fix the template." },
  PSK4003: { title: "unknown template", hint: "Run `protoskel templates list` to see the template names." },
  PSK4004: { title: "formatting failed", hint: "Prettier could not format a generated file; check your Prettier config or the template that made it." },
  PSK4005: { title: "generated name clash", hint: "A family's generated names (FAMILY, FAMILYCallbacks, FAMILYLifecycle) collide with another family, a declared type or the monitor's exports; rename one." },

  PSK5001: { title: "invalid config", hint: "Fix the config file; see `protoskel init` for a starting point." },
  PSK5002: { title: "no specs", hint: "Pass spec files on the command line or list them under `specs` in protoskel.config.json." },
  PSK5003: { title: "path outside the output directory", hint: "Generated paths must stay inside the output directory; check names and the output folder." },
  PSK5004: { title: "refusing to overwrite a file protoskel did not write", hint: "Move the file away, or choose another output directory." },
  PSK5005: { title: "output paths clash", hint: "Two outputs map to the same path (on a case-insensitive disk too); rename one family or spec." },
  PSK5006: { title: "write failed", hint: "Nothing was changed in the output directory; check permissions and free space, then run again." },
  PSK5007: { title: "invalid arguments", hint: "Run the command with --help to see its usage." },
  PSK5008: { title: "generated file was edited by hand", hint: "protoskel replaced (or removed) it; put lasting changes in the spec, a template or a subclass." },
  PSK5009: { title: "unreadable manifest", hint: "Restore .protoskel-manifest.json from version control, or delete the generated files so protoskel can write them again; until then it treats them as not its own." },

  PSK6001: { title: "unknown family", hint: "Name a family of the spec; `protoskel validate` lists the spec's problems." },
  PSK6002: { title: "file exists", hint: "scaffold never overwrites; use --update to add missing callbacks to an existing class." },
  PSK6003: { title: "callback no longer in the spec", hint: "The spec no longer has this callback; delete the override or rename it." },
  PSK6004: { title: "override signature no longer matches", hint: "Update the parameters and return type to match the generated base class." },
  PSK6005: { title: "class not found", hint: "The file must declare the class named on the command line." },
  PSK6006: { title: "generated family not found", hint: "Run `protoskel generate` first, or point --out at the generated output." },
} as const satisfies Record<string, { title: string; hint: string }>;

/** A stable diagnostic code such as `PSK2003`. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
