{% macro script(this, kwargs) %}
geomap.overlayLayer({{ this._parent.get_name() }}, {{ this.config|safe_json }});
{% endmacro %}
