// Generated from templates/ by DefaultTemplatesTests: do not edit.
// Regenerate with: DECUONG_REGENERATE_TEMPLATES=1 swift test --filter DefaultTemplatesTests

/// The default theme, compiled in so that `decuong build` works in any folder.
enum DefaultTemplates {
    static let files: [String: String] = [
        "assets/print.css": ####"""
/* Printing a document page gives the official layout (Hướng dẫn 36-HD/VPTW, Nghị định
   30/2020/NĐ-CP): A4, serif 13–14 pt, no site navigation. */
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif; font-size: 14pt; line-height: 1.35; color: #000; background: #fff; }
.wrap { max-width: none; padding: 0; }
.site-header, .site-footer, .skip-link, .breadcrumbs, .toc, .sec-theme-link, .pager, .attachments, .letter-nav, .source-link { display: none !important; }
a, a:visited { color: #000; text-decoration: none; }
h1, h2, h3, h4, h5, h6 { page-break-after: avoid; break-after: avoid; }
p { orphans: 3; widows: 3; text-indent: 0; }
.document-body p { text-align: justify; margin: 0 0 6pt; }
.official-header { display: flex; flex-wrap: nowrap; margin: 0 0 12pt; font-size: 13pt; }
.official-header > div { flex: 1 1 50%; }
.place-date { font-size: 14pt; }
.document-title { font-size: 14pt; margin: 12pt 0; }
.document-kind { font-size: 15pt; }
.document-summary { font-size: 14pt; }
.sec-heading, h2.sec-heading { font-size: 14pt; margin: 6pt 0; }
.document-closing { display: flex; flex-wrap: nowrap; page-break-inside: avoid; break-inside: avoid; }
.recipients { font-size: 12pt; flex: 1 1 50%; }
.signature { flex: 1 1 50%; font-size: 14pt; }
.signature-name { margin-top: 48pt !important; }

"""####,
        "assets/search.js": ####"""
/* decuong search: Vietnamese full-text search that runs in the browser, also from disk.
   The index is JavaScript loaded with <script> tags (fetch does not work from file://);
   shards are loaded on demand the same way. No modules, no workers, no network.

   The text functions below are twins of DecuongCore's VietnameseText (fold, exactKey,
   canonicalTones) and of DecuongSite's SearchQuery and SearchEngine; the Swift tests run
   this file in node with the same inputs, so the two cannot drift apart. Results and
   snippets are built with DOM text nodes and <mark> elements, never by parsing markup. */
(function (root) {
  'use strict';

  // ---- Vietnamese letters (VietnameseAlphabet) ------------------------------------------
  var LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
    'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
  var PLAIN = 'aaabcddeefghijklmnooopqrstuuvwxyz';
  // Tones in VietnameseTone order: level, grave, hook, tilde, acute, dot below.
  var TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
  var INDEX_OF = set([]);
  var DSTROKE = LETTERS.indexOf('đ');
  LETTERS.forEach(function (letter, index) { INDEX_OF[letter] = index; });
  var FOREIGN = set(['f', 'j', 'w', 'z'].map(function (l) { return INDEX_OF[l]; }));

  function set(items) {
    var out = Object.create(null);
    items.forEach(function (item) { out[item] = true; });
    return out;
  }

  // Precomposed letters with their tone, built from the browser's NFC like Swift builds it
  // from Foundation's, so the table cannot disagree with normalization.
  var COMPOSED = Object.create(null);
  var BY_KEY = Object.create(null);
  LETTERS.forEach(function (letter, index) {
    TONE_MARKS.forEach(function (mark, tone) {
      [false, true].forEach(function (upper) {
        var spelled = ((upper ? letter.toUpperCase() : letter) + mark).normalize('NFC');
        if (spelled.length !== 1) { return; }
        BY_KEY[index + ',' + tone + ',' + (upper ? 1 : 0)] = spelled;
        if (spelled.charCodeAt(0) > 0x7f) { COMPOSED[spelled] = { index: index, tone: tone, upper: upper }; }
      });
    });
  });

  /** One NFC character read as an alphabet letter, or null (VietnameseAlphabet.letter(composed:)). */
  function letterOf(ch) {
    var code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0x41 && code <= 0x5a) { return { index: INDEX_OF[ch.toLowerCase()], tone: 0, upper: true }; }
    if (ch.length === 1 && code >= 0x61 && code <= 0x7a) { return { index: INDEX_OF[ch], tone: 0, upper: false }; }
    if (code === 0x110 || code === 0xd0 || code === 0x189) { return { index: DSTROKE, tone: 0, upper: true }; }
    if (code === 0x111 || code === 0xf0 || code === 0x256) { return { index: DSTROKE, tone: 0, upper: false }; }
    return COMPOSED[ch] || null;
  }

  var IS_LETTER = /^\p{L}$/u;
  var IS_MARK = /^\p{M}$/u;
  var IS_DIGIT = /^\p{Nd}$/u;
  var IS_SPACE = /^\s$/u;
  function isLetter(ch) { return IS_LETTER.test(ch); }
  function isMark(ch) { return IS_MARK.test(ch); }
  function isDigit(ch) { return IS_DIGIT.test(ch); }

  function isDiacritic(code) {
    return (code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) ||
      (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f);
  }

  // ---- VietnameseText -------------------------------------------------------------------
  /** NFC with the look-alikes of Đ/đ replaced (VietnameseText.normalize). */
  function normalize(s) {
    return s.normalize('NFC').replace(/[\u00d0\u0189]/g, '\u0110').replace(/[\u00f0\u0256]/g, '\u0111');
  }

  /** Lowercase, no diacritics, đ → d (VietnameseText.fold). */
  function fold(s) {
    if (/^[\x00-\x7f]*$/.test(s)) { return s.toLowerCase(); }
    var out = '';
    Array.from(s.normalize('NFC')).forEach(function (ch) {
      var code = ch.codePointAt(0);
      if (code < 0x80) { out += ch.toLowerCase(); return; }
      var letter = letterOf(ch);
      if (letter) { out += PLAIN[letter.index]; return; }
      if (isDiacritic(code)) { return; }
      var kept = '';
      Array.from(ch.toLowerCase().normalize('NFD')).forEach(function (part) {
        if (!isDiacritic(part.codePointAt(0))) { kept += part; }
      });
      out += kept.normalize('NFC');
    });
    return out;
  }

  // Tone placement tables (TonePlacement), as strings of letters.
  var INITIALS = set(['ngh', 'ng', 'nh', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'ch', 'qu',
    'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x']);
  var FINALS = set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
  var VOWELS = set('aăâeêioôơuưy'.split(''));
  var MARKED = set('ăâêôơư'.split(''));
  var GLIDES = set(['oa', 'oe', 'uy']);
  var NUCLEI = set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
    'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi',
    'ui', 'ưi', 'ưu', 'ua', 'ưa', 'oa', 'oă', 'oe', 'oo', 'uâ', 'uê', 'uơ', 'uô',
    'ươ', 'uy', 'iê', 'yê',
    'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya',
    'uyu', 'uyê', 'uêu']);

  /** The position of the letter that carries the tone, or null (TonePlacement.toneIndex). */
  function toneIndex(indices) {
    var letters = indices.map(function (i) { return LETTERS[i]; });
    var start = 0;
    for (var length = Math.min(3, letters.length); length >= 1; length--) {
      if (INITIALS[letters.slice(0, length).join('')]) { start = length; break; }
    }
    if (start === 2 && (letters[0] === 'g' || letters[0] === 'q') && (letters.length === 2 || !VOWELS[letters[2]])) {
      start = 1;
    }
    var end = start;
    while (end < letters.length && VOWELS[letters[end]]) { end++; }
    var nucleus = letters.slice(start, end);
    if (!nucleus.length || !NUCLEI[nucleus.join('')] || !FINALS[letters.slice(end).join('')]) { return null; }
    var marked = -1;
    nucleus.forEach(function (l, i) { if (MARKED[l]) { marked = i; } });
    var offset;
    if (marked >= 0) { offset = marked; }
    else if (end < letters.length) { offset = nucleus.length - 1; }
    else if (nucleus.length === 3) { offset = 1; }
    else if (nucleus.length === 2) { offset = GLIDES[nucleus.join('')] ? 1 : 0; }
    else { offset = 0; }
    return start + offset;
  }

  function canonicalizeWord(chars, from, to) {
    var letters = [];
    var toned = -1;
    for (var i = from; i < to; i++) {
      var letter = letterOf(chars[i]);
      if (!letter || FOREIGN[letter.index]) { return false; }
      if (letter.tone !== 0) {
        if (toned >= 0) { return false; }
        toned = letters.length;
      }
      letters.push(letter);
    }
    if (toned < 0) { return false; }
    var target = toneIndex(letters.map(function (l) { return l.index; }));
    if (target === null || target === toned) { return false; }
    var source = letters[toned];
    var untoned = BY_KEY[source.index + ',0,' + (source.upper ? 1 : 0)];
    var retoned = BY_KEY[letters[target].index + ',' + source.tone + ',' + (letters[target].upper ? 1 : 0)];
    if (!untoned || !retoned) { return false; }
    chars[from + toned] = untoned;
    chars[from + target] = retoned;
    return true;
  }

  /** Moves each syllable's tone to its new-style place: hòa → hoà (VietnameseText.canonicalTones). */
  function canonicalTones(s) {
    var chars = Array.from(s.normalize('NFC'));
    var i = 0;
    while (i < chars.length) {
      if (!isLetter(chars[i])) { i++; continue; }
      var end = i + 1;
      while (end < chars.length && (isLetter(chars[end]) || isMark(chars[end]))) { end++; }
      if (end - i > 1) { canonicalizeWord(chars, i, end); }
      i = end;
    }
    return chars.join('');
  }

  /** Lowercase NFC with canonical tone placement (VietnameseText.exactKey). */
  function exactKey(s) { return canonicalTones(normalize(s).toLowerCase()); }

  // ---- Queries (SearchQuery) ------------------------------------------------------------
  function isQuote(ch) { return ch === '"' || ch === '\u201c' || ch === '\u201d'; }

  /** `35 - NQ/TW` → `35-NQ/TW` (SearchQuery.joinSpacedNumbers). */
  function joinSpacedNumbers(text) {
    return text.replace(/(\p{Nd})\s*([-\u2010-\u2013\u2212/])\s*(?=\p{L})/gu, '$1$2');
  }

  /** Terms ({kind: 's', exact, folded} or {kind: 'n', compact}) and syllable pairs. */
  function parseQuery(raw) {
    var text = joinSpacedNumbers(normalize(raw || ''));
    var chunks = [];
    var chunk = [];
    var inQuote = false;
    var chunkQuoted = false;
    function flush() {
      if (chunk.length) { chunks.push({ chars: chunk, quoted: chunkQuoted }); }
      chunk = [];
    }
    Array.from(text).forEach(function (ch) {
      if (isQuote(ch)) { flush(); inQuote = !inQuote; chunkQuoted = inQuote; }
      else if (IS_SPACE.test(ch)) { flush(); chunkQuoted = inQuote; }
      else { if (!chunk.length) { chunkQuoted = inQuote; } chunk.push(ch); }
    });
    flush();
    var terms = [];
    var pairs = [];
    var last = null;
    chunks.forEach(function (c) {
      var chars = c.chars;
      if (isDigit(chars[0]) && chars.some(isLetter)) {
        var compact = Array.from(fold(chars.join(''))).filter(function (ch) { return isLetter(ch) || isDigit(ch); }).join('');
        terms.push({ kind: 'n', compact: compact });
        last = null;
        return;
      }
      if (!isLetter(chars[0]) && !isDigit(chars[0])) { last = null; }
      var index = 0;
      var previousEnd = null;
      var before = terms.length;
      while (index < chars.length) {
        var start = index;
        if (isLetter(chars[index])) {
          index++;
          while (index < chars.length && (isLetter(chars[index]) || isMark(chars[index]))) { index++; }
        } else if (isDigit(chars[index])) {
          index++;
          while (index < chars.length && isDigit(chars[index])) { index++; }
        } else {
          index++;
          continue;
        }
        var piece = chars.slice(start, index).join('');
        terms.push({ kind: 's', exact: exactKey(piece), folded: fold(piece) });
        if (last && (previousEnd === null || previousEnd === start)) {
          pairs.push({ first: last.index, second: terms.length - 1, required: c.quoted && last.quoted });
        }
        last = { index: terms.length - 1, quoted: c.quoted };
        previousEnd = index;
      }
      if (terms.length === before || previousEnd !== chars.length) { last = null; }
    });
    return { terms: terms, pairs: pairs };
  }

  /** FNV-1a over UTF-16 code units (SearchTerms.shard). */
  function shardOf(key, count) {
    if (count <= 1) { return 0; }
    var hash = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % count;
  }

  // ---- The index and its shards ---------------------------------------------------------
  var state = { manifest: null, terms: [], records: [], words: null, decoded: Object.create(null), base: 'search/',
    loader: null, pending: Object.create(null) };

  function termKey(term) { return term.kind === 'n' ? term.compact : term.folded; }

  function load(path, done) {
    if (state.pending[path]) { state.pending[path].push(done); return; }
    state.pending[path] = [done];
    (state.loader || scriptLoader)(state.base + path, function (error) {
      var waiting = state.pending[path];
      delete state.pending[path];
      waiting.forEach(function (callback) { callback(error); });
    });
  }

  function scriptLoader(src, done) {
    var script = document.createElement('script');
    script.src = src;
    script.onload = function () { done(null); };
    script.onerror = function () { done(new Error('cannot load ' + src)); };
    document.head.appendChild(script);
  }

  /** Loads the shards `wanted` lists that are not there yet, then calls done(error). */
  function ensure(wanted, done) {
    var missing = wanted.filter(function (w) { return !w.have(); });
    var left = missing.length;
    var failed = null;
    if (!left) { done(null); return; }
    missing.forEach(function (w) {
      load(w.path, function (error) {
        if (error || !w.have()) { failed = failed || error || new Error('shard ' + w.path + ' is empty'); }
        if (--left === 0) { done(failed); }
      });
    });
  }

  function recordShardOf(id) {
    var starts = state.manifest.records;
    var shard = 0;
    for (var i = 0; i < starts.length; i++) { if (starts[i] <= id) { shard = i; } }
    return shard;
  }

  // ---- Records (SearchIndexWriter.row) ---------------------------------------------------
  function rowOf(id) {
    var shard = recordShardOf(id);
    return (state.records[shard] && state.records[shard][id - state.manifest.records[shard]]) || null;
  }

  function kindOf(id) { return KINDS[KIND_CODES.indexOf((state.manifest.kinds || '').charAt(id))] || 'document'; }

  /** Text coded by WordCoder: U+0371–U+07FF and U+E000–U+F8FF are words, one space implied
      between two of them; U+0370 makes the next character literal. */
  function decodeText(s) {
    var words = state.words || [];
    var out = '';
    var from = 0;
    var wordBefore = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x370 || (c >= 0x800 && c < 0xe000) || c >= 0xf900) { wordBefore = false; continue; }
      out += s.slice(from, i);
      if (c === 0x370) { i++; from = i; wordBefore = false; continue; }
      var word = words[c < 0x800 ? c - 0x371 : c - 0xe000 + 0x800 - 0x371];
      out += (wordBefore ? ' ' : '') + (word === undefined ? '' : word);
      from = i + 1;
      wordBefore = true;
    }
    return out + s.slice(from);
  }

  function textOf(id) {
    if (id in state.decoded) { return state.decoded[id]; }
    var row = rowOf(id);
    var text = row && typeof row[3] === 'string' ? decodeText(row[3]) : '';
    state.decoded[id] = text;
    return text;
  }

  /** A string, or [head, n(, 1)]: head, the first n units of the text (and …). */
  function titleOf(id) {
    var title = rowOf(id)[0];
    if (typeof title === 'string') { return decodeText(title); }
    return title[0] + textOf(id).slice(0, title[1]) + (title[2] ? '\u2026' : '');
  }

  /** A string, or the distance back to the parent whose breadcrumb this one continues. */
  function breadcrumbOf(id) {
    var crumb = rowOf(id)[1];
    if (typeof crumb === 'string') { return decodeText(crumb); }
    var parent = id - crumb;
    if (kindOf(parent) === 'document') { return titleOf(parent); }
    var row = rowOf(parent);
    return breadcrumbOf(parent) + ' \u203a ' + (row.length > 4 ? decodeText(row[4]) : titleOf(parent));
  }

  /** With a parent, only the anchor on the parent's page. */
  function urlOf(id) {
    var row = rowOf(id);
    if (typeof row[1] === 'string') { return row[2]; }
    var page = urlOf(id - row[1]);
    var hash = page.indexOf('#');
    return (hash >= 0 ? page.slice(0, hash) : page) + row[2];
  }

  /** A theme's sections: [start, end, …] ranges of record numbers. */
  function sectionsOf(id) {
    var row = rowOf(id);
    var ranges = row && typeof row[3] === 'object' ? row[3] : [];
    var out = [];
    for (var i = 0; i + 1 < ranges.length; i += 2) {
      for (var s = ranges[i]; s < ranges[i + 1]; s++) { out.push(s); }
    }
    return out;
  }

  function record(id, textFrom) {
    if (!rowOf(id)) { return null; }
    return { id: id, kind: kindOf(id), title: titleOf(id), breadcrumb: breadcrumbOf(id), url: urlOf(id),
      text: textFrom === undefined ? textOf(id) : (textFrom === null ? '' : textOf(textFrom)) };
  }

  // ---- Ranking (SearchEngine) -----------------------------------------------------------
  var KIND_RANK = { theme: 2, section: 1, document: 0 };
  // Results shown at once; each may need its own record shard, so fewer means a faster first answer.
  var PAGE = 20;
  var FIRST = 5;
  var KINDS = ['document', 'section', 'theme'];
  var KIND_CODES = 'dst';

  // Record lists (PostingList): each record as its distance from the previous one less one,
  // in base 32, digits A–f ending a number and g–_ continuing it; or `~`, the first record,
  // then six records per character as bits.
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT_VALUE = new Int8Array(128);
  for (var d = 0; d < DIGITS.length; d++) { DIGIT_VALUE[DIGITS.charCodeAt(d)] = d; }

  function decodeList(s) {
    var out = [];
    if (typeof s !== 'string' || !s.length) { return out; }
    var i = 0;
    var value = 0;
    var digit;
    if (s.charCodeAt(0) === 0x7e) {
      for (i = 1; i < s.length; i++) {
        digit = DIGIT_VALUE[s.charCodeAt(i) & 0x7f];
        value = value * 32 + (digit & 31);
        if (digit < 32) { i++; break; }
      }
      for (var base = value; i < s.length; i++, base += 6) {
        digit = DIGIT_VALUE[s.charCodeAt(i) & 0x7f];
        for (var bit = 0; bit < 6; bit++) { if (digit & (1 << bit)) { out.push(base + bit); } }
      }
      return out;
    }
    var id = -1;
    for (; i < s.length; i++) {
      digit = DIGIT_VALUE[s.charCodeAt(i) & 0x7f];
      value = value * 32 + (digit & 31);
      if (digit < 32) { id += value + 1; out.push(id); value = 0; }
    }
    return out;
  }

  function own(map, key) { return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined; }

  /** Flags per record (typed arrays: fast for the thousands of records a common word has). */
  function flags(ids) {
    var out = new Uint8Array(state.manifest.count);
    for (var i = 0; i < ids.length; i++) { out[ids[i]] = 1; }
    return out;
  }

  /** "title.body" or "body" lists. */
  function postingsOf(map, key) {
    var found = own(map, key);
    var dot = typeof found === 'string' ? found.indexOf('.') : -1;
    var title = dot >= 0 ? decodeList(found.slice(0, dot)) : [];
    var body = decodeList(dot >= 0 ? found.slice(dot + 1) : found);
    return { ids: title.concat(body), title: flags(title), body: flags(body) };
  }

  /** An exact key's records, or 0: the same as its folded key's. */
  function exactOf(map, key, folded) {
    var found = own(map, key);
    if (found === 0) { return folded; }
    var ids = decodeList(found);
    return { ids: ids, title: flags([]), body: flags(ids) };
  }

  /** Ranked record ids for a parsed query, from the loaded term shards. */
  function rank(query, limit) {
    var count = state.manifest.terms;
    var per = query.terms.map(function (term) {
      var shard = state.terms[shardOf(termKey(term), count)] || {};
      if (term.kind === 'n') { var n = postingsOf(shard.n, term.compact); return { found: n, exact: n }; }
      var found = postingsOf(shard.f, term.folded);
      return { found: found, exact: exactOf(shard.e, term.exact, found) };
    });
    var pairFlags = query.pairs.map(function (pair) {
      var first = query.terms[pair.first];
      var shard = state.terms[shardOf(first.folded, count)] || {};
      return flags(decodeList(own(own(shard.p, first.folded), query.terms[pair.second].folded)));
    });
    var seen = new Uint8Array(state.manifest.count);
    var full = [];
    var partial = [];
    var kinds = state.manifest.kinds || '';
    per.forEach(function (p) {
      p.found.ids.forEach(function (id) {
        if (seen[id]) { return; }
        seen[id] = 1;
        var score = { matched: 0, exact: 0, pairs: 0, title: 0 };
        for (var t = 0; t < per.length; t++) {
          var q = per[t];
          var inTitle = q.found.title[id] === 1;
          if (!inTitle && q.found.body[id] !== 1) { continue; }
          score.matched++;
          if (q.exact.title[id] === 1 || q.exact.body[id] === 1) { score.exact++; }
          if (inTitle) { score.title++; }
        }
        var phrasesHold = true;
        for (var i = 0; i < query.pairs.length; i++) {
          if (pairFlags[i][id] === 1) { score.pairs++; } else if (query.pairs[i].required) { phrasesHold = false; }
        }
        var kind = KINDS[KIND_CODES.indexOf(kinds.charAt(id))] || 'document';
        var entry = { id: id, score: score, value: value(score, kind) };
        if (score.matched === query.terms.length && phrasesHold) { full.push(entry); } else { partial.push(entry); }
      });
    });
    var chosen = (full.length ? full : partial).sort(function (a, b) { return b.value - a.value || a.id - b.id; });
    return { partial: !full.length && partial.length > 0, entries: chosen, limit: limit || PAGE, per: per, pairFlags: pairFlags };
  }

  function value(score, kind) {
    return (((Math.min(score.matched, 99) * 100 + Math.min(score.exact, 99)) * 100 + Math.min(score.pairs, 99)) * 100 +
      Math.min(score.title, 99)) * 100 + (KIND_RANK[kind] || 0);
  }

  // ---- Snippets ---------------------------------------------------------------------------
  /** `text` folded one UTF-16 unit per unit, so offsets in the fold are offsets in the text. */
  function foldAligned(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) { out += text.substr(i, 2); i++; continue; }
      var f = fold(ch);
      out += f.length === 1 ? f : ch;
    }
    return out;
  }

  var DASHES = '[\\s\\-\\u2010-\\u2013\\u2212/.]*';

  /** Ranges [start, end) of the query's words and numbers in `text`, in order, merged. */
  function matches(text, query) {
    var folded = foldAligned(text);
    var words = set(query.terms.filter(function (t) { return t.kind === 's'; }).map(function (t) { return t.folded; }));
    var ranges = [];
    var word = /[\p{L}\p{M}]+|\p{Nd}+/gu;
    var m;
    while ((m = word.exec(folded)) !== null) {
      if (words[m[0]]) { ranges.push([m.index, m.index + m[0].length]); }
    }
    query.terms.forEach(function (t) {
      if (t.kind !== 'n' || !t.compact) { return; }
      var pattern = Array.from(t.compact).map(function (ch) { return ch.replace(/[^\p{L}\p{Nd}]/gu, '\\$&'); }).join(DASHES);
      var number = new RegExp('(^|[^\\p{L}\\p{Nd}])(' + pattern + ')(?![\\p{L}\\p{Nd}])', 'gu');
      while ((m = number.exec(folded)) !== null) {
        var start = m.index + m[1].length;
        ranges.push([start, start + m[2].length]);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var lastRange = merged[merged.length - 1];
      if (lastRange && r[0] <= lastRange[1]) { lastRange[1] = Math.max(lastRange[1], r[1]); } else { merged.push(r.slice()); }
    });
    return merged;
  }

  /** Segments {text, mark} of `text` around the densest cluster of matches, about `size` long. */
  function snippet(text, query, size) {
    size = size || 220;
    var ranges = matches(text, query);
    var start = 0;
    if (text.length > size && ranges.length) {
      var best = 0;
      var bestCount = -1;
      ranges.forEach(function (r, i) {
        var count = 0;
        for (var j = i; j < ranges.length && ranges[j][1] <= r[0] + size - 40; j++) { count++; }
        if (count > bestCount) { bestCount = count; best = i; }
      });
      start = Math.max(0, ranges[best][0] - 40);
      if (start > 0) { var space = text.indexOf(' ', start); start = space >= 0 && space < ranges[best][0] ? space + 1 : start; }
    }
    var end = Math.min(text.length, start + size);
    if (end < text.length) { var back = text.lastIndexOf(' ', end); if (back > start) { end = back; } }
    var out = [];
    if (start > 0) { out.push({ text: '… ', mark: false }); }
    var at = start;
    ranges.forEach(function (r) {
      if (r[1] <= start || r[0] >= end) { return; }
      var from = Math.max(r[0], start);
      var to = Math.min(r[1], end);
      if (from > at) { out.push({ text: text.slice(at, from), mark: false }); }
      out.push({ text: text.slice(from, to), mark: true });
      at = to;
    });
    if (at < end) { out.push({ text: text.slice(at, end), mark: false }); }
    if (end < text.length) { out.push({ text: ' …', mark: false }); }
    return out;
  }

  // ---- Search: parse, load shards, rank, load records --------------------------------------
  /** Calls done(error, {query, partial, total, results}) with each result's record and snippets. */
  function search(raw, done, limit) {
    var query = parseQuery(raw);
    if (!state.manifest) { done(new Error('the search index is not loaded')); return; }
    if (!query.terms.length) { done(null, { query: query, partial: false, total: 0, results: [] }); return; }
    var count = state.manifest.terms;
    var shards = set(query.terms.map(function (t) { return shardOf(termKey(t), count); }));
    ensure(Object.keys(shards).map(function (n) {
      return { path: 't' + n + '.js', have: function () { return !!state.terms[n]; } };
    }), function (error) {
      if (error) { done(error); return; }
      var ranked = rank(query, limit);
      var shown = ranked.entries.slice(0, ranked.limit);
      loadRecords(shown.map(function (e) { return e.id; }), function (recordError) {
        if (recordError) { done(recordError); return; }
        // A theme's snippet comes from its section holding the most of the query.
        var from = shown.map(function (e) { return kindOf(e.id) === 'theme' ? bestSection(e.id, ranked) : undefined; });
        loadRecords(from.filter(function (id) { return typeof id === 'number'; }), function (sectionError) {
          if (sectionError) { done(sectionError); return; }
          var results = shown.map(function (e, i) {
            var r = record(e.id, from[i]);
            r.score = e.value;
            return r;
          });
          results.forEach(function (r) {
            r.titleSegments = snippet(r.title, query, 1000);
            r.snippet = snippet(r.text, query);
          });
          done(null, { query: query, partial: ranked.partial, total: ranked.entries.length, results: results });
        });
      });
    });
  }

  /** Loads the record shards of `ids` (and the word list), then calls done(error). */
  function loadRecords(ids, done) {
    var wanted = Object.keys(set(ids.map(recordShardOf))).map(function (n) {
      return { path: 'r' + n + '.js', have: function () { return !!state.records[n]; } };
    });
    if (!state.manifest.inline) { wanted.unshift({ path: 'w.js', have: function () { return !!state.words; } }); }
    ensure(wanted, done);
  }

  /** The theme's section with the most query terms, then phrase pairs; the first on a tie. */
  function bestSection(id, ranked) {
    var sections = sectionsOf(id);
    var best = sections.length ? sections[0] : null;
    var bestScore = -1;
    sections.forEach(function (s) {
      var score = 0;
      ranked.per.forEach(function (q) { if (q.found.title[s] === 1 || q.found.body[s] === 1) { score += 100; } });
      ranked.pairFlags.forEach(function (f) { if (f[s] === 1) { score++; } });
      if (score > bestScore) { bestScore = score; best = s; }
    });
    return best;
  }

  // ---- The page ---------------------------------------------------------------------------
  function appendSegments(parent, segments) {
    segments.forEach(function (s) {
      if (s.mark) {
        var mark = document.createElement('mark');
        mark.appendChild(document.createTextNode(s.text));
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(s.text));
      }
    });
  }

  function queryFromLocation() {
    var match = /[?&]q=([^&#]*)/.exec(root.location.search || '');
    if (!match) { return ''; }
    try { return decodeURIComponent(match[1].replace(/\+/g, ' ')); } catch (e) { return match[1]; }
  }

  function format(template, values) {
    return (template || '').replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function runPage(limit) {
    var list = document.querySelector('[data-search-results]');
    if (!list) { return; }
    limit = limit || PAGE;
    var more = document.querySelector('[data-search-more]');
    var status = document.querySelector('[data-search-status]');
    var strings = list.dataset;
    var q = queryFromLocation();
    Array.prototype.forEach.call(document.querySelectorAll('input[name="q"]'), function (input) { input.value = q; });
    var input = document.querySelector('[data-search-input]');
    if (!q.trim()) {
      status.textContent = strings.empty || '';
      if (input) { input.focus(); }
      return;
    }
    status.textContent = strings.searching || '';
    // The first few results first (each may need its own record shard), then the rest.
    var firstPass = limit === PAGE ? FIRST : limit;
    var titled = limit !== PAGE;
    search(q, function show(error, found) {
      if (!error && found.results.length === firstPass && firstPass < limit && found.total > firstPass) {
        firstPass = limit;
        search(q, show, limit);
      }
      while (list.firstChild) { list.removeChild(list.firstChild); }
      if (error) { status.textContent = format(strings.failed, { error: String(error.message || error) }); return; }
      if (more) { more.hidden = found.total <= found.results.length; }
      if (!found.results.length) {
        status.textContent = format(strings.none, { q: q });
        return;
      }
      var key = found.partial ? 'partial' : 'count';
      status.textContent = format(strings[key], { n: String(found.total), q: q });
      found.results.forEach(function (r) {
        var item = document.createElement('li');
        item.className = 'search-result search-result-' + r.kind;
        var heading = document.createElement('h2');
        heading.className = 'search-result-title';
        var link = document.createElement('a');
        link.setAttribute('href', (list.getAttribute('data-root') || '') + r.url);
        appendSegments(link, r.titleSegments);
        heading.appendChild(link);
        item.appendChild(heading);
        if (r.breadcrumb) {
          var crumb = document.createElement('p');
          crumb.className = 'search-result-crumb';
          crumb.appendChild(document.createTextNode(r.breadcrumb));
          item.appendChild(crumb);
        }
        var text = document.createElement('p');
        text.className = 'search-result-snippet';
        appendSegments(text, r.snippet);
        item.appendChild(text);
        list.appendChild(item);
      });
      if (!titled) { titled = true; document.title = q + ' – ' + document.title; }
      if (limit > PAGE) {
        // After "more": continue from the first new result.
        var links = list.querySelectorAll('a');
        if (links[limit - PAGE]) { links[limit - PAGE].focus(); }
      }
      if (more) {
        more.onclick = function () { runPage(limit + PAGE); };
      }
    }, firstPass);
  }

  /** Arrow keys move between the search box and the result links; Escape goes back to the box. */
  function keyboard(event) {
    var list = document.querySelector('[data-search-results]');
    var input = document.querySelector('[data-search-input]');
    if (!list || !input) { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (event.key === 'ArrowDown' && (document.activeElement === input || at >= 0)) {
      if (at + 1 < links.length) { links[at + 1].focus(); event.preventDefault(); }
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at > 0 ? links[at - 1] : input).focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && at >= 0) {
      input.focus();
      event.preventDefault();
    }
  }

  var api = {
    normalize: normalize, fold: fold, canonicalTones: canonicalTones, exactKey: exactKey,
    parseQuery: parseQuery, shardOf: shardOf, snippet: snippet, search: search,
    /** A loaded record as results show it ({id, kind, title, breadcrumb, url, text}), or null. */
    record: function (id) { return record(id); },
    count: function () { return state.manifest ? state.manifest.count : 0; },
    /** index.js calls this first; a small site's index.js then adds its terms and records. */
    index: function (manifest) {
      // Kinds come as runs (`d1s35…`): one letter per record once expanded.
      manifest.kinds = String(manifest.kinds || '').replace(/([a-z])(\d+)/g, function (all, kind, n) { return kind.repeat(+n); });
      state.manifest = manifest;
      state.terms = [];
      state.records = [];
      state.words = null;
      state.decoded = Object.create(null);
      if (root.document && root.document.querySelector) {
        var script = document.querySelector('script[data-search-index]');
        if (script) { state.base = script.getAttribute('src').replace(/index\.js$/, ''); }
        // After the rest of index.js has run (it may hold the whole index).
        root.setTimeout(function () { runPage(PAGE); }, 0);
      }
    },
    terms: function (number, data) { state.terms[number] = data; },
    records: function (number, rows) { state.records[number] = rows; },
    words: function (list) { state.words = list; },
    /** For tests outside a browser: how to load a shard (path, done). */
    setLoader: function (loader, base) { state.loader = loader; if (base !== undefined) { state.base = base; } },
    kinds: KINDS
  };
  root.DecuongSearch = api;
  if (root.document && root.document.addEventListener) { root.document.addEventListener('keydown', keyboard); }
})(typeof window !== 'undefined' ? window : globalThis);

"""####,
        "assets/style.css": ####"""
/* decuong default theme. Every colour pair meets WCAG AA contrast; the layout has no fixed
   widths, so a 375 px phone never scrolls sideways. */
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
  color: #1a1a1a;
  background: #fff;
  overflow-wrap: break-word;
}
.wrap { max-width: 50rem; margin: 0 auto; padding: 0 1rem; }
a { color: #0b4f9c; }
a:visited { color: #5b2a86; }
a:hover { color: #062f5e; }
a:focus-visible, main:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
main:focus { outline: none; }

.skip-link {
  position: absolute; left: 0.5rem; top: -3rem;
  background: #fff; color: #0b4f9c; padding: 0.5rem 0.75rem; z-index: 10;
  border: 2px solid #0b4f9c;
}
.skip-link:focus { top: 0.5rem; }

.site-header { background: #8b1a1a; color: #fff; padding: 0.75rem 0; }
.site-header a, .site-header a:visited { color: #fff; }
.site-title { margin: 0 0 0.25rem; font-weight: 700; font-size: 1.05rem; line-height: 1.35; }
.site-title a { text-decoration: none; }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.site-nav a { text-decoration: none; border-bottom: 2px solid transparent; }
.site-nav a:hover, .site-nav a[aria-current="page"] { border-bottom-color: #fff; }
.site-nav a:focus-visible { outline-color: #fff; }

main { display: block; padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; line-height: 1.35; margin: 1.75rem 0 0.75rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 0.5rem; }

.breadcrumbs ol { list-style: none; margin: 0 0 0.5rem; padding: 0; font-size: 0.9rem; }
.breadcrumbs li { display: inline; }
.breadcrumbs li + li::before { content: "›"; margin: 0 0.4rem; color: #555; }

.official-header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; text-align: center; margin: 0.5rem 0 1.5rem; }
.official-header > div { flex: 1 1 14rem; }
.official-header p { margin: 0; }
.issuer, .national { font-weight: 700; text-transform: uppercase; }
.place-date { font-style: italic; margin-top: 0.5rem !important; }
.document-title { text-align: center; }
.document-kind { display: block; text-transform: uppercase; }
.document-summary { display: block; font-size: 1.15rem; font-weight: 700; }
.attached-to { text-align: center; font-style: italic; }

.toc { background: #f4f1ea; border-left: 4px solid #8b1a1a; padding: 0.5rem 1rem; margin: 1.5rem 0; }
.toc h2 { margin-top: 0.5rem; font-size: 1.1rem; }
.toc ol { list-style: none; padding-left: 1rem; margin: 0.25rem 0; }
.toc > ol { padding-left: 0; }

.document-body p, .theme-part p { text-align: justify; hyphens: manual; }
.sec-heading { font-size: 1.1rem; }
h2.sec-heading { font-size: 1.2rem; text-transform: uppercase; }
.sec-marker { font-weight: 700; }
.sec-theme-link { font-size: 0.9rem; margin-top: -0.25rem; }
.sec-theme-link a::before { content: "→ "; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; }
blockquote { margin: 1rem 0; padding: 0.25rem 1rem; border-left: 4px solid #b35c00; background: #fff7ec; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
pre { overflow-x: auto; }

.document-closing { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1.5rem; margin-top: 2rem; }
.recipients { flex: 1 1 14rem; font-size: 0.9rem; }
.recipients-title { font-weight: 700; font-style: italic; margin: 0; }
.recipients ul { list-style: none; padding: 0; margin: 0; }
.recipients li::before { content: "- "; }
.signature { flex: 1 1 14rem; text-align: center; }
.signature p { margin: 0; }
.signature-authority, .signature-position { font-weight: 700; text-transform: uppercase; }
.signature-name { font-weight: 700; margin-top: 3rem !important; }

.theme-kicker { margin: 0; color: #5c4a00; font-weight: 700; text-transform: uppercase; font-size: 0.9rem; }
.theme-part { border-top: 1px solid #ddd; }
.source-link { font-size: 0.95rem; }
.pager ul { list-style: none; padding: 0; margin: 2rem 0 0; display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; }
.pager li { flex: 1 1 14rem; }
.pager-next { text-align: right; }
.pager-label { display: block; font-size: 0.85rem; color: #555; }

.document-list, .index-list, .theme-list { padding-left: 1.25rem; }
.document-list > li { margin-bottom: 1rem; }
.document-link { font-weight: 700; }
.meta { margin: 0.1rem 0; color: #4a4a4a; font-size: 0.95rem; }
.theme-list { list-style: none; padding-left: 0; }
.theme-list li { margin: 0.4rem 0; }
.theme-number { font-weight: 700; }
.badge { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border: 1px solid #8a5a00; color: #6b4500; border-radius: 0.25rem; }
.empty { color: #4a4a4a; font-style: italic; }

.letter-nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.pager ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
.pager [aria-current="page"] { font-weight: 700; }
.letter { border-bottom: 2px solid #8b1a1a; }
.entry { margin-bottom: 1.25rem; }
.places-title { margin: 0.25rem 0 0; font-weight: 600; }
.places { margin-top: 0.25rem; }
.context { color: #3d3d3d; font-size: 0.95rem; }
.role { font-weight: 700; }

.timeline-chart { margin: 1rem 0; }
.timeline-chart svg { width: 100%; height: auto; display: block; }
.timeline { list-style: none; padding-left: 0; border-left: 3px solid #8b1a1a; }
.timeline li { padding: 0 0 1rem 1rem; position: relative; }
.timeline li::before { content: ""; position: absolute; left: -0.5rem; top: 0.5rem; width: 0.7rem; height: 0.7rem; border-radius: 50%; background: #8b1a1a; }
.timeline time { font-weight: 700; }

.site-footer { border-top: 1px solid #ddd; font-size: 0.9rem; color: #4a4a4a; padding: 1rem 0 2rem; }

/* Search: the box in the header on every page, and tim-kiem.html. */
.site-search { display: flex; gap: 0.25rem; margin-top: 0.5rem; max-width: 24rem; }
.site-search input { flex: 1 1 auto; min-width: 0; }
.site-search input, .site-search button, .search-row input, .search-row button {
  font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #595959; border-radius: 3px; background: #fff; color: #1a1a1a;
}
.site-search button, .search-row button { background: #f2f2f2; cursor: pointer; }
.site-search input:focus-visible, .site-search button:focus-visible,
.search-row input:focus-visible, .search-row button:focus-visible { outline: 3px solid #b35c00; outline-offset: 1px; }
.search-form label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.search-row { display: flex; gap: 0.5rem; }
.search-row input { flex: 1 1 auto; min-width: 0; }
.search-help { color: #4d4d4d; font-size: 0.9375rem; }
.search-status { font-weight: 600; }
.search-results { padding-left: 1.25rem; }
.search-result { margin: 0 0 1.25rem; }
.search-result-title { font-size: 1.0625rem; margin: 0; }
.search-result-crumb { margin: 0; color: #4d4d4d; font-size: 0.875rem; }
.search-result-snippet { margin: 0.25rem 0 0; }
.search-results mark { background: #fff1a8; color: inherit; padding: 0 0.05em; }
@media print { .site-search { display: none; } }

"""####,
        "cited-documents.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.citedDocuments}}{{#pageLabel}} – {{.}}{{/pageLabel}}</h1>
{{> partials/letter-nav}}
{{> partials/pager}}
{{#groups}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}" class="letter">{{letter}}</h2>
{{#entries}}
<section class="entry" id="{{anchor}}" aria-labelledby="{{anchor}}-ten">
<h3 id="{{anchor}}-ten">{{name}}</h3>
{{#date}}
<p class="meta">{{t.date}} {{.}}</p>
{{/date}}
{{#documentHref}}
<p><a href="{{.}}">{{t.readDocument}}</a></p>
{{/documentHref}}
{{^documentHref}}
<p class="meta">{{t.notInSite}}</p>
{{/documentHref}}
<p class="places-title">{{t.citedIn}}:</p>
{{> partials/places}}
</section>
{{/entries}}
</section>
{{/groups}}
{{> partials/pager}}
{{^groups}}
<p class="empty">{{t.noCitations}}</p>
{{/groups}}
{{/main}}
{{/layout}}

"""####,
        "document.mustache": ####"""
{{<layout}}
{{$main}}
<article class="document" aria-labelledby="tieu-de">
{{> partials/official-header}}
<h1 id="tieu-de" class="document-title">{{#kindLine}}<span class="document-kind">{{.}}</span> {{/kindLine}}<span class="document-summary">{{summary}}</span></h1>
{{#parent}}
<p class="attached-to">({{t.attachedTo}} <a href="{{href}}">{{title}}</a>)</p>
{{/parent}}
{{#hasToc}}
<nav class="toc" aria-labelledby="muc-luc">
<h2 id="muc-luc">{{t.tableOfContents}}</h2>
<ol>
{{#toc}}
{{> partials/toc-entry}}
{{/toc}}
</ol>
</nav>
{{/hasToc}}
<div class="document-body">
{{{preambleHtml}}}
{{#sections}}
{{> partials/section}}
{{/sections}}
{{{epilogueHtml}}}
</div>
{{> partials/closing}}
{{#hasAttachments}}
<section class="attachments" aria-labelledby="van-ban-kem-theo">
<h2 id="van-ban-kem-theo">{{t.attachments}}</h2>
<ul>
{{#attachments}}
<li><a href="{{href}}">{{title}}</a></li>
{{/attachments}}
</ul>
</section>
{{/hasAttachments}}
</article>
{{/main}}
{{/layout}}

"""####,
        "home.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{siteTitle}}</h1>
{{#description}}
<p class="lead">{{.}}</p>
{{/description}}
<section aria-labelledby="danh-sach-van-ban">
<h2 id="danh-sach-van-ban">{{t.documents}}</h2>
{{#hasDocuments}}
<ul class="document-list">
{{#documents}}
<li>
<a class="document-link" href="{{href}}">{{title}}</a>
{{#meta}}
<p class="meta">{{.}}</p>
{{/meta}}
{{#hasThemes}}
<p class="meta"><a href="{{themesHref}}">{{themeCount}} {{t.themeCount}}</a></p>
{{/hasThemes}}
{{#hasAttachments}}
<ul class="attachment-list">
{{#attachments}}
<li><a href="{{href}}">{{title}}</a></li>
{{/attachments}}
</ul>
{{/hasAttachments}}
</li>
{{/documents}}
</ul>
{{/hasDocuments}}
{{^hasDocuments}}
<p class="empty">{{t.noDocuments}}</p>
{{/hasDocuments}}
</section>
<section aria-labelledby="tra-cuu">
<h2 id="tra-cuu">{{t.indexes}}</h2>
<ul class="index-list">
{{#indexes}}
<li><a href="{{href}}">{{label}}</a>: {{description}}</li>
{{/indexes}}
</ul>
</section>
{{/main}}
{{/layout}}

"""####,
        "layout.mustache": ####"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{pageTitle}}</title>
{{#description}}
<meta name="description" content="{{.}}">
{{/description}}
{{#canonicalURL}}
<link rel="canonical" href="{{.}}">
{{/canonicalURL}}
{{#feedHref}}
<link rel="alternate" type="application/atom+xml" title="{{siteTitle}}" href="{{.}}">
{{/feedHref}}
<link rel="stylesheet" href="{{root}}assets/style.css">
<link rel="stylesheet" href="{{root}}assets/print.css" media="print">
</head>
<body class="page-{{pageKind}}">
<a class="skip-link" href="#noi-dung">{{t.skipToContent}}</a>
<header class="site-header">
<div class="wrap">
<p class="site-title"><a href="{{root}}index.html">{{siteTitle}}</a></p>
<nav class="site-nav" aria-label="{{t.mainNavigation}}">
<ul>
{{#nav}}
<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>
{{/nav}}
</ul>
</nav>
<form class="site-search" role="search" action="{{root}}tim-kiem.html" method="get">
<input id="o-tim-kiem" type="search" name="q" aria-label="{{t.searchLabel}}" placeholder="{{t.searchPlaceholder}}">
<button type="submit">{{t.searchButton}}</button>
</form>
</div>
</header>
<main id="noi-dung" class="wrap" tabindex="-1">
{{#hasBreadcrumbs}}
<nav class="breadcrumbs" aria-label="{{t.breadcrumbs}}">
<ol>
{{#breadcrumbs}}
<li>{{#href}}<a href="{{.}}">{{label}}</a>{{/href}}{{^href}}<span aria-current="page">{{label}}</span>{{/href}}</li>
{{/breadcrumbs}}
</ol>
</nav>
{{/hasBreadcrumbs}}
{{$main}}{{/main}}
</main>
<footer class="site-footer">
<div class="wrap">
<p>{{t.footer}}</p>
</div>
</footer>
</body>
</html>

"""####,
        "not-found.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.notFoundTitle}}</h1>
<p>{{t.notFoundText}}</p>
<p><a href="{{root}}index.html">{{t.backHome}}</a></p>
{{/main}}
{{/layout}}

"""####,
        "organizations.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.organizations}}{{#pageLabel}} – {{.}}{{/pageLabel}}</h1>
{{> partials/letter-nav}}
{{> partials/pager}}
{{#groups}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}" class="letter">{{letter}}</h2>
{{#entries}}
<section class="entry" id="{{anchor}}" aria-labelledby="{{anchor}}-ten">
<h3 id="{{anchor}}-ten">{{name}}</h3>
{{#hasAssignments}}
<p class="places-title">{{t.assignedTasks}}:</p>
<ul class="assignments">
{{#assignments}}
<li><span class="role role-{{roleKey}}">{{role}}</span>: {{task}} (<a href="{{href}}">{{label}}</a>)</li>
{{/assignments}}
</ul>
{{/hasAssignments}}
{{#hasPlaces}}
<p class="places-title">{{t.mentionedIn}}:</p>
{{> partials/places}}
{{/hasPlaces}}
</section>
{{/entries}}
</section>
{{/groups}}
{{> partials/pager}}
{{^groups}}
<p class="empty">{{t.noOrganizations}}</p>
{{/groups}}
{{/main}}
{{/layout}}

"""####,
        "partials/closing.mustache": ####"""
{{#hasClosing}}
<footer class="document-closing">
<div class="recipients">
{{#hasRecipients}}
<p class="recipients-title">{{t.recipients}}</p>
<ul>
{{#recipients}}
<li>{{.}}</li>
{{/recipients}}
</ul>
{{/hasRecipients}}
</div>
<div class="signature">
{{#signature}}
{{#authority}}
<p class="signature-authority">{{.}}</p>
{{/authority}}
{{#position}}
<p class="signature-position">{{.}}</p>
{{/position}}
{{#name}}
<p class="signature-name">{{.}}</p>
{{/name}}
{{/signature}}
</div>
</footer>
{{/hasClosing}}

"""####,
        "partials/letter-nav.mustache": ####"""
{{#hasLetters}}
<nav class="letter-nav" aria-label="{{t.letters}}">
<ul>
{{#letters}}
<li><a href="{{href}}">{{letter}}</a></li>
{{/letters}}
</ul>
</nav>
{{/hasLetters}}

"""####,
        "partials/official-header.mustache": ####"""
{{#hasOfficialHeader}}
<header class="official-header">
<div class="official-issuer">
{{#issuerLines}}
<p class="issuer">{{.}}</p>
{{/issuerLines}}
{{#issuer}}
<p class="issuer-star" aria-hidden="true">*</p>
{{/issuer}}
{{#numberLine}}
<p class="number">{{.}}</p>
{{/numberLine}}
</div>
<div class="official-national">
{{#nationalTitle}}
<p class="national">{{.}}</p>
{{/nationalTitle}}
{{#placeDate}}
<p class="place-date">{{.}}</p>
{{/placeDate}}
</div>
</header>
{{/hasOfficialHeader}}

"""####,
        "partials/pager.mustache": ####"""
{{#hasPager}}
<nav class="pager" aria-label="{{t.pages}}">
<ul>
{{#previousHref}}
<li><a href="{{.}}" rel="prev">{{t.previousPage}}</a></li>
{{/previousHref}}
{{#pagerItems}}
{{#gap}}
<li aria-hidden="true">…</li>
{{/gap}}
{{^gap}}
{{#href}}
<li><a href="{{.}}">{{t.page}} {{label}}</a></li>
{{/href}}
{{^href}}
<li><span aria-current="page">{{t.page}} {{label}}</span></li>
{{/href}}
{{/gap}}
{{/pagerItems}}
{{#nextHref}}
<li><a href="{{.}}" rel="next">{{t.nextPage}}</a></li>
{{/nextHref}}
</ul>
</nav>
{{/hasPager}}
"""####,
        "partials/places.mustache": ####"""
<ul class="places">
{{#places}}
<li><a href="{{href}}">{{label}}</a>{{#context}}<br><q class="context">{{.}}</q>{{/context}}</li>
{{/places}}
</ul>

"""####,
        "partials/section.mustache": ####"""
{{#isHeading}}
<section class="sec sec-{{level}}"{{#id}} id="{{.}}"{{/id}}>
<h{{headingLevel}} class="sec-heading"><span class="sec-marker">{{marker}}</span> {{{leadHtml}}}</h{{headingLevel}}>
{{#themeHref}}
<p class="sec-theme-link"><a href="{{.}}">{{t.themePage}} {{themeNumber}}</a></p>
{{/themeHref}}
{{{bodyHtml}}}
{{#children}}
{{> partials/section}}
{{/children}}
</section>
{{/isHeading}}
{{^isHeading}}
<div class="sec sec-{{level}} sec-runin"{{#id}} id="{{.}}"{{/id}}>
<p class="sec-lead"><span class="sec-marker">{{marker}}</span> {{{leadHtml}}}</p>
{{#themeHref}}
<p class="sec-theme-link"><a href="{{.}}">{{t.themePage}} {{themeNumber}}</a></p>
{{/themeHref}}
{{{bodyHtml}}}
{{#children}}
{{> partials/section}}
{{/children}}
</div>
{{/isHeading}}

"""####,
        "partials/toc-entry.mustache": ####"""
<li><a href="{{href}}">{{number}}. {{title}}</a>{{#hasChildren}}
<ol>
{{#children}}
{{> partials/toc-entry}}
{{/children}}
</ol>
{{/hasChildren}}</li>

"""####,
        "search.mustache": ####"""
{{<layout}}
{{$main}}
<article class="search-page" aria-labelledby="tieu-de">
<h1 id="tieu-de">{{t.search}}</h1>
<form class="search-form" role="search" action="tim-kiem.html" method="get">
<label for="tim-kiem-q">{{t.searchLabel}}</label>
<div class="search-row">
<input id="tim-kiem-q" type="search" name="q" spellcheck="false" aria-describedby="tim-kiem-goi-y" data-search-input>
<button type="submit">{{t.searchButton}}</button>
</div>
<p id="tim-kiem-goi-y" class="search-help">{{t.searchHelp}}</p>
</form>
<noscript><p class="search-status">{{t.searchNoScript}}</p></noscript>
<p class="search-status" role="status" aria-live="polite" data-search-status></p>
<ol class="search-results" aria-label="{{t.searchResults}}" data-search-results data-root="" data-empty="{{t.searchEmpty}}" data-searching="{{t.searchSearching}}" data-count="{{t.searchCount}}" data-partial="{{t.searchPartial}}" data-none="{{t.searchNone}}" data-failed="{{t.searchFailed}}"></ol>
<p><button type="button" class="search-more" hidden data-search-more>{{t.searchMore}}</button></p>
</article>
<script src="assets/search.js"></script>
<script src="search/index.js" data-search-index></script>
{{/main}}
{{/layout}}

"""####,
        "theme.mustache": ####"""
{{<layout}}
{{$main}}
<article class="theme" aria-labelledby="tieu-de">
<p class="theme-kicker">{{t.theme}} {{number}}</p>
<h1 id="tieu-de">{{title}}</h1>
<section class="theme-part" aria-labelledby="trong-ke-hoach">
<h2 id="trong-ke-hoach">{{t.inThePlan}}</h2>
{{#planSection}}
{{> partials/section}}
{{/planSection}}
<p class="source-link"><a href="{{planHref}}">{{t.readInDocument}}: {{planTitle}}</a></p>
</section>
<section class="theme-part" aria-labelledby="trong-de-cuong">
<h2 id="trong-de-cuong">{{t.inTheOutline}}</h2>
{{#outlineSection}}
{{> partials/section}}
{{/outlineSection}}
{{#outlineHref}}
<p class="source-link"><a href="{{.}}">{{t.readInDocument}}: {{outlineTitle}}</a></p>
{{/outlineHref}}
{{^outlineSection}}
<p class="empty">{{t.noOutlineSection}}</p>
{{/outlineSection}}
</section>
{{#hasCitations}}
<section class="theme-part" aria-labelledby="van-ban-trich-dan">
<h2 id="van-ban-trich-dan">{{t.citedDocuments}}</h2>
<ul>
{{#citations}}
<li><a href="{{href}}">{{name}}</a>{{#date}} ({{.}}){{/date}}</li>
{{/citations}}
</ul>
</section>
{{/hasCitations}}
{{#hasOrganizations}}
<section class="theme-part" aria-labelledby="co-quan-lien-quan">
<h2 id="co-quan-lien-quan">{{t.organizations}}</h2>
<ul>
{{#organizations}}
<li><a href="{{href}}">{{name}}</a></li>
{{/organizations}}
</ul>
</section>
{{/hasOrganizations}}
<nav class="pager" aria-label="{{t.themeNavigation}}">
<ul>
{{#previous}}
<li class="pager-previous"><a href="{{href}}" rel="prev"><span class="pager-label">{{t.previousTheme}}</span> {{number}}. {{title}}</a></li>
{{/previous}}
{{#next}}
<li class="pager-next"><a href="{{href}}" rel="next"><span class="pager-label">{{t.nextTheme}}</span> {{number}}. {{title}}</a></li>
{{/next}}
</ul>
</nav>
</article>
{{/main}}
{{/layout}}

"""####,
        "themes.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.themes}}</h1>
{{#plans}}
<section aria-labelledby="{{id}}">
<h2 id="{{id}}"><a href="{{href}}">{{title}}</a></h2>
<ol class="theme-list">
{{#themes}}
<li><a href="{{href}}"><span class="theme-number">{{number}}.</span> {{title}}</a>{{^hasOutline}} <span class="badge">{{t.noOutline}}</span>{{/hasOutline}}</li>
{{/themes}}
</ol>
</section>
{{/plans}}
{{^plans}}
<p class="empty">{{t.noThemes}}</p>
{{/plans}}
{{/main}}
{{/layout}}

"""####,
        "timeline.mustache": ####"""
{{<layout}}
{{$main}}
<h1 id="tieu-de">{{t.timeline}}{{#pageLabel}} – {{.}}{{/pageLabel}}</h1>
{{#hasEntries}}
{{#hasChart}}
<figure class="timeline-chart">
{{{chartHtml}}}
</figure>
{{/hasChart}}
{{#hasYears}}
<nav class="letter-nav" aria-label="{{t.years}}">
<ul>
{{#years}}
<li><a href="{{href}}">{{year}}</a></li>
{{/years}}
</ul>
</nav>
{{/hasYears}}
{{> partials/pager}}
<ol class="timeline">
{{#entries}}
<li id="{{id}}"><time datetime="{{datetime}}">{{display}}</time> {{#text}}<span class="timeline-text">{{.}}</span>{{/text}}{{#context}}<br><q class="context">{{.}}</q>{{/context}}<br><a href="{{href}}">{{label}}</a></li>
{{/entries}}
</ol>
{{> partials/pager}}
{{/hasEntries}}
{{^hasEntries}}
<p class="empty">{{t.noDates}}</p>
{{/hasEntries}}
{{/main}}
{{/layout}}

"""####,
    ]
}
