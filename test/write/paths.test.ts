import { describe, expect, it } from "vitest";
import { checkOutputPaths, clashKey, unsafePathReason } from "../../src/write/paths.js";

describe("output path safety", () => {
  it.each(["src/Protocol.ts", "docs/README.md", "a/b/c/d.ts", "console/x.ts", "src/CONSOLE.ts", "src/comx.ts", ".hidden/x.ts"])(
    "accepts %s",
    (path) => expect(unsafePathReason(path)).toBeUndefined(),
  );

  it.each([
    ["", "empty"],
    ["/abs.ts", "absolute"],
    ["C:/x.ts", "absolute"],
    ["c:x.ts", "absolute"],
    ["../x.ts", "'..'"],
    ["src/./x.ts", "'.'"],
    ["src//x.ts", "empty segment"],
    ["src/", "empty segment"],
    ["src\\x.ts", "backslash"],
    ["src/x\u0000.ts", "NUL"],
    ["src/CON", "reserved"],
    ["src/nul.ts", "reserved"],
    ["Com1.d.ts", "reserved"],
    ["con.d/x.ts", "reserved"],
    ["lpt9/x.ts", "reserved"],
    ["src/a:b.ts", "Windows does not allow"],
    ["src/a\u0007.ts", "Windows does not allow"],
    ["src/x.ts.", "dot or space"],
    ["src /x.ts", "dot or space"],
  ])("rejects %j (%s)", (path, why) => {
    expect(unsafePathReason(path)).toContain(why);
  });

  it("treats case and Unicode normalisation variants as the same file", () => {
    expect(clashKey("src/Foo.ts")).toBe(clashKey("src/foo.ts"));
    expect(clashKey("src/\u00e9.ts")).toBe(clashKey("src/e\u0301.ts"));
    const diagnostics = checkOutputPaths(["src/\u00e9.ts", "src/E\u0301.ts", "src/ok.ts"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["PSK5005"]);
  });

  it("reports exact duplicates and file/directory clashes", () => {
    expect(checkOutputPaths(["a.ts", "a.ts"]).map((d) => d.code)).toEqual(["PSK5005"]);
    expect(checkOutputPaths(["src", "SRC/a.ts"]).map((d) => d.code)).toEqual(["PSK5005"]);
    expect(checkOutputPaths(["src/a.ts", "src/b.ts", "docs/a.md"])).toEqual([]);
  });
});
