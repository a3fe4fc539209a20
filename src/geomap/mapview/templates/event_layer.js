{% macro script(this, kwargs) %}
geomap.eventLayer({{ this._parent.get_name() }}, {{ this.config|safe_json }}, {{ this.rows|safe_json }});
{% endmacro %}
