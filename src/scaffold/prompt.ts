/**
 * The questions `scaffold` asks on a terminal when FAMILY or CLASS is missing: a numbered
 * choice of families, then a class name. Streams are parameters so tests can answer them.
 */

import { createInterface, type Interface } from "node:readline";
import { isValidClassName } from "./locate.js";

/** Where questions are asked and answered. */
export interface PromptIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
}

/** One family to choose from. */
export interface FamilyChoice {
  readonly name: string;
  /** Shown next to the name: the summary, and the spec when there are several. */
  readonly label: string;
}

/** Asks questions over one line reader (one, so that no buffered answer is lost between questions). */
export class Prompter {
  private readonly rl: Interface;
  private readonly lines: AsyncIterator<string>;

  constructor(private readonly io: PromptIo) {
    this.rl = createInterface({ input: io.input, terminal: false });
    this.lines = this.rl[Symbol.asyncIterator]();
  }

  /** Asks until the answer is a listed number or family name; undefined when input ends first. */
  async chooseFamily(choices: readonly FamilyChoice[]): Promise<string | undefined> {
    this.io.output.write("Which family should the class implement?\n");
    choices.forEach((c, i) => this.io.output.write(`  ${i + 1}) ${c.name}  ${c.label}\n`));
    for (;;) {
      const answer = await this.ask(`Family [1-${choices.length}]: `);
      if (answer === undefined) return undefined;
      const index = Number(answer);
      if (/^\d+$/.test(answer) && index >= 1 && index <= choices.length) return choices[index - 1]!.name;
      const byName = choices.find((c) => c.name === answer);
      if (byName) return byName.name;
      this.io.output.write(`Answer with a number from 1 to ${choices.length}.\n`);
    }
  }

  /** Asks for a class name until it is a valid identifier; an empty answer takes `suggestion`. */
  async askClassName(suggestion: string): Promise<string | undefined> {
    for (;;) {
      const answer = await this.ask(`Class name [${suggestion}]: `);
      if (answer === undefined) return undefined;
      const name = answer === "" ? suggestion : answer;
      if (isValidClassName(name)) return name;
      this.io.output.write(`'${name}' is not a valid class name; use letters, digits, _ or $, not starting with a digit.\n`);
    }
  }

  /** Stops reading input. */
  close(): void {
    this.rl.close();
  }

  private async ask(prompt: string): Promise<string | undefined> {
    this.io.output.write(prompt);
    const next = await this.lines.next();
    return next.done ? undefined : next.value.trim();
  }
}
