/** `protoskel validate SPEC…`: print diagnostics; exit 2 when any is an error. */

import { validateSpecs } from "../../api/validate.js";
import { hasErrors } from "../../diagnostics/index.js";
import { commandContext, specsFor } from "../context.js";
import { EXIT } from "../output.js";

export async function runValidate(args: { specs?: string[] | undefined; config?: string | undefined; quiet?: boolean | undefined }): Promise<number> {
  const { context, diagnostics, output } = await commandContext(args);
  if (!context) {
    output.diagnostics(diagnostics);
    return EXIT.badInput;
  }
  const resolved = await specsFor(context, args.specs);
  if (hasErrors(resolved.diagnostics)) {
    output.diagnostics(resolved.diagnostics);
    return EXIT.badInput;
  }
  const result = await validateSpecs(resolved.specs);
  output.diagnostics(result.diagnostics, result.sources);
  if (hasErrors(result.diagnostics)) return EXIT.badInput;
  for (const model of result.models) {
    const callbacks = model.families.reduce((n, f) => n + f.callbacks.filter((c) => !c.inherited).length, 0);
    const lifecycles = model.families.filter((f) => f.lifecycle?.declaredIn === f.name).length;
    output.info(`${model.specFile}: ok (${model.families.length} families, ${callbacks} callbacks, ${lifecycles} lifecycles)`);
  }
  return EXIT.ok;
}
