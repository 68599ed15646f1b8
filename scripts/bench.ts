// `npm run bench -- <name> [args]` runs bench/<name>.ts. Each bench prints `name: value unit`
// lines, with ratios against a baseline measured in the same run.
import fs from "node:fs";
import path from "node:path";
import { bin, ROOT, run } from "./lib/postgres";

const [name, ...args] = process.argv.slice(2);
const available = fs.readdirSync(path.join(ROOT, "bench")).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(", ")}`);
  process.exit(2);
}
run(bin("tsx"), ["--conditions=react-server", path.join("bench", `${name}.ts`), ...args]).catch(() => process.exit(1));
