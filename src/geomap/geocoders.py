"""Former home of the online geocoder, kept so `from geomap.geocoders import ...` still works: the code lives in
`geomap.gazetteer.online`, beside the gazetteer it stands behind."""

from geomap.gazetteer.online import USER_AGENT, GeocodeCache, OnlineFallback, fallback_from_env

__all__ = ["USER_AGENT", "GeocodeCache", "OnlineFallback", "fallback_from_env"]
