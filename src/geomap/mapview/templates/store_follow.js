{% macro script(this, kwargs) %}
geomap.followStore({{ this.config|safe_json }});
{% endmacro %}
