"""permalink: map options and the selected event in the URL, read back exactly; bad values ignored."""

from __future__ import annotations

import pandas as pd

from geomap import permalink


def test_map_options_round_trip_and_defaults_stay_out_of_the_url():
    for basemap in permalink.BASEMAPS:
        for cluster in permalink.CLUSTER_MODES:
            for heat in (False, True):
                q = permalink.options_to_query(basemap, cluster, heat)
                back = permalink.options_from_query(q)
                assert back.get("basemap", "Offline map") == basemap
                assert back.get("cluster", "Auto") == cluster
                assert back.get("heat", False) is heat
    assert permalink.options_to_query("Offline map", "Auto", False) == {}
    assert permalink.options_from_query({"basemap": "<script>", "cluster": "x", "heat": "yes"}) == {}


def test_event_param_accepts_ids_only():
    assert permalink.event_param({"event": "e433a32ba81d7953"}) == "e433a32ba81d7953"
    for bad in ("", "x", "e1;drop", "<b>", "a" * 41):
        assert permalink.event_param({"event": bad}) is None


def test_rows_by_stable_id():
    df = pd.DataFrame({"event_id": [3, 7], "uid": ["eaa", "ebb"], "name": ["Kyiv", "Lviv"]})
    assert permalink.row_of(df, "ebb")["name"] == "Lviv"
    assert permalink.row_of(df, "ezz") is None and permalink.row_of(df, None) is None
    assert permalink.uid_of(df, "3") == "eaa" and permalink.uid_of(df, "9") is None


def test_an_old_carto_link_opens_the_offline_map():
    # Carto was dropped (its tiles now need an API key): the old code is ignored, the rest of the link still applies
    assert "carto" not in permalink.BASEMAPS.values()
    assert permalink.options_from_query({"basemap": "carto", "heat": "1"}) == {"heat": True}
