// kabar search: runs the query in `?q=` against the Pagefind index the build wrote under
// pagefind/, one folder per shard (newest first). The newest shard is opened and the others
// merged into it, each tagged with a `shard` filter so that "newest first" can read the
// shards in order (they hold disjoint stretches of time) while "best match" reads them all.

const root = document.getElementById("search");
const words = root.dataset;
const bundle = words.bundle;
const shards = words.shards.split(" ").filter(Boolean);
const input = root.querySelector(".search-form input[name=q]");
const controls = root.querySelector(".search-controls");
const filterBox = root.querySelector(".search-filters");
const status = root.querySelector(".search-status");
const list = root.querySelector(".search-results");
const more = root.querySelector(".search-more");
const elsewhere = root.querySelector(".search-elsewhere");
const FILTERS = ["tag", "source", "place", "year"];
const PAGE = 10;
// A query of one letter matches nearly everything: it waits for a second.
const SHORTEST = 2;

const params = new URLSearchParams(location.search);
const state = {
  query: params.get("q") || "",
  sort: params.get("sort") === "newest" ? "newest" : "best",
  chosen: Object.fromEntries(
    FILTERS.filter((f) => params.getAll(f).length).map((f) => [f, params.getAll(f)]),
  ),
};
input.value = state.query;
root.querySelector(`input[name=sort][value=${state.sort}]`).checked = true;

let pagefind = null;
let run = 0;

async function open() {
  if (pagefind) return pagefind;
  const api = await import(`${bundle}pagefind.js`);
  // Records hold site paths that already start with the base path: nothing to prefix.
  const shard = (s) => ({ baseUrl: "/", mergeFilter: { shard: s } });
  await api.options({ basePath: `${bundle}${shards[0]}/`, ...shard(shards[0]) });
  await api.init();
  await Promise.all(shards.slice(1).map((s) => api.mergeIndex(`${bundle}${s}/`, shard(s))));
  // Results count only the filters whose chunks are loaded: load them all once.
  await api.filters();
  pagefind = api;
  return api;
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

// "Newest first": shard by shard, each sorted by date, so results come in time order.
async function* newest(api, filters) {
  for (const shard of shards) {
    const found = await api.search(state.query, {
      filters: { ...filters, shard },
      sort: { date: "desc" },
    });
    yield* found.results;
  }
}

async function* best(found) {
  yield* found.results;
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
  const filters = chosenFilters();
  let api, found;
  try {
    api = await open();
    found = await api.search(state.query, { filters });
  } catch (error) {
    // The index could not be read (a rebuild replacing it, a host missing its files):
    // saying so beats "Searching…" for ever; the next search opens the index again.
    if (mine === run) status.textContent = words.failed;
    console.error(error);
    return;
  }
  if (mine !== run) return;
  const total = found.results.length;
  status.textContent = total ? `${total} ${words.results}` : words.none;
  // Nothing found: the ways to browse instead.
  elsewhere.hidden = total > 0;
  controls.hidden = total === 0 && Object.keys(filters).length === 0;
  // Counts over the query alone: they stay put while filters are ticked.
  showFilters(found.totalFilters || found.filters);
  const results = state.sort === "newest" ? newest(api, filters) : best(found);
  await showMore(results, mine);
  more.onclick = () => showMore(results, mine, true);
}

// Shows the next page of results; after "more", focus goes to the first new one, so the
// keyboard never drops to the top of the page when the button goes away.
async function showMore(results, mine, asked = false) {
  const page = [];
  for (let next = await results.next(); !next.done; next = await results.next()) {
    page.push(next.value);
    if (page.length === PAGE) break;
  }
  const data = await Promise.all(page.map((r) => r.data()));
  if (mine !== run) return;
  const items = data.map(resultItem);
  list.append(...items);
  more.hidden = page.length < PAGE;
  if (asked && items.length) items[0].querySelector("a").focus();
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

// The excerpt marks the words found with <mark>; everything else is shown as text.
function highlighted(excerpt) {
  const parts = excerpt.split(/<(\/?)mark>/);
  const nodes = [];
  let marked = false;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      marked = parts[i] === "";
      continue;
    }
    const text = decode(parts[i]);
    if (!text) continue;
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(text));
    }
  }
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

function showFilters(counts) {
  // The box that was just ticked keeps the focus when the groups are drawn again.
  const focused = filterBox.contains(document.activeElement)
    ? [document.activeElement.name, document.activeElement.value]
    : null;
  filterBox.replaceChildren();
  for (const name of FILTERS) {
    const values = Object.entries(counts[name] || {})
      .filter(([value, count]) => count > 0 || (state.chosen[name] || []).includes(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (!values.length) continue;
    const details = filterBox.appendChild(document.createElement("details"));
    details.open = Boolean(state.chosen[name]);
    details.className = `filter filter-${name}`;
    details.appendChild(document.createElement("summary")).textContent = words[`filter${name[0].toUpperCase()}${name.slice(1)}`];
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
