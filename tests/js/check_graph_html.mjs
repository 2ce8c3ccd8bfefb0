// Opens a newsgraph graph.html in headless Chromium with the network off and prints one
// JSON object: console errors, page errors, requests other than the file itself, the
// node count the page drew, the load time, and what a search selects.
// Usage: node check_graph_html.mjs PAGE.html [--click-node ID] [--click-edge ID] [--search NAME]
//        [--screenshot OUT.png] [--chromium PATH]
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const page_path = args[0];
const executablePath = opt("--chromium", ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync));

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // WebGL without a GPU: SwiftShader, which recent Chromium only enables on request.
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
         "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const result = { consoleErrors: [], pageErrors: [], requests: [], dialogs: [] };
try {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const url = pathToFileURL(page_path).href;
  page.on("console", (m) => { if (m.type() === "error") result.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => result.pageErrors.push(String(e)));
  page.on("dialog", (d) => { result.dialogs.push(d.message()); d.dismiss(); });
  // Any request but the page itself would need the network (or another file): record, refuse.
  await context.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    result.requests.push(route.request().url());
    return route.abort();
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("body[data-ready='1']", { timeout: 120000 });
  result.loadMs = Date.now() - t0;
  const body = await page.evaluate(() => ({ ...document.body.dataset }));
  result.nodes = Number(body.nodes);
  result.edges = Number(body.edges);
  result.pageLoadMs = Number(body.loadMs);
  result.layoutMs = Number(body.layoutMs);
  result.canvases = await page.locator("#graph canvas").count();
  result.status = await page.textContent("#status");
  // A real mouse click on the canvas, at a node (or the middle of an edge), before any search.
  const box = await page.locator("#graph").boundingBox();
  const at = (what, id) => page.evaluate(([what, id]) => {
    const r = window.newsgraph.renderer, g = window.newsgraph.graph;
    const ends = what === "node" ? [id] : [g.source(id), g.target(id)];
    const ps = ends.map((n) => r.framedGraphToViewport(r.getNodeDisplayData(n)));
    if (what === "node") return ps[0];
    // Mouse events have whole-pixel positions: the first whole pixel along the edge, from
    // its middle outwards, that sigma picks as this edge (a thin line can fall between two).
    for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7]) {
      const x = Math.round(ps[0].x + t * (ps[1].x - ps[0].x)), y = Math.round(ps[0].y + t * (ps[1].y - ps[0].y));
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]) {
        if (r.getEdgeAtPoint(x + dx, y + dy) === id) return { x: x + dx, y: y + dy };
      }
    }
    return { x: (ps[0].x + ps[1].x) / 2, y: (ps[0].y + ps[1].y) / 2 };
  }, [what, id]);
  for (const what of ["node", "edge"]) {
    const id = opt("--click-" + what, null);
    if (id === null) continue;
    const p = await at(what, id);
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    // On a loaded machine the page may take longer than usual to answer the click.
    await page.waitForFunction((want) => document.body.dataset.selected === want, id,
                               { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(400);
    result["clicked_" + what] = await page.evaluate(() => document.body.dataset.selected || null);
    result["clicked_" + what + "_details"] = await page.textContent("#details");
  }
  const name = opt("--search", null);
  if (name !== null) {
    await page.fill("#search", name);
    await page.waitForSelector("#selected-label", { timeout: 10000 });
    result.selected = await page.evaluate(() => document.body.dataset.selected || null);
    result.selectedLabel = await page.textContent("#selected-label");
    result.matches = await page.locator("#matches li").allTextContents();
    result.details = await page.textContent("#details");
    await page.waitForTimeout(500); // the camera's move to the node
  }
  const shot = opt("--screenshot", null);
  if (shot) await page.screenshot({ path: shot });
  result.scripts = await page.evaluate(() => document.scripts.length);
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
