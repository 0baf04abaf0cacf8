// Prettier's document builders and printer, in one place, so the rest of the
// formatter depends on a small surface (and `language/format/` stays the only
// folder that imports prettier).

import { builders, printer, utils } from "prettier/doc";

export type Doc = builders.Doc;
export { builders, printer, utils };
