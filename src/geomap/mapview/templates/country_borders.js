{% macro script(this, kwargs) %}
geomap.borders({{ this._parent.get_name() }}, {{ this.url|safe_json }}, {{ this.fill_opacity|safe_json }});
{% endmacro %}
