{% macro script(this, kwargs) %}
geomap.seedView({{ this._parent.get_name() }}, {{ this.keys|safe_json }});
{% endmacro %}
