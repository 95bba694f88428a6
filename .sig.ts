import { formSignals } from "./src/domain/parse/gate.ts";
import { prepare } from "./src/domain/parse/prepare.ts";
const p = prepare(process.argv[2]!, new Date(), undefined);
console.log(p.f); console.log(formSignals(p.f));
