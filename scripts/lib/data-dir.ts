// The local data folder (DATA_DIR, default .data) holds a database, uploads and generated
// secrets. It may be named anywhere, inside a checkout too, so when it is created it gets a
// .gitignore of its own that ignores everything in it. A folder that already exists is left
// as it is: DATA_DIR could point at one that holds other things.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export async function ensureDataDir(dir: string): Promise<void> {
  const existed = await mkdir(dir, { recursive: true }).then((first) => first === undefined);
  if (existed) return;
  await writeFile(path.join(dir, ".gitignore"), "# Local data of Atelier: never committed.\n*\n", {
    flag: "wx",
  });
}
