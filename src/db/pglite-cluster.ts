import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { PACKAGE_ROOT } from "../package-root.js";

/**
 * The empty PGlite cluster a new data folder starts from: what PGlite's initdb makes, packed once by
 * `node --import tsx scripts/make-pglite-cluster.ts`. Unpacking it takes a tenth of the time initdb
 * takes in WebAssembly (most of PGlite's first start).
 */
export const PGLITE_CLUSTER_FILE = join(PACKAGE_ROOT, "assets", "pglite-cluster.tar.br");

export interface TarEntry {
  /** Relative path, no leading slash. */
  path: string;
  kind: "dir" | "file";
  data: Buffer;
}

const BLOCK = 512;

/** The entries of a plain ustar archive (the one PGlite's `dumpDataDir("none")` writes): folders and files. */
export function readTar(tarball: Buffer): TarEntry[] {
  const text = (at: number, length: number) => tarball.toString("utf8", at, at + length).replace(/\0.*$/s, "");
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= tarball.length; ) {
    const name = text(at, 100);
    if (!name) break;
    const prefix = text(at + 345, 155);
    const size = parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = text(at + 156, 1);
    const path = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, "").replace(/\/+$/, "");
    if (type === "5") entries.push({ path, kind: "dir", data: Buffer.alloc(0) });
    else if (type === "0" || type === "") entries.push({ path, kind: "file", data: tarball.subarray(at + BLOCK, at + BLOCK + size) });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

/** Compress a PGlite data-dir tarball for shipping, with a window that spans a database (the cluster's three are near copies). */
export function packCluster(tarball: Buffer): Buffer {
  return brotliCompressSync(tarball, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: tarball.length,
    },
  });
}

/** Write the entries of a tarball under `dir`, with the owner-only modes initdb gives a data folder. */
export function untar(tarball: Buffer, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const entry of readTar(tarball)) {
    const path = join(dir, entry.path);
    if (entry.kind === "dir") mkdirSync(path, { recursive: true, mode: 0o700 });
    else {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, entry.data, { mode: 0o600 });
    }
  }
}

/**
 * Give a new PGlite data folder its empty cluster from the shipped file. Unpacks beside `pgdata`
 * and renames into place, so a start that dies half way leaves no cluster and the next start
 * unpacks again. Returns false, leaving PGlite to run initdb itself, when `pgdata` already exists
 * or the file is not shipped.
 *
 * @example await PGlite.create(`${dir}/pgdata`) // after unpackCluster(`${dir}/pgdata`)
 */
export function unpackCluster(pgdata: string, file = PGLITE_CLUSTER_FILE): boolean {
  if (existsSync(pgdata) || !existsSync(file)) return false;
  const partial = `${pgdata}.partial`;
  rmSync(partial, { recursive: true, force: true });
  untar(brotliDecompressSync(readFileSync(file)), partial);
  renameSync(partial, pgdata);
  return true;
}
