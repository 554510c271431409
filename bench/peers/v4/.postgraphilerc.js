// PostGraphile v4's CLI reads this from its working directory (bench/peers.sh starts it here):
// connection-filter with filters across relations (teachers by their school's region), and the
// smart tags shared with the v5 peer.
const path = require("path");
const { makePgSmartTagsFromFilePlugin } = require("postgraphile/plugins");
module.exports = {
  options: {
    appendPlugins: [
      require("postgraphile-plugin-connection-filter"),
      makePgSmartTagsFromFilePlugin(path.join(__dirname, "..", "postgraphile.tags.json5")),
    ],
    graphileBuildOptions: { connectionFilterRelations: true },
  },
};
