/**
 * A hand-built Model for the emit tests: four families covering inheritance (Stream extends
 * Base; TlsStream extends Stream with no callbacks of its own), a lifecycle (Stream's, inherited
 * by TlsStream), required callbacks and a non-void return with a default (Handler), and
 * declared types of all three kinds. Doc text carries the hostile characters the escapers
 * must neutralise.
 */

import type { Automaton, Callback, Family, FamilyLifecycle, Model, Param, TypeExpr } from "../../src/model/types.js";

/** Doc text with everything that could break out of a comment or a Markdown page. */
export const HOSTILE_DOC = [
  "Ends a comment early? */ no. Directives: @ts-ignore and",
  "@ts-nocheck at a line start, /// <reference path=\"x\" />, email a@b.c.",
  "Bidi \u202e reversed \u202c, NUL \u0000, lone \ud800 surrogate, CR\rCRLF\r\nLS\u2028PS\u2029end.",
  "# Not a heading",
  "| a | b |",
  "<script>alert(1)</script> and `code with */ and <b>`.",
].join("\n");

function type(text: string, references: string[] = [], isVoid = false): TypeExpr {
  return { text, references, isVoid };
}

const VOID = { type: type("void", [], true) };

function param(name: string, text: string, references: string[] = [], doc?: string): Param {
  return { specName: name, tsName: name, type: type(text, references), optional: false, ...(doc ? { doc } : {}) };
}

function callback(family: string, name: string, fields: Partial<Callback> = {}): Callback {
  return {
    specName: name,
    tsName: name,
    doc: `Called on ${name}.`,
    summary: `Called on ${name}.`,
    params: [],
    returns: VOID,
    required: false,
    declaredIn: family,
    documentedIn: family,
    inherited: false,
    ...fields,
  };
}

/** `as seen from` a child: the same callback, inherited. */
function inherit(cb: Callback): Callback {
  return { ...cb, inherited: true };
}

const baseOpen = callback("Base", "open", {
  doc: "Called once when the transport is ready.",
  summary: "Called once when the transport is ready.",
  params: [param("transport", "Transport", ["Transport"], "The transport.")],
});
const baseClose = callback("Base", "close", {
  params: [param("error", "Error | null", [], "The error, or null on a clean close.")],
  remarks: HOSTILE_DOC,
});
const basePause = callback("Base", "pause", { doc: HOSTILE_DOC, summary: "Ends a comment early? */ no." });

const streamClose: Callback = {
  ...baseClose,
  doc: "Called once when the stream ends; refined for streams.",
  summary: "Called once when the stream ends; refined for streams.",
  documentedIn: "Stream",
};
const streamData = callback("Stream", "data", { params: [param("chunk", "Uint8Array", [], "The | bytes.")] });
const streamEof = callback("Stream", "eof", {
  doc: "The peer sent EOF. Return true to keep the stream open.",
  summary: "The peer sent EOF.",
  returns: { type: type("boolean | void"), doc: "`true` keeps the stream open." },
  defaultExpr: "undefined",
});

const ALPHABET = ["open", "close", "pause", "data", "eof"];

/** start -> open [-> data*] [-> eof] -> close -> end, with pause free inside. */
const monitor: Automaton = {
  alphabet: ALPHABET,
  states: 4,
  initial: 0,
  accepting: [3],
  transitions: [
    { from: 0, symbol: "open", to: 1 },
    { from: 1, symbol: "close", to: 3 },
    { from: 1, symbol: "pause", to: 1 },
    { from: 1, symbol: "data", to: 1 },
    { from: 1, symbol: "eof", to: 2 },
    { from: 2, symbol: "close", to: 3 },
    { from: 2, symbol: "pause", to: 2 },
  ],
};

const orderAutomaton: Automaton = {
  alphabet: ["open", "close", "data", "eof"],
  states: 4,
  initial: 0,
  accepting: [3],
  transitions: monitor.transitions.filter((t) => t.symbol !== "pause"),
};

const streamLifecycle: FamilyLifecycle = {
  declaredIn: "Stream",
  aliases: [],
  order: {
    source: "start -> open [-> data*] [-> eof] -> close -> end",
    display: "start -> open [-> data*] [-> eof] -> close -> end",
    automaton: orderAutomaton,
    startAnchored: true,
    endAnchored: true,
  },
  rules: [],
  free: ["pause"],
  monitor,
  legalPaths: [
    { calls: ["open", "data", "pause", "eof", "pause", "close"] },
    { calls: ["open", "close"] },
  ],
  illegalPaths: [
    { calls: ["close"], reason: "close before open" },
    { calls: ["pause"], reason: "pause before the lifecycle starts" },
    { calls: ["open", "close", "data"], reason: "data after the end" },
    { calls: ["open", "eof", "data"], reason: "data after eof" },
  ],
  description: "First open; then any number of data; then optionally eof; then close. pause may come anywhere in between.",
};

const base: Family = {
  name: "Base",
  summary: "The callbacks every stream shares.",
  doc: `Implement Stream instead.\n\n${HOSTILE_DOC}`,
  ancestors: [],
  children: ["Stream"],
  callbacks: [baseOpen, baseClose, basePause],
};

const stream: Family = {
  name: "Stream",
  summary: "A byte stream.",
  parent: "Base",
  ancestors: ["Base"],
  children: ["TlsStream"],
  callbacks: [inherit(baseOpen), streamClose, inherit(basePause), streamData, streamEof],
  lifecycle: streamLifecycle,
};

const tlsStream: Family = {
  name: "TlsStream",
  summary: "A stream over TLS; adds nothing but its name.",
  parent: "Stream",
  ancestors: ["Stream", "Base"],
  children: [],
  callbacks: stream.callbacks.map(inherit),
  lifecycle: streamLifecycle,
};

const handler: Family = {
  name: "Handler",
  summary: "Answers requests.",
  ancestors: [],
  children: [],
  callbacks: [
    callback("Handler", "handle", {
      params: [param("request", "Request", ["Request"]), param("peer", "Address", ["Address"], "Who asked.")],
      returns: { type: type("Reply", ["Reply"]), doc: "The reply." },
      required: true,
    }),
    callback("Handler", "ready", { required: true }),
    callback("Handler", "count", {
      params: [param("stream", "Stream | undefined", ["Stream"])],
      returns: { type: type("number") },
      defaultExpr: "0",
    }),
  ],
};

/** The model. `specFile` has a quote and a `-->` so headers must escape it. */
export function fixtureModel(): Model {
  return {
    specFile: "specs/emit-\"fixture\"-->.yaml",
    name: "emit-fixture",
    summary: "A spec for the emit tests.",
    doc: "Docs for the *whole* spec.",
    naming: "camelCase",
    types: [
      { kind: "import", name: "Transport", from: "./transports.js", doc: "A transport, from the user's code." },
      { kind: "alias", name: "Address", type: type("readonly [host: string, port: number]"), doc: "A peer address." },
      {
        kind: "interface",
        name: "Request",
        doc: "A request.",
        fields: [
          { name: "path", type: type("string"), optional: false, doc: "Where */ to." },
          { name: "content-type", type: type("string"), optional: true },
        ],
      },
      { kind: "alias", name: "Reply", type: type("{ status: number; via?: Stream }", ["Stream"]) },
    ],
    families: [base, stream, tlsStream, handler],
  };
}

/** The user module that the `Transport` type is imported from, relative to src/. */
export const TRANSPORTS_MODULE = {
  path: "src/transports.ts",
  content: "export interface Transport {\n  write(data: Uint8Array): void;\n}\n",
};
