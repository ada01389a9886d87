// Runs assets/search.js outside a browser, on a built site or on a list of words, so that
// Swift tests can compare the JavaScript search with the Swift one.
//   node search-node.js SITE_DIR query…       → one JSON line per query: the result URLs and snippets
//   node search-node.js --normalize SEARCH_JS < words.json → [{fold, exactKey}] per word
//   node search-node.js --records SITE_DIR            → every record of the index, decoded
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

function load(scriptPath) {
  vm.runInThisContext(fs.readFileSync(scriptPath, 'utf8'), { filename: scriptPath });
  return globalThis.DecuongSearch;
}

const args = process.argv.slice(2);
if (args[0] === '--records') {
  // Every record of a built site's index, decoded: [{kind, title, breadcrumb, url, text}].
  const site = args[1];
  const search = load(path.join(site, 'assets', 'search.js'));
  const folder = path.join(site, 'search');
  vm.runInThisContext(fs.readFileSync(path.join(folder, 'index.js'), 'utf8'));
  fs.readdirSync(folder).filter((f) => /^(w|r\d+)\.js$/.test(f)).sort().forEach((f) => {
    vm.runInThisContext(fs.readFileSync(path.join(folder, f), 'utf8'), { filename: f });
  });
  const out = [];
  for (let id = 0; id < search.count(); id++) { out.push(search.record(id)); }
  process.stdout.write(JSON.stringify(out));
} else if (args[0] === '--normalize') {
  const search = load(args[1]);
  const words = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = words.map((w) => ({ fold: search.fold(w), exactKey: search.exactKey(w), normalize: search.normalize(w) }));
  process.stdout.write(JSON.stringify(out));
} else {
  const site = args[0];
  const search = load(path.join(site, 'assets', 'search.js'));
  search.setLoader((src, done) => {
    try {
      vm.runInThisContext(fs.readFileSync(path.join(site, src), 'utf8'), { filename: src });
      done(null);
    } catch (e) { done(e); }
  }, 'search/');
  vm.runInThisContext(fs.readFileSync(path.join(site, 'search', 'index.js'), 'utf8'));
  const queries = args.slice(1);
  const results = [];
  let pending = queries.length;
  queries.forEach((q, i) => {
    search.search(q, (error, found) => {
      results[i] = error ? { query: q, error: String(error) } : {
        query: q, partial: found.partial, total: found.total,
        results: found.results.map((r) => ({
          url: r.url, kind: r.kind, title: r.title,
          marks: r.snippet.filter((s) => s.mark).map((s) => s.text),
          titleMarks: r.titleSegments.filter((s) => s.mark).map((s) => s.text),
        })),
      };
      if (--pending === 0) { results.forEach((r) => process.stdout.write(JSON.stringify(r) + '\n')); }
    }, 50);
  });
}
