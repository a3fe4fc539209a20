{% macro script(this, kwargs) %}
geomap.context({{ this._parent.get_name() }}, {{ this.config|safe_json }});
{% endmacro %}
