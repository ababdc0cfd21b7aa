/**
 * The spec format (version 1) as one zod schema. The TypeScript types of a raw spec are
 * inferred from it and `protoskel schema` exports it as JSON Schema, so the format has a
 * single definition. Semantic rules that a schema cannot say (names resolve, no cycles,
 * types parse) live in src/model/.
 */

import { z } from "zod";

const text = z.string();

/** A parameter of a callback. */
export const ParamSchema = z.strictObject({
  name: z.string().describe("The parameter name as the protocol documents it (camelCased for TypeScript unless naming.members is preserve)."),
  type: z.string().describe("A single TypeScript type expression."),
  doc: text.optional().describe("Markdown."),
  optional: z.boolean().optional().describe("True when callers may omit the argument."),
});

/** What a callback returns: a type, or a type with docs. */
export const ReturnsSchema = z.union([
  z.string().describe("A single TypeScript type expression."),
  z.strictObject({
    type: z.string().describe("A single TypeScript type expression."),
    doc: text.optional().describe("Markdown."),
  }),
]);

/** One callback of a family. */
export const CallbackSchema = z.strictObject({
  doc: text.describe("Markdown; the first sentence is the summary."),
  params: z.array(ParamSchema).optional().describe("Parameters in call order."),
  returns: ReturnsSchema.optional().describe("Return type; default void."),
  default: z.string().optional().describe("The TypeScript expression the no-op base implementation returns (needed for non-void returns unless required)."),
  required: z.boolean().optional().describe("True: abstract, subclasses must implement it."),
  remarks: text.optional().describe("Extra notes, rendered as @remarks."),
  tsName: z.string().optional().describe("The TypeScript member name, overriding the naming rule."),
});

/** Call-order rules of a family. */
export const LifecycleSchema = z.strictObject({
  aliases: z.record(z.string(), z.string()).optional().describe("Short names for callbacks, used in expressions."),
  order: z.string().optional().describe("The main call-order expression, e.g. `start -> CM [-> DR*] -> CL -> end`."),
  rules: z.array(z.string()).optional().describe("Further expressions; each constrains the calls it names."),
  free: z.array(z.string()).optional().describe("Callbacks allowed anywhere inside the lifecycle."),
});

/** A protocol family: one abstract base class. */
export const FamilySchema = z.strictObject({
  extends: z.string().optional().describe("Another family of this spec."),
  summary: z.string().describe("One line."),
  doc: text.optional().describe("Markdown."),
  callbacks: z.record(z.string(), CallbackSchema).describe("Callback name to callback; order is kept. May be {} when extends is set."),
  lifecycle: LifecycleSchema.optional(),
});

/** A declared type: an import, an alias or an interface. */
export const TypeDeclSchema = z.union([
  z.strictObject({ from: z.string().describe("Module to import the type from (type-only)."), doc: text.optional() }),
  z.strictObject({ alias: z.string().describe("A single TypeScript type expression."), doc: text.optional() }),
  z.strictObject({
    interface: z.record(
      z.string(),
      z.union([z.string(), z.strictObject({ type: z.string(), doc: text.optional(), optional: z.boolean().optional() })]),
    ).describe("Property name to type (or { type, doc, optional })."),
    doc: text.optional(),
  }),
]);

/** A whole spec file. */
export const SpecSchema = z.strictObject({
  protoskel: z.literal(1).describe("Format version."),
  name: z.string().describe("kebab-case id: the output sub-folder and the docs' title."),
  summary: z.string().describe("One line."),
  doc: text.optional().describe("Markdown."),
  naming: z.strictObject({ members: z.enum(["camelCase", "preserve"]).optional() }).optional(),
  types: z.record(z.string(), TypeDeclSchema).optional(),
  families: z.record(z.string(), FamilySchema).describe("Family name (PascalCase) to family; order is kept."),
}).describe("A protoskel spec: protocol families of callbacks with docs, types and call-order rules.");

/** A spec as parsed and schema-checked, before any semantic check. */
export type RawSpec = z.infer<typeof SpecSchema>;
export type RawFamily = z.infer<typeof FamilySchema>;
export type RawCallback = z.infer<typeof CallbackSchema>;
export type RawParam = z.infer<typeof ParamSchema>;
export type RawLifecycle = z.infer<typeof LifecycleSchema>;
export type RawTypeDecl = z.infer<typeof TypeDeclSchema>;

/** The JSON Schema of the spec format, for editors (`protoskel schema`). */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SpecSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return { $id: "https://protoskel.dev/schema/v1.json", title: "protoskel spec, version 1", ...schema };
}
