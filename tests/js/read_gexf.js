// Parse a GEXF file the way Gephi Lite and sigma.js do (graphology-gexf)
// and print what was read as JSON, for tests/exports.rs to compare with
// what actorgraph wrote. Any XML warning or error is a failure: xmldom
// would otherwise recover silently from a malformed file.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const { DOMParser } = require('@xmldom/xmldom');

const fail = (level) => (msg) => {
  throw new Error(`XML ${level}: ${msg}`);
};
const text = fs.readFileSync(process.argv[2], 'utf8');
const doc = new DOMParser({
  errorHandler: { warning: fail('warning'), error: fail('error'), fatalError: fail('fatal error') },
}).parseFromString(text, 'application/xml');
const graph = gexf.parse(Graph, doc);

const nodes = {};
graph.forEachNode((id, attributes) => {
  nodes[id] = attributes;
});
const edges = [];
graph.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
  edges.push({ key, source, target, undirected, attributes });
});
process.stdout.write(
  JSON.stringify({ type: graph.type, multi: graph.multi, order: graph.order, size: graph.size, nodes, edges }) + '\n'
);
