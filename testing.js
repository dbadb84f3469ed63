"use strict";
// `cdktf-hardened-k8s/testing`: the test helpers inside the library bundle, so they share its engine
// (waivers, applied packs) with the app under test.
module.exports = require("./lib/bundle.js")[Symbol.for("cdktf-hardened-k8s.testing")];
