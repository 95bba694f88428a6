/**
 * Write assets/pglite-cluster.tar.br: the empty cluster PGlite's initdb makes, which a new PGlite
 * data folder starts from (src/db/pglite-cluster.ts). Run after upgrading @electric-sql/pglite:
 * node --import tsx scripts/make-pglite-cluster.ts
 */
import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { packCluster, PGLITE_CLUSTER_FILE } from "../src/db/pglite-cluster.js";

const pglite = await PGlite.create();
const tarball = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
await pglite.close();
const packed = packCluster(tarball);
writeFileSync(PGLITE_CLUSTER_FILE, packed);
process.stdout.write(`${PGLITE_CLUSTER_FILE}: ${packed.length} bytes (${tarball.length} unpacked)\n`);
