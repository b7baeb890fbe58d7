/**
 * `pnpm --filter @maths-as-code/corpus schema`: writes corpus/schema/*.schema.json
 * from the zod schema the loader validates with, so editors can check entries as
 * they are typed. `--check` fails when the committed files are out of date.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { corpusDir } from "../load.ts";
import { EntrySchema, SectionsFile } from "../schema.ts";

export function jsonSchemas(): Record<string, string> {
  const make = (schema: z.ZodType, title: string) => {
    const json = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io: "input",
      unrepresentable: "any",
      override: (ctx) => {
        // Any double, NaN and ±Infinity included: YAML spells them .nan and .inf.
        if ((ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def?.type === "custom") ctx.jsonSchema.type = "number";
      },
    }) as Record<string, unknown>;
    return JSON.stringify({ ...json, title }, null, 2) + "\n";
  };
  return {
    "entry.schema.json": make(EntrySchema, "Maths-as-Code corpus entry, format version 1"),
    "sections.schema.json": make(SectionsFile, "Maths-as-Code corpus sections"),
  };
}

const dir = path.join(corpusDir(), "schema");
const check = process.argv.includes("--check");
let stale = 0;
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemas())) {
  const file = path.join(dir, name);
  if (check) {
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
      console.error(`corpus/schema/${name} is out of date with corpus/src/schema.ts: run \`pnpm --filter @maths-as-code/corpus schema\`.`);
      stale++;
    }
  } else writeFileSync(file, text);
}
if (stale) process.exit(1);
console.log(check ? "schema files up to date" : `wrote ${Object.keys(jsonSchemas()).length} schema files to corpus/schema/`);
