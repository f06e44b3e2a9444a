// kabar search: runs the query in `?q=` against the Pagefind index the build wrote under
// pagefind/: one index per calendar shard (newest first), and a word directory: a word
// table, which names for each whole word the shards that can hold it, and a small index
// with one record per shard for the other words. The table is read at once, while Pagefind
// loads, and the older shards it names are preloaded; the newest shard is searched as soon
// as Pagefind is ready (a common word fills a page there); then only the shards holding the
// query's words are merged, newest first, as many as the page of results needs: a query
// costs what its words need, not what the archive holds.
// Filter counts need every such shard and their filter indexes: they load when a filter
// group is opened.

const root = document.getElementById("search");
const words = root.dataset;
const bundle = words.bundle;
const shards = words.shards.split(" ").filter(Boolean);
const newestShard = shards[0];
const sizes = new Map(words.sizes.split(" ").filter(Boolean).map((n, i) => [shards[i], Number(n)]));
const input = root.querySelector(".search-form input[name=q]");
const controls = root.querySelector(".search-controls");
const filterBox = root.querySelector(".search-filters");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const more = root.querySelector(".search-more");
const elsewhere = root.querySelector(".search-elsewhere");
// Stories are a filter on a site that has them.
const FILTERS = ["tag", ...(words.filterStory ? ["story"] : []), "source", "place", "year"];
const PAGE = 10;
// A query of one letter matches nearly everything: it waits for a second.
const SHORTEST = 2;
// Briefings a round of shards holds at most (unless one shard holds more), and the rounds a
// page of results reads once it has some; "more" reads on.
const ROUND = 500;
const FIRST_ROUNDS = 2;
const ROUND_END = Symbol("round end");

const params = new URLSearchParams(location.search);
const state = {
  query: params.get("q") || "",
  sort: params.get("sort") === "newest" ? "newest" : "best",
  chosen: Object.fromEntries(
    FILTERS.filter((f) => params.getAll(f).length).map((f) => [f, params.getAll(f)]),
  ),
  // The query the shards holding its words were asked for, those shards (a promise), and
  // its filter counts once a group was opened.
  asked: null,
  targets: null,
  counts: null,
};
input.value = state.query;
root.querySelector(`input[name=sort][value=${state.sort}]`).checked = true;

let pagefind = null;
// The indexes merged (or being merged), by folder name.
const merged = new Map();
// Each shard's tag, which names its entry and metadata, once the word table gave it.
let tags = new Map([[newestShard, words.tag]]);
let run = 0;

async function open() {
  if (pagefind) return pagefind;
  const api = await import(`${bundle}pagefind.js`);
  // Records hold site paths that already start with the base path: nothing to prefix. No
  // worker: searching a few shards is quick, and the worker's script would double the bytes
  // of code a query waits for.
  // The tag names the newest shard's entry and metadata as the page preloaded them.
  await api.options({
    basePath: `${bundle}${newestShard}/`,
    baseUrl: "/",
    noWorker: true,
    metaCacheTag: words.tag,
    mergeFilter: { shard: newestShard },
  });
  await api.init();
  merged.set(newestShard, Promise.resolve());
  pagefind = api;
  return api;
}

// The shards holding every word of the query, newest first: as the word table the page read
// at once names them (see `partials/search_table.html`), or else as the directory's index does.
async function targetsOf(api, query) {
  const table = root.table;
  const found = table && table.query.trim() === query ? await table.found : null;
  if (!found) return holding(api, query);
  tags = found.tags;
  return found.targets;
}

// The shards holding every word of the query, newest first: the directory's records that
// match, each named by its `holds` filter, whose counts say which matched (filtering by it
// loads it, and leaves out briefings, which have none). A phrase's quotes are dropped,
// since a shard's words are in no order. The directory is merged at the first call, made
// after the first search was asked for, so that search does not wait for it.
async function holding(api, query) {
  await mergeOnce(api, words.directory, { baseUrl: "/" });
  const found = await api.search(query.replaceAll('"', " "), {
    filters: { holds: { any: shards } },
  });
  const counts = found.filters.holds || {};
  return shards.filter((s) => counts[s] > 0);
}

// Merges the index in the folder `name` once: a second caller waits for the first, and one
// that failed is merged again at the next call.
function mergeOnce(api, name, options) {
  if (!merged.has(name)) {
    const merging = api.mergeIndex(`${bundle}${name}/`, options).catch((error) => {
      merged.delete(name);
      throw error;
    });
    merged.set(name, merging);
  }
  return merged.get(name);
}

// Merges the shards `names`, each tagged with its name, and by its tag when known (so that
// Pagefind asks for the entry and metadata the page preloaded).
async function merge(api, names) {
  await Promise.all(
    names.map((s) => {
      const options = { baseUrl: "/", mergeFilter: { shard: s } };
      if (tags.has(s)) options.metaCacheTag = tags.get(s);
      return mergeOnce(api, s, options);
    }),
  );
}

// The reader's filters, within the briefings of `within` shards (which leaves out the
// directory's records: they have no `shard`).
function scoped(filters, within) {
  return { ...filters, shard: { any: within } };
}

function remember() {
  const next = new URLSearchParams();
  if (state.query) next.set("q", state.query);
  if (state.sort === "newest") next.set("sort", "newest");
  for (const [name, values] of Object.entries(state.chosen)) {
    for (const value of values) next.append(name, value);
  }
  history.replaceState(null, "", `${location.pathname}?${next}`);
}

// Values chosen in one group widen it (any of them), groups narrow each other (all of them).
function chosenFilters() {
  return Object.fromEntries(
    Object.entries(state.chosen).map(([name, values]) => [name, { any: values }]),
  );
}

// The shards to read after the newest, newest first, in rounds merged at once, each of as
// many shards as hold together at most ROUND briefings, and at least one (one shard, in a
// large archive; a small one's all). A rare word, spread thin, reads one round before its
// first page shows, and "more" reads on.
function laterRounds(targets) {
  const rest = targets.filter((s) => s !== newestShard);
  const rounds = [];
  for (let at = 0; at < rest.length; ) {
    let held = 0;
    const round = [];
    while (at < rest.length && (!round.length || held + sizes.get(rest[at]) <= ROUND)) {
      held += sizes.get(rest[at]);
      round.push(rest[at++]);
    }
    rounds.push(round);
  }
  return rounds;
}

// "Newest first": shard by shard (they hold disjoint stretches of time), each sorted by
// date, so results come in time order. After each round, a marker.
async function* newest(api, first, targets, filters, progress) {
  let found = await first;
  progress.total += found.results.length;
  yield* found.results;
  yield ROUND_END;
  const later = laterRounds(await targets);
  for (const [at, round] of later.entries()) {
    await merge(api, round);
    for (const shard of round) {
      found = await api.search(state.query, {
        filters: scoped(filters, [shard]),
        sort: { date: "desc" },
      });
      progress.total += found.results.length;
      yield* found.results;
    }
    progress.complete = at === later.length - 1;
    yield ROUND_END;
  }
  progress.complete = true;
}

// "Best match": ranked among the shards read so far, each round searching them all again
// and giving what was not shown yet. After each round, a marker.
async function* best(api, first, targets, filters, progress) {
  const shown = new Set();
  function* unseen(found) {
    for (const result of found.results) {
      if (shown.has(result.id)) continue;
      shown.add(result.id);
      yield result;
    }
  }
  let found = await first;
  progress.total = found.results.length;
  yield* unseen(found);
  yield ROUND_END;
  const later = laterRounds(await targets);
  const read = [newestShard];
  for (const [at, round] of later.entries()) {
    await merge(api, round);
    read.push(...round);
    found = await api.search(state.query, { filters: scoped(filters, read) });
    progress.total = found.results.length;
    progress.complete = at === later.length - 1;
    yield* unseen(found);
    yield ROUND_END;
  }
  progress.complete = true;
}

function counted(progress) {
  const total = progress.complete ? `${progress.total}` : `${progress.total}+`;
  return progress.total ? `${total} ${words.results}` : words.none;
}

async function search() {
  const mine = ++run;
  list.replaceChildren();
  more.hidden = true;
  const query = state.query.trim();
  if (query.length < SHORTEST) {
    elsewhere.hidden = true;
    status.textContent = query ? words.short : "";
    controls.hidden = true;
    return;
  }
  status.textContent = words.loading;
  // Busy until the page and its count are shown.
  list.setAttribute("aria-busy", "true");
  const filters = chosenFilters();
  const progress = { total: 0, complete: false };
  let api, results;
  try {
    if (!shards.length) throw new Error("the archive has no search index");
    if (state.asked !== query) {
      state.asked = query;
      state.counts = null;
      state.targets = null;
    }
    api = await open();
    // The newest shard is asked at once; the directory's index after, so as not to be
    // waited for.
    const order = state.sort === "newest" ? { sort: { date: "desc" } } : {};
    const first = api.search(state.query, { filters: scoped(filters, [newestShard]), ...order });
    if (!state.targets) {
      state.targets = targetsOf(api, query);
      state.targets.catch(() => {
        state.asked = null;
      });
    }
    // The first round after the newest shard is merged, and its words loaded, while the
    // newest is searched: a word the newest shard lacks or holds too seldom for a page needs
    // it for its first page.
    state.targets
      .then((targets) => {
        const round = laterRounds(targets)[0];
        if (round && mine === run) return merge(api, round).then(() => api.preload(query));
      })
      .catch(() => {});
    const read = state.sort === "newest" ? newest : best;
    results = read(api, first, state.targets, filters, progress);
    if (!(await showMore(results, mine))) return;
  } catch (error) {
    failed(mine, error);
    return;
  }
  status.textContent = counted(progress);
  const total = progress.total;
  // Nothing found: the ways to browse instead.
  elsewhere.hidden = total > 0;
  controls.hidden = total === 0 && Object.keys(filters).length === 0;
  showFilters();
  list.setAttribute("aria-busy", "false");
  // A page filled from the newest shard alone is the whole count when no other shard
  // holds the words.
  state.targets.then((targets) => {
    if (mine === run && !progress.complete && targets.every((s) => s === newestShard)) {
      progress.complete = true;
      status.textContent = counted(progress);
    }
  }, () => {});
  more.onclick = async () => {
    try {
      list.setAttribute("aria-busy", "true");
      await showMore(results, mine, true);
      if (mine !== run) return;
      status.textContent = counted(progress);
      list.setAttribute("aria-busy", "false");
    } catch (error) {
      failed(mine, error);
    }
  };
}

// The index could not be read (a rebuild replacing it, a host missing its files): saying
// so beats "Searching…" for ever; the next search opens the index again.
function failed(mine, error) {
  if (mine === run) {
    status.textContent = words.failed;
    list.setAttribute("aria-busy", "false");
  }
  console.error(error);
}

// Shows the next page of results; after "more", focus goes to the first new one, so the
// keyboard never drops to the top of the page when the button goes away.
// A page ends at PAGE results, or once it has some and has read FIRST_ROUNDS rounds. Its
// results are shown one by one as their data arrives, in order. Whether this search is
// still the latest.
async function showMore(results, mine, asked = false) {
  const page = [];
  let read = 0;
  let next;
  for (next = await results.next(); !next.done; next = await results.next()) {
    if (next.value === ROUND_END) {
      read += 1;
      if (page.length && read >= FIRST_ROUNDS) break;
      continue;
    }
    page.push(next.value.data());
    if (page.length === PAGE) break;
  }
  let first = null;
  for (const data of page) {
    const item = resultItem(await data);
    if (mine !== run) return false;
    list.append(item);
    first ??= item;
  }
  more.hidden = Boolean(next.done);
  if (asked && first) first.querySelector("a").focus();
  return true;
}

function resultItem(item) {
  const li = document.createElement("li");
  const h2 = li.appendChild(document.createElement("h2"));
  const link = h2.appendChild(document.createElement("a"));
  link.href = item.url;
  link.textContent = item.meta.title || item.url;
  const meta = li.appendChild(document.createElement("p"));
  meta.className = "meta";
  const time = meta.appendChild(document.createElement("time"));
  time.dateTime = item.meta.datetime || "";
  time.textContent = item.meta.date || "";
  for (const extra of [item.meta.place, item.meta.source].filter(Boolean)) {
    meta.append(` · ${extra}`);
  }
  const excerpt = li.appendChild(document.createElement("p"));
  excerpt.className = "excerpt";
  excerpt.append(...highlighted(item.excerpt));
  return li;
}

// The excerpt marks the words found with <mark>; everything else is shown as text. Words
// that open with HIDDEN are forms kabar gave the index so that a word's family is found
// (`berunding` is followed by a hidden `runding`): they are not shown, and a highlight on
// one goes to the word before it, the word the query found.
const HIDDEN = "\u0345";

function highlighted(excerpt) {
  const words = [];
  excerpt.split(/<\/?mark>/).forEach((part, i) => {
    for (const word of decode(part).split(" ")) {
      if (word) words.push({ word, marked: i % 2 === 1 });
    }
  });
  const shown = [];
  for (const { word, marked } of words) {
    if (!word.startsWith(HIDDEN)) shown.push({ word, marked });
    else if (marked && shown.length) shown[shown.length - 1].marked = true;
  }
  const nodes = [];
  shown.forEach(({ word, marked }, i) => {
    const text = i ? ` ${word}` : word;
    if (!marked) return nodes.push(document.createTextNode(text));
    if (i) nodes.push(document.createTextNode(" "));
    const mark = document.createElement("mark");
    mark.textContent = word;
    nodes.push(mark);
  });
  return nodes;
}

function decode(text) {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}

// Every shard holding the query's words, with its filter indexes: the counts of each value
// over the query alone (they stay put while filters are ticked).
async function loadCounts() {
  const query = state.query.trim();
  const api = await open();
  const targets = await state.targets;
  await merge(api, targets);
  await api.filters();
  const found = await api.search(query, { filters: scoped({}, targets) });
  state.counts = found.filters;
}

// A group per filter; its values and counts show once a group was opened.
function showFilters() {
  // The box that was just ticked keeps the focus when the groups are drawn again.
  const focused = filterBox.contains(document.activeElement)
    ? [document.activeElement.name, document.activeElement.value]
    : null;
  const opened = new Set(
    [...filterBox.querySelectorAll("details[open]")].map((d) => d.dataset.filter),
  );
  filterBox.replaceChildren();
  const counts = state.counts;
  for (const name of FILTERS) {
    const values = Object.entries(counts?.[name] || {})
      .filter(([value, count]) => count > 0 || (state.chosen[name] || []).includes(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (counts && !values.length) continue;
    const details = filterBox.appendChild(document.createElement("details"));
    details.dataset.filter = name;
    details.className = `filter filter-${name}`;
    const chosen = (state.chosen[name] || []).length;
    const label = words[`filter${name[0].toUpperCase()}${name.slice(1)}`];
    details.appendChild(document.createElement("summary")).textContent =
      chosen ? `${label} (${chosen})` : label;
    details.open = Boolean(counts) && (opened.has(name) || chosen > 0);
    details.ontoggle = async () => {
      if (!details.open || state.counts) return;
      const mine = run;
      const said = status.textContent;
      status.textContent = words.loading;
      try {
        await loadCounts();
      } catch (error) {
        failed(mine, error);
        return;
      }
      if (mine !== run) return;
      status.textContent = said;
      showFilters();
    };
    if (!counts) continue;
    const ul = details.appendChild(document.createElement("ul"));
    for (const [value, count] of values) {
      const label = ul.appendChild(document.createElement("li")).appendChild(document.createElement("label"));
      const box = label.appendChild(document.createElement("input"));
      box.type = "checkbox";
      box.name = name;
      box.value = value;
      box.checked = (state.chosen[name] || []).includes(value);
      box.onchange = () => {
        const rest = (state.chosen[name] || []).filter((v) => v !== value);
        if (box.checked) rest.push(value);
        if (rest.length) state.chosen[name] = rest;
        else delete state.chosen[name];
        remember();
        search();
      };
      label.append(` ${value} (${count})`);
      if (focused && focused[0] === name && focused[1] === value) box.focus();
    }
  }
}

for (const radio of root.querySelectorAll("input[name=sort]")) {
  radio.onchange = () => {
    state.sort = radio.value;
    remember();
    search();
  };
}

search();
