// PostGraphile v5's preset for bench/peers.sh (which passes the connection, schema, host and
// port on the command line): the Amber preset, connection-filter with filters across relations
// (teachers by their school's region), plain lists beside connections for a plan's milestones
// and targets as v4's --simple-collections both gives, and the smart tags shared with the v4 peer.
import { fileURLToPath } from "node:url";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgSmartTagsFromFilePlugin } from "postgraphile/utils";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const SimpleCollectionsPlugin = {
  name: "JunhengBenchSimpleCollectionsPlugin",
  version: "0.0.0",
  schema: { globalBehavior: (behavior) => [behavior, "connection", "resource:connection", "list", "resource:list"] },
};

export default {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [
    SimpleCollectionsPlugin,
    makePgSmartTagsFromFilePlugin(fileURLToPath(new URL("../postgraphile.tags.json5", import.meta.url))),
  ],
  schema: { connectionFilterRelations: true },
  grafserv: { graphiql: false },
};
