// Reads a GEXF or GraphML file with the parsers Gephi Lite uses (graphology-gexf,
// graphology-graphml) and prints what they found as one JSON object:
//   {"format", "nodes", "edges", "type", "multi", "nodeAttributes", "edgeAttributes"}
// Usage: node check_gephi_files.mjs FILE.gexf|FILE.graphml
// Exit status 1 (message on stderr) when the file cannot be read.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Graph = require("graphology");

const path = process.argv[2];
if (!path) {
  console.error("usage: node check_gephi_files.mjs FILE.gexf|FILE.graphml");
  process.exit(2);
}
const format = path.toLowerCase().endsWith(".gexf") ? "gexf" : "graphml";
const parser = require(format === "gexf" ? "graphology-gexf" : "graphology-graphml");

try {
  const graph = parser.parse(Graph, readFileSync(path, "utf8"));
  const keys = (collect) => {
    const names = new Set();
    collect((_key, attributes) => Object.keys(attributes).forEach((k) => names.add(k)));
    return [...names].sort();
  };
  console.log(JSON.stringify({
    format,
    nodes: graph.order,
    edges: graph.size,
    type: graph.type,
    multi: graph.multi,
    nodeAttributes: keys((cb) => graph.forEachNode(cb)),
    edgeAttributes: keys((cb) => graph.forEachEdge((key, attributes) => cb(key, attributes))),
  }));
} catch (error) {
  console.error(`${path}: ${error.message}`);
  process.exit(1);
}
