"""Streamlit's edge: the app's caches, session state and widgets, and nothing else.

Why one module: everything that imports Streamlit lives here, so the logic behind it (geomap.filters, pagedata,
uploads, placeedit, permalink, playback, feed, summary, timeline) stays plain Python, tested without a server.
The map page's sections below the map (timeline, summaries) are geomap.ui_summaries', the feed geomap.ui_feed's,
the date slider and Play geomap.ui_playback's.
Queries are cached per store version (pagedata.store_version), so a rerun (slider, play, pan) costs milliseconds
and a new ingest shows at once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geomap import (
    articlesapp,
    filters,
    follow,
    mapview,
    memory,
    names,
    pagedata,
    permalink,
    placeedit,
    playback,
    ui_feed,
    ui_overlays,
    uploads,
)
from geomap.exceptions import StoreError
from geomap.filters import Choices, Filters, Span

F = TypeVar("F", bound=Callable[..., Any])
memory.limit_arenas()  # before the sessions' threads start: keeps the server's memory flat over visits
memory.fix_mmap_threshold()  # large temporaries mmapped and given back, not left as holes in the heap
memory.arrow_on_malloc()

#: The app's own stylesheet for the page around the map (media queries for phones).
PAGE_CSS = Path(mapview.__file__).parent / "static" / "page.css"


def shown(fn: F) -> F:
    """`fn` with a damaged, foreign or unreadable store shown as one message on the page, and the run stopped
    there -- never a traceback with server paths."""

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            st.error(f"Cannot read the event store. {exc}")
            st.stop()
            raise  # outside a Streamlit run st.stop() returns

    return call  # type: ignore[return-value]


def page_setup(title: str, icon: str) -> None:
    """First call of every page: its browser title and the wide layout; notes which page runs (see `entered`)."""
    _through_app_navigation()
    st.set_page_config(page_title=title, page_icon=icon, layout="wide")
    st.html(PAGE_CSS)  # the phone layout: the map first, the event panel over it (a CSS file, no HTML here)
    st.session_state["page_before"] = st.session_state.get("page_now")
    st.session_state["page_now"] = title


def _through_app_navigation() -> None:
    """Run a page through app.py's `st.navigation`, never as a lone file of pages/.

    Streamlit starts a server that has a pages/ folder in its old folder mode until some run of app.py calls
    `st.navigation`; a fresh server's first visit straight to /Data ran pages/2_Data.py alone, and the navigation
    read "app" instead of "Map" until the server restarted. Leaving the mode and rerunning goes through app.py,
    which opens the page the URL names. (Streamlit 1.5x-1.6x keep the mode as a class flag of PagesManager.)
    """
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def entered() -> bool:
    """True on a page's first run after the user came from another page (or opened the app): the moment its
    widgets, which Streamlit dropped meanwhile, are seeded again."""
    return st.session_state.get("page_before") != st.session_state.get("page_now")


# The pages' store calls that are not cached, with the store's errors shown on the page.
needs_first_ingest = shown(pagedata.needs_first_ingest)
article_with_mentions = shown(pagedata.article_with_mentions)
delete_article = shown(articlesapp.delete_article)
export_text = shown(pagedata.export_text)
ingest_pasted = shown(uploads.ingest_pasted)
name_usage = shown(placeedit.name_usage)
save_override = shown(placeedit.save_override)
store_version = shown(pagedata.store_version)
overlay_section = shown(ui_overlays.overlay_section)  # the sidebar's Overlays (in its own module, same edge)
overlay_choice = shown(ui_overlays.overlay_choice)
overlay_layer_for = shown(ui_overlays.overlay_layer_for)


# ---- cached queries: keyed by the store's version ----

# The map page's frame: no text (issue 14), read column-wise; text is read by id for the rows shown. One shared,
# read-only frame per query (cache_resource): cache_data unpickled a copy on every call, at 200,000 events ~100 MB
# per rerun that fragmented the server's heap. Callers never modify it (they copy: drop, assign).
@st.cache_resource(show_spinner=False, max_entries=8)
def _map_events(path: str, version: tuple, f: Filters) -> pd.DataFrame:
    return pagedata.map_events(path, f)


@st.cache_data(show_spinner=False, max_entries=8)
def _span(path: str, version: tuple) -> Span | None:
    return pagedata.date_span(path)


# Shared too: the options hold every article's id and title (at 200,000 articles 37 MB of objects), and cache_data's
# copy per run was kept by each session's article-filter labels. Read-only for callers.
@st.cache_resource(show_spinner=False, max_entries=8)
def _choices(path: str, version: tuple) -> Choices:
    return pagedata.choices(path)


@st.cache_data(show_spinner=False, max_entries=8)
def _articles(path: str, version: tuple) -> pd.DataFrame:
    return pagedata.articles(path)


@st.cache_data(show_spinner=False, max_entries=32)
def _layer_ref(path: str, version: tuple, f: Filters, payload_dir: str) -> tuple[str | None, list, int]:
    return pagedata.map_layer_payload(path, _map_events(path, version, f), payload_dir)


@st.cache_data(show_spinner=False, max_entries=16)
def _intervals(path: str, version: tuple, f: Filters) -> tuple[playback.Window, ...]:
    return playback.intervals_of(_map_events(path, version, f))


@st.cache_data(show_spinner=False, max_entries=8)
def _bounds(path: str, version: tuple) -> list[list[float]] | None:
    return mapview.frame_bounds(_map_events(path, version, Filters()))


def _canonical(path: str, version: tuple, f: Filters) -> Filters:
    return filters.canonical(f, _span(path, version))


def query_key(path: Path, f: Filters) -> tuple[str, tuple, Filters]:
    """What the cached queries are keyed by: the store, its version and the filters in canonical form."""
    version = pagedata.store_version(path)
    return str(path), version, _canonical(str(path), version, f)


@shown
def map_events(path: Path, f: Filters = filters.ALL) -> pd.DataFrame:
    """Events matching `f` without their text (sentence, article, title...), cached per store version and filters:
    what the map, the legend, the timeline and the summaries need; `with_texts` adds the text to the rows shown."""
    return _map_events(*query_key(path, f))


with_texts = shown(pagedata.with_texts)
table_page = shown(pagedata.table_page)
records_with_texts = shown(pagedata.records_with_texts)


@shown
def date_span(path: Path) -> Span | None:
    """The stored events' first and last dates (cached per store version)."""
    return _span(str(path), pagedata.store_version(path))


@shown
def choices_for(path: Path) -> Choices:
    """Filter options of the whole store (cached per store version)."""
    return _choices(str(path), pagedata.store_version(path))


@shown
def articles(path: Path) -> pd.DataFrame:
    """The stored articles, cached per store version (the Articles page asks on every rerun)."""
    return _articles(str(path), pagedata.store_version(path))


@shown
def bounds_for(path: Path) -> list[list[float]] | None:
    """The frame of every stored event (the map's initial view), cached per store version."""
    return _bounds(str(path), pagedata.store_version(path))


@shown
def play_intervals(path: Path, f: Filters) -> tuple[playback.Window, ...]:
    """The date ranges of the events matching `f` whatever their dates: Play skips the days without any."""
    version = pagedata.store_version(path)
    return _intervals(str(path), version, _canonical(str(path), version, replace(f, start=None, end=None)))


@shown
def event_layer_for(path: Path, f: Filters, *, cluster: bool | None, heat: bool, payload_dir: Path,
                    selected: str | None = None, store_follow: mapview.StoreFollow | None = None) -> object:
    """The map's event layer for `f`: the payload is built and written once per (store version, filters), so
    moving the slider back to a range seen before costs no Python work at all."""
    version = pagedata.store_version(path)
    f = _canonical(str(path), version, f)
    name, rows, points = _layer_ref(str(path), version, f, str(payload_dir))
    if name is not None and not (Path(payload_dir) / name).is_file():  # rotated away meanwhile
        _layer_ref.clear()
        name, rows, points = _layer_ref(str(path), version, f, str(payload_dir))
    if cluster is None:
        cluster = points > mapview.CLUSTER_THRESHOLD
    url = mapview.served_url(payload_dir, name) if name else None
    return mapview.layer_from_payload(rows, url=url, cluster=cluster, heat=heat, selected=selected,
                                      follow=store_follow)


# ---- first start ----

def first_start(path: Path) -> None:
    """On an empty store, ingest the sample articles under a progress bar."""
    if not (needs_first_ingest(path) and pagedata.sample_paths()):
        return
    with st.status("First start: reading the sample articles…", expanded=True) as status:
        bar = st.progress(0.0, text="starting")

        def progress(done: int, total: int, label: str) -> None:
            bar.progress(min(done / total, 1.0) if total else 0.0, text=f"{done}/{total or '?'} {label}")

        report = shown(pagedata.first_start_ingest)(path, progress)
        done = f"Sample articles ingested: {report.summary().splitlines()[0]}" if report else "Ready"
        status.update(label=done, state="complete", expanded=False)


def upload_widget(path: Path, files: list) -> pd.DataFrame:
    """Ingest the uploaded files under a progress bar; the results table."""
    bar = st.progress(0.0, text="reading")
    results = shown(uploads.ingest_uploads)(
        path, [(f.name, f.getvalue()) for f in files],
        lambda done, total, label: bar.progress(done / max(total, 1), text=f"{done}/{total} {label}"))
    return uploads.results_frame(results)


# ---- filters: widgets, and their state carried between pages ----

#: Session key of the filters (as URL parameters) the user last set on any page: Streamlit drops a page's widget
#: state when another page runs, so each page leaves its filters here and the next one starts from them.
SHARED = "shared_query"
#: Session key of the map page's whole last URL (its options and view outlive a visit to another page this way).
MAP_QUERY = "map_query"


def filter_widgets(opts: Choices, prefix: str = "f_") -> dict:
    """Draw the filter widgets (in the current container) and return Filters keyword arguments (dates aside)."""
    for k, label in filters.FILTER_LABELS.items():
        key = f"{prefix}{k}"
        if k == "articles":
            options = filters.article_options(opts.articles, st.session_state.get(key) or ())
            st.multiselect(label, options, key=key, placeholder="all (type an article id)", accept_new_options=True,
                           format_func=lambda a: names.article_label(a, opts.titles))
        else:
            st.multiselect(label, getattr(opts, k), key=key, placeholder="all",
                           format_func=names.country_label if k == "countries" else str)
    st.text_input("Text in sentence, place or title", key=f"{prefix}text")
    st.slider("Minimum event confidence", min_value=filters.default_min_score(), max_value=1.0, step=0.01,
              key=f"{prefix}conf",
              help="How sure the event-place model is that the place is where the event happened. The "
                   "lowest setting (the model's own threshold, chosen on held-out data) shows every event.")
    return filter_values(prefix)


def filter_values(prefix: str = "f_") -> dict:
    """The filters' Filters keyword arguments (dates aside) from their state: what `filter_widgets` returns, also
    before its widgets are drawn (the map page's first run draws the map before the sidebar, see app.py)."""
    state = st.session_state
    out: dict = {k: tuple(state.get(f"{prefix}{k}") or ()) or None for k in filters.FILTER_LABELS}
    out["text"] = (state.get(f"{prefix}text") or "").strip() or None
    out["min_score"] = filters.score_param(str(state.get(f"{prefix}conf", filters.default_min_score())))
    return out


def remember(query: Mapping[str, str]) -> None:
    """A page's filters as URL parameters, for the next page the user opens."""
    st.session_state[SHARED] = dict(query)


def seed_filters(prefix: str, opts: Choices, span: Span | None, dates_key: str, params: Mapping[str, object]
                 ) -> None:
    """The filter widgets' state (keys `prefix`...) from the query `params`; the dates go to `dates_key`."""
    url = filters.filters_from_query(params, span)
    st.session_state.update(filters.widget_state(prefix, url, opts))
    if span is not None:
        st.session_state[dates_key] = (url.start or span[0], url.end or span[1])


def data_page_query() -> dict[str, object]:
    """The Data page's starting query: its URL's filters, else the map page's (filters.carried)."""
    return filters.carried(st.query_params.to_dict(), st.session_state.get(SHARED) or {})


# ---- the map page ----

def seed_map(opts: Choices, span: Span | None) -> None:
    """When the user opens the map page: its filters, view, options and selected event from its URL, else from its
    last run and the filters last set on another page (the Data page's, say)."""
    if not entered():
        return
    params = permalink.map_entry_query(st.query_params.to_dict(), st.session_state.get(MAP_QUERY) or {},
                                       st.session_state.get(SHARED) or {})
    seed_filters("f_", opts, span, "dates", params)
    st.session_state.focus = mapview.parse_focus(params.get("focus"))  # type: ignore[arg-type]
    st.session_state.view0 = permalink.parse_view(params.get("view"))
    st.session_state.view = params.get("view") if st.session_state.view0 else None
    st.session_state.update(permalink.options_from_query(params))  # basemap, cluster, heat
    st.session_state.sel_uid = st.session_state.sel0 = permalink.event_param(params)


#: Key of the hidden button the map presses when the store's counts change (map.js `geomap.followStore`).
STORE_CHANGED = "store_changed"


def follow_store(path: Path, payload_dir: Path) -> mapview.StoreFollow:
    """New events from `geomap watch` (or anyone): the map looks at the store's counts (geomap.follow) and presses
    this page's hidden button when they change, which reruns the page with its filters and map view kept. Returns
    the look, for the event layer (`event_layer_for(store_follow=...)`)."""
    counts = follow.follow(path, payload_dir)
    before, st.session_state.follow_counts = st.session_state.get("follow_counts"), counts
    if (added := follow.new_events(before, counts)) > 0:  # since this page's last run in this visit
        st.toast(f"{added} new event{'s' if added != 1 else ''} on the map", icon=":material/fiber_new:")
    st.button("New events", key=STORE_CHANGED, on_click=_keep_view)  # hidden by page.css
    return mapview.StoreFollow(mapview.served_url(payload_dir, follow.counts_file(path)), counts, follow.REFRESH_S)


def _keep_view() -> None:
    st.session_state.view0 = permalink.parse_view(st.session_state.get("view")) or st.session_state.get("view0")


def map_options() -> tuple[str, str, bool]:
    """The sidebar's map options: (basemap label, cluster mode label, heat layer on)."""
    st.radio("Basemap", list(permalink.BASEMAPS), key="basemap",
             help="Online tiles need the internet; if they fail, the map says so and shows the offline map.")
    st.radio("Cluster markers", list(permalink.CLUSTER_MODES), key="cluster", horizontal=True)
    st.checkbox("Heat map layer", key="heat")
    return map_option_values()


def map_option_values() -> tuple[str, str, bool]:
    """`map_options` from their state (the radios' first choice and no heat map until set), widgets drawn or not."""
    state = st.session_state
    return (state.get("basemap") or next(iter(permalink.BASEMAPS)),
            state.get("cluster") or next(iter(permalink.CLUSTER_MODES)), bool(state.get("heat")))


def start_view(df: pd.DataFrame) -> tuple[tuple[float, float], int] | None:
    """The map's first view: the URL's focus, else its view, else a permalink's event once it is drawn."""
    focus, view0 = st.session_state.get("focus"), st.session_state.get("view0")
    linked = permalink.row_of(df, st.session_state.get("sel0"))
    if linked is not None and not focus and not view0:
        view0 = st.session_state.view0 = ((float(linked["lat"]), float(linked["lon"])), 9)
    return (focus, 8) if focus else view0


def map_widget(base: object, layer: object, view: tuple[tuple[float, float], int] | None, borders: bool
               ) -> Mapping | None:
    """The map (only its event layer is swapped when filters change); what it returned, its view kept."""
    out = st_folium(base, key="map", feature_group_to_add=layer, height=580, use_container_width=True,
                    returned_objects=mapview.RETURNED_OBJECTS,
                    center=view[0] if view else None, zoom=view[1] if view else None)
    if not borders:
        st.caption("Country borders unavailable (data/countries.geojson missing).")
    st.session_state.view = permalink.view_from_map(out) or st.session_state.get("view")
    return out


def selected_marker(df: pd.DataFrame) -> str | None:
    """The row id the map selects: a feed click's one-off token, else the permalink's event."""
    linked = permalink.row_of(df, st.session_state.get("sel0"))
    return st.session_state.get("sel_token") or (str(linked["event_id"]) if linked is not None else None)


def event_panel(path: Path, df: pd.DataFrame, out: Mapping | None) -> None:
    """The side panel: the clicked (or linked, or feed-picked) event's place and sentences, the legend, the feed.
    `df` may lack the text columns (ui.map_events): the panel's events and the feed's page read theirs by id."""
    clicked = mapview.clicked_event_id(out)
    if clicked and clicked != st.session_state.get("last_click"):  # a new click chooses the event
        st.session_state.last_click = clicked
        st.session_state.sel_uid = permalink.uid_of(df, clicked)
    chosen = permalink.row_of(df, st.session_state.get("sel_uid"))
    clicked = str(chosen["event_id"]) if chosen is not None else clicked
    rec, here = mapview.events_at_place(df, clicked)
    here = records_with_texts(path, here)
    if rec is not None:
        st.subheader(f"{rec['name']} — {len(here)} event{'s' if len(here) != 1 else ''} here")
        st.html(mapview.panel_html(here, clicked))
    elif clicked:
        st.info("The selected event is outside the current filters.")
    else:
        st.info("Click a marker to read its source sentence here.")
    st.html(mapview.legend_html(filters.type_counts(df)))
    st.subheader("Event feed")
    if map_drawn():
        ui_feed.feed_widget(df, clicked, fill=functools.partial(with_texts, path))
    else:
        st.caption("The feed follows once the map is drawn.")


#: Key of the button that asks for what the map page draws after the map; map.js presses `.st-key-after_map button`.
AFTER_MAP = "after_map"


def map_drawn() -> bool:
    """True from the run after the map's first draw in this visit: the feed and the sections below the map wait
    for it, so the first draw has the browser's main thread to itself (see geomap.ui_summaries)."""
    if entered():
        st.session_state.map_drawn = False
    return bool(st.session_state.get("map_drawn"))


def after_map_button(label: str) -> None:
    """The button the map presses once drawn (map.js `afterDraw`); it stays for the user if the map never draws."""
    st.button(label, key=AFTER_MAP, on_click=_drawn, help="Drawn once the map is (the map presses this itself).")


def _drawn() -> None:
    st.session_state.map_drawn = True


def write_map_url(f: Filters, span: Span | None, options: tuple[str, str, bool],
                  extra: Mapping[str, str] | None = None) -> None:
    """The map page's state into its URL (a permalink), and its filters for the other pages; `extra`: more map
    options (the overlays' `ov=`)."""
    query = filters.filters_to_query(f, span)
    remember(query)
    st.session_state[MAP_QUERY] = permalink.map_query(
        query, focus=st.session_state.get("focus"), view=st.session_state.get("view"),
        options={**permalink.options_to_query(*options), **(extra or {})}, event=st.session_state.get("sel_uid"))
    st.query_params.from_dict(st.session_state[MAP_QUERY])
